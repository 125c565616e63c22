import path from 'node:path';
import { probeRemembered } from '../cache/probes.js';
import { error, warn } from '../diagnostics/messages.js';
import type { LoadedManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/schema.js';
import type { VFile } from 'vfile';
import { BookRoots, patternFolder } from './roots.js';
import { checkStylesheet } from './stylesheets.js';
import type { CoverFile } from './types.js';

/**
 * The book's roots: the folder of book.yaml, the folders of `roots:` and of the `assets`
 * map (named in the manifest), and the folder of a `--source` typed on the command line.
 */
export function bookRoots(manifest: Manifest, source: LoadedManifest, commandLineSource: string | undefined): BookRoots {
  manifest.roots.forEach((folder, index) => {
    const checked = new BookRoots(['/']).check(path.resolve(source.root, folder), 'folder');
    if (!checked.ok) warn(source.file, `Root ${folder} is ${checked.problem}`, source.locate(['roots', index]), 'roots-missing');
  });
  return new BookRoots([
    source.root,
    ...manifest.roots.map((folder) => path.resolve(source.root, folder)),
    ...Object.values(manifest.assets).map((folder) => path.resolve(source.root, folder)),
    ...(commandLineSource ? [patternFolder(path.resolve(commandLineSource))] : []),
  ]);
}

/**
 * Checks the files and folders book.yaml names (templates, stylesheets) against the roots,
 * each refusal an error at its key, before any target reads them; a stylesheet that would
 * load something is refused at its own line (see stylesheets.ts). Returns the
 * stylesheets that have errors, and the real path of each file that may be read, by its
 * key (`html.stylesheet`): what the targets are given.
 */
export function checkManifestFiles(manifest: Manifest, source: LoadedManifest, roots: BookRoots): { stylesheets: VFile[]; paths: Map<string, string> } {
  const stylesheets: VFile[] = [];
  const paths = new Map<string, string>();
  const named: [string | undefined, (string | number)[], 'file' | 'folder'][] = [
    [manifest.templates, ['templates'], 'folder'],
    [manifest.html.stylesheet, ['html', 'stylesheet'], 'file'],
    [manifest.pdf.stylesheet, ['pdf', 'stylesheet'], 'file'],
  ];
  for (const [value, key, kind] of named) {
    if (value === undefined) continue;
    const checked = roots.check(path.resolve(source.root, value), kind);
    if (!checked.ok) {
      error(source.file, `${key.join('.')} ${value} is ${checked.problem}`, source.locate(key), 'file-refused');
      continue;
    }
    paths.set(key.join('.'), checked.path);
    if (kind === 'file') {
      const problems = checkStylesheet(checked.path);
      if (problems) stylesheets.push(problems);
    }
  }
  return { stylesheets, paths };
}

/**
 * The cover's real path when the manifest names one that may be read and is an image.
 * A missing file is a warning (the book is built without a cover); a cover outside the
 * book's folders, or not the image its name says, is an error. Its pixel size comes with
 * it, read from its header by the probe (kept in the build cache when there is one).
 */
export async function findCover(manifest: Manifest, source: LoadedManifest, roots: BookRoots, cacheDir?: string): Promise<CoverFile | undefined> {
  if (!manifest.cover) return undefined;
  const at = source.locate(['cover']);
  const checked = roots.check(path.resolve(source.root, manifest.cover));
  if (!checked.ok && checked.missing) {
    warn(source.file, `Cover image ${manifest.cover} not found; the editions are built without a cover`, at, 'cover-missing');
    return undefined;
  }
  if (!checked.ok) {
    error(source.file, `Cover image ${manifest.cover} is ${checked.problem}`, at, 'cover-refused');
    return undefined;
  }
  const probe = await probeRemembered(checked.path, cacheDir);
  if (!probe.ok) {
    error(source.file, `Cover image ${manifest.cover} ${probe.problem}`, at, 'cover-refused');
    return undefined;
  }
  return { path: checked.path, width: probe.width, height: probe.height };
}
