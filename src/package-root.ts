import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Folio's own folder (the one with its package.json, templates/ and node_modules/), found
 * by walking up from this module: it holds wherever the code runs from — the sources, or
 * the start-up bundle that scripts/folio.js keeps under node_modules/.cache.
 */
export const packageRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'templates', 'locales.yaml')) || !existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Folio's package folder not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
})();

/** Folio's version, from its package.json; read when first asked for. */
export function folioVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** "Folio x.y.z", as the files Folio makes name their producer. */
export function producer(): string {
  return `Folio ${folioVersion()}`;
}
