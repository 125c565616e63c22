import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../diagnostics/errors.js';

/**
 * Writes a file atomically: the bytes go to a temporary file beside it, which is then
 * renamed over the target. A reader (or a crash) never sees half a file, and a failed
 * build leaves what an earlier build wrote untouched.
 */
export async function writeAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(filePath);
  const temporary = path.join(dir, `.folio-tmp-${process.pid}-${path.basename(filePath)}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, filePath);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputError(`Cannot write ${filePath}`, { cause });
  }
}

/** writeAtomic, unless the file already holds these bytes: then it is left as it is (its time too). */
export async function writeIfChanged(filePath: string, data: string | Uint8Array): Promise<boolean> {
  const existing = await readFile(filePath).catch(() => undefined);
  if (existing?.equals(typeof data === 'string' ? Buffer.from(data) : data)) return false;
  await writeAtomic(filePath, data);
  return true;
}
