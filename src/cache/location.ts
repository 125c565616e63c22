import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * Where a book's build cache lives unless `--cache` says: `node_modules/.cache/folio/build`
 * in the nearest folder above book.yaml that has a node_modules (the book's project, as
 * Babel's and ESLint's caches are found), else in Folio's own install. `build/` keeps it
 * apart from the command's start-up bundles in `node_modules/.cache/folio/`.
 */
export function defaultCacheDir(manifestPath: string): string {
  let dir = path.dirname(path.resolve(manifestPath));
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules/.cache/folio/build');
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(packageRoot, 'node_modules/.cache/folio/build');
    dir = parent;
  }
}
