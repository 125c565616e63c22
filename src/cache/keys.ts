import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { types } from 'node:util';
import type { BookRoots } from '../book/roots.js';

/** A hex SHA-256 of the parts, each framed by its length so that no two lists of parts hash alike. */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * JSON of any value the book model holds, the same for the same value: Sets and Maps as
 * lists (JSON would make them `{}`), bytes as hex, `undefined` kept apart from absent.
 * Object keys keep their order: the model is built in a fixed order, so equal books
 * write equal text, and a reordering can only make a miss, never a wrong hit.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (types.isSet(item)) return { $set: [...item] };
    if (types.isMap(item)) return { $map: [...item] };
    if (types.isUint8Array(item)) return { $bytes: Buffer.from(item).toString('hex') };
    if (item === undefined) return { $undefined: true };
    if (typeof item === 'function') return { $function: String(item) };
    if (typeof item === 'bigint') return { $bigint: String(item) };
    return item;
  });
}

const contents = new Map<string, { stamp: string; digest: string }>();

/**
 * What a file is, for a key: where it really leads and the hash of its bytes, or that it
 * is missing. Hashes are kept per process by size, mtime and inode, so the cover every
 * edition shows is read once per build, and a file rewritten during a build is read again.
 * With the book's roots, a file that leads outside them (a link swapped in since the last
 * build) or is not a regular file is never opened: its fingerprint says so instead.
 */
export async function fileFingerprint(file: string, roots?: BookRoots): Promise<string> {
  const checked = roots?.check(file);
  if (checked && !checked.ok) return `${file}: ${checked.missing ? 'missing' : 'refused'}`;
  let real: string;
  try {
    real = await realpath(file);
    const info = await stat(real);
    if (!info.isFile()) return `${file} -> ${real}: not a file`;
    const stamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
    const known = contents.get(real);
    if (known?.stamp === stamp) return `${file} -> ${real}:${known.digest}`;
    const digest = createHash('sha256').update(await readFile(real)).digest('hex');
    contents.set(real, { stamp, digest });
    return `${file} -> ${real}:${digest}`;
  } catch {
    return `${file}: missing`;
  }
}

/** Every file under a folder (a book's own templates), by relative name and fingerprint. */
export async function folderFingerprint(dir: string, roots?: BookRoots): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch {
    return `${dir}: missing`;
  }
  const parts = await Promise.all(names.map(async (name) => `${name}=${await fileFingerprint(path.join(dir, name), roots)}`));
  return `${dir}{${parts.join(';')}}`;
}
