// Folio as a whole process: `node scripts/folio.js build …`, timed and sampled.
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { measure, type Measurement } from './measure.js';

export interface FolioBuild {
  root: string; // the repository: scripts/folio.js is here
  manifest: string;
  formats: string[];
  /** Languages, or undefined for `--lang all`. */
  langs?: string[];
  source?: string;
  jobs?: number;
  env?: NodeJS.ProcessEnv;
  /** The output folder is made under tmp and removed after the run, unless keep is set. */
  tmp: string;
  keep?: boolean;
  /** The build cache's folder; without one the build is from scratch (`--no-cache`). */
  cache?: string;
  /** Write into this folder (kept) rather than a new one under tmp. */
  outDir?: string;
}

/** One file Folio wrote, from its stdout line `<lang> <format> <path>  <n>[/<m>] chapters  <ms> ms`. */
export interface Written {
  lang: string;
  format: string;
  path: string;
  chapters: number;
  ms: number;
  /** Already what the build makes: the cache had it, nothing was written. */
  unchanged: boolean;
}

export interface FolioRun extends Omit<Measurement, 'stdout' | 'stderr'> {
  written: Written[];
  /** Folio's closing line: files written, errors, warnings, its own time. */
  summary: string;
  outDir: string;
}

export function parseWritten(stdout: string, cwd: string): Written[] {
  const written: Written[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\s+(html|epub|pdf)\s+(.+?)\s+(\d+)(?:\/\d+)? chapters\s+(?:(\d+) ms|(unchanged))$/.exec(line.trim());
    if (match) {
      const [, lang, format, file, chapters, ms, unchanged] = match;
      written.push({ lang: lang!, format: format!, path: path.resolve(cwd, file!), chapters: Number(chapters), ms: Number(ms ?? 0), unchanged: Boolean(unchanged) });
    }
  }
  return written;
}

/**
 * Runs one build. A build that fails, or writes fewer files than asked for, is an error:
 * timing a build that did not do the work would flatter it.
 */
export async function runFolio(build: FolioBuild, expectedFiles: number): Promise<FolioRun> {
  const outDir = build.outDir ?? mkdtempSync(path.join(build.tmp, 'out-'));
  const args = [path.join(build.root, 'scripts', 'folio.js'), 'build', build.manifest, '--format', build.formats.join(','), '--lang', build.langs?.join(',') ?? 'all', '--out', outDir];
  args.push(...(build.cache ? ['--cache', build.cache] : ['--no-cache']));
  if (build.source) args.push('--source', build.source);
  if (build.jobs) args.push('--jobs', String(build.jobs));
  const { stdout, stderr, ...measurement } = await measure({ command: process.execPath, args, cwd: build.root, env: { ...process.env, ...build.env } });
  const written = parseWritten(stdout, build.root);
  try {
    if (measurement.exitCode !== 0 || written.length !== expectedFiles) {
      const tail = [...stdout.trim().split('\n'), ...stderr.trim().split('\n')].slice(-15).join('\n');
      throw new Error(`folio build --format ${build.formats.join(',')} exited ${measurement.exitCode} after writing ${written.length}/${expectedFiles} files:\n${tail}`);
    }
  } finally {
    if (!build.keep && !build.outDir) rmSync(outDir, { recursive: true, force: true });
  }
  return { ...measurement, written, summary: stdout.trim().split('\n').at(-1) ?? '', outDir };
}
