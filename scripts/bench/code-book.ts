// A small, code-heavy book's EPUB built cold, as a new user first tries Folio: the whole
// `folio build … --format epub` process against the whole `pandoc … -t epub3` process on the
// same chapters (test/fixtures/code-book: 10 chapters, 101 fenced code blocks, 3 images;
// pandoc highlights code too). Runs alternate, so a machine that slows down or speeds up
// during the bench affects both alike; wall and CPU time (user + system, of the process and
// its children) are reported, since a busy machine stretches wall time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chapterPath, readingOrder, readManifest, titleFor } from './corpus.js';
import { parseWritten } from './folio.js';
import { findPandoc } from './peers.js';
import { range, ratio, seconds, stats, table } from './report.js';

export interface Timed {
  wallMs: number;
  cpuMs: number;
  stdout: string;
  stderr: string;
}

/** Runs a command under bash, whose `times` gives the CPU time of the command's whole process tree. */
export function timed(command: string, args: readonly string[], cwd: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash', command, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const lines = stderr.trimEnd().split('\n');
      const cpuMs = childCpuMs(lines.at(-1) ?? '');
      if (code !== 0 || cpuMs === undefined) reject(new Error(`${command} exited ${code}:\n${lines.slice(-12, -2).join('\n')}`));
      else resolve({ wallMs, cpuMs, stdout, stderr: lines.slice(0, -2).join('\n') });
    });
  });
}

/** bash's `times` line for its children, `0m1.234s 0m0.120s` (user, system), in ms. */
export function childCpuMs(line: string): number | undefined {
  const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(line.trim());
  if (!match) return undefined;
  const [, userMin, userS, sysMin, sysS] = match.map(Number) as number[];
  return Math.round((userMin! * 60 + userS! + sysMin! * 60 + sysS!) * 1000);
}

export async function benchCodeBook(root: string, runs: number): Promise<void> {
  const bookDir = path.join(root, 'test/fixtures/code-book');
  const manifestPath = path.join(bookDir, 'book.yaml');
  const manifest = readManifest(manifestPath);
  const pandoc = findPandoc();
  if (!pandoc) throw new Error('pandoc is needed for this bench: apt-get install -y pandoc');
  const chapters = readingOrder(manifest).map((slug) => chapterPath('chapters/{lang}/{slug}.md', 'en', slug));
  const tmp = mkdtempSync(path.join(tmpdir(), 'folio-bench-code-'));
  // Cold: without the build cache, where the command has one.
  const help = spawnSync(process.execPath, [path.join(root, 'scripts/folio.js'), 'build', '--help'], { encoding: 'utf8' }).stdout;
  const folioArgs = [path.join(root, 'scripts/folio.js'), 'build', manifestPath, '--format', 'epub', '--out', tmp, ...(help.includes('--no-cache') ? ['--no-cache'] : [])];
  const pandocArgs = ['-f', 'gfm', '--file-scope', '-t', 'epub3', '-o', path.join(tmp, 'pandoc.epub'), '--metadata', `title=${titleFor(manifest, 'en')}`, '--metadata', 'lang=en', '--resource-path', path.join(bookDir, 'chapters/en'), ...chapters];
  const folio: Timed[] = [];
  const peer: Timed[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      console.log(`code book: folio epub and pandoc epub, run ${i + 1}/${runs}…`);
      const run = await timed(process.execPath, folioArgs, root);
      if (parseWritten(run.stdout, root).length !== 1) throw new Error(`folio wrote no EPUB:\n${run.stdout}`);
      folio.push(run);
      peer.push(await timed('pandoc', pandocArgs, bookDir));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const wall = (list: Timed[]) => stats(list.map((run) => run.wallMs));
  const cpu = (list: Timed[]) => stats(list.map((run) => run.cpuMs));
  const rows = [
    ['folio build --format epub', String(runs), seconds(wall(folio).medianMs), range(wall(folio)), seconds(cpu(folio).medianMs), ratio(wall(folio).medianMs / wall(peer).medianMs), ratio(cpu(folio).medianMs / cpu(peer).medianMs)],
    [`pandoc -t epub3 (${pandoc.version})`, String(runs), seconds(wall(peer).medianMs), range(wall(peer)), seconds(cpu(peer).medianMs), '', ''],
  ];
  console.log(`\nA code-heavy book's EPUB, cold (test/fixtures/code-book: ${chapters.length} chapters), runs alternating\n`);
  console.log(table(['name', 'runs', 'median s', 'min–max s', 'median CPU s', 'ratio', 'CPU ratio'], rows));
  console.log('\nratio = Folio / Pandoc, medians of whole processes (target: at most 0.50×); CPU = user + system of the process tree.');
}
