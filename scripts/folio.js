#!/usr/bin/env node
// The `folio` command. Folio is written in TypeScript and runs from its sources: there is
// no build step and no compiled JS in git. Loading the sources and the hundreds of small
// ES modules of the unified ecosystem one by one, through a TypeScript loader, cost about
// two and a half seconds at every start. So the command bundles src/ and its dependencies
// with esbuild into node_modules/.cache/folio/, once per version of the sources and of
// the installed packages (the file name carries a hash of both), and runs that bundle.
// Any change to src/ or to package-lock.json makes a new bundle on the next run. tsx is
// registered only for books whose own plugins are TypeScript (src/plugins/load.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleOptions } from './bundle-options.js';
import { prebuiltSources } from './prebuilt.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'src');

/** A hash of every source file, the installed packages and the bundler: a stale bundle is never run. */
function sourceHash() {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(path.join(root, 'node_modules/esbuild/package.json'), 'utf8')).version);
  hash.update(readFileSync(path.join(root, 'package-lock.json')));
  // This script, its options and its plugin too: they decide how the bundle is made.
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const script of ['./bundle-options.js', './prebuilt.js']) hash.update(readFileSync(fileURLToPath(new URL(script, import.meta.url))));
  // The templates and the locale table the bundle carries ready-made (scripts/prebuilt.js).
  for (const file of prebuiltSources()) hash.update(file).update('\0').update(readFileSync(path.join(root, 'templates', file)));
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(sources, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

async function bundle() {
  const dir = path.join(root, 'node_modules/.cache/folio');
  // A folder per version: the command's entry, cli.mjs, and the chunks it loads when it
  // needs them (the print stack, the init and compare commands), so that a build loads
  // and compiles only the code its formats use.
  const out = path.join(dir, `cli-${sourceHash()}`);
  const file = path.join(out, 'cli.mjs');
  if (existsSync(file)) {
    // Marks it in use, so another version's run does not remove it (below).
    try {
      const now = new Date();
      utimesSync(out, now, now);
    } catch {
      // A read-only install: nothing else writes there either.
    }
    return file;
  }
  const { build } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  // Another folio process may be writing the same bundle: write aside, then rename.
  const temporary = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: { cli: path.join(sources, 'cli.ts') },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunk-[hash]',
    ...bundleOptions,
  });
  try {
    renameSync(temporary, out);
  } catch (error) {
    // Another process finished the same bundle first: use theirs.
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(file)) throw error;
  }
  // Bundles of other source versions are of no further use once no process runs them. A
  // build still running from one loads it again for each worker thread it starts, and its
  // chunks as it needs them, so only bundles unused for a day go.
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const old of readdirSync(dir)) {
    if (!old.startsWith('cli-') || old === path.basename(out) || old.endsWith('.tmp')) continue;
    const oldPath = path.join(dir, old);
    if (statSync(oldPath, { throwIfNoEntry: false })?.mtimeMs < dayAgo) rmSync(oldPath, { recursive: true, force: true });
  }
  return file;
}

const entry = await bundle();
// Node 22.1 and later keep V8's compiled code of the bundle on disk, in its folder: a run then
// skips most of compiling it (the code book's EPUB: 0.65 s instead of 0.71 s on Node 22).
// Node 20 has no such cache; there this does nothing.
module.enableCompileCache?.(path.join(path.dirname(entry), 'v8'));
await import(pathToFileURL(entry).href);
