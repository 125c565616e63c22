import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../package-root.js';

let fingerprint: string | undefined;

/**
 * What makes this Folio this Folio, for the cache: every file of its sources and
 * templates, its package.json and lockfile (so the installed packages: unified, the fonts,
 * sharp, epub-gen-memory), and Node's and V8's versions. A changed Folio never reuses an
 * entry another one made. Computed once per process (about 10 ms); from the start-up
 * bundle the sources are still beside it, and when they are not the bundle itself counts.
 */
export function folioFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  hash.update(`node ${process.version} v8 ${process.versions.v8} zlib ${process.versions.zlib}\0`);
  for (const name of ['package.json', 'package-lock.json']) {
    const file = path.join(packageRoot, name);
    if (existsSync(file)) hash.update(name).update('\0').update(readFileSync(file));
  }
  const folders = ['src', 'templates'].map((name) => path.join(packageRoot, name)).filter((dir) => existsSync(dir));
  if (!folders.some((dir) => dir.endsWith('src'))) hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const dir of folders) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
      .sort();
    for (const file of files) hash.update(path.relative(packageRoot, file)).update('\0').update(readFileSync(file));
  }
  return (fingerprint = hash.digest('hex'));
}
