import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { browserLaunch } from '../../src/browser/browser.js';
import { chromiumPath, repoRoot, requireTool, runProcess, validatorJava } from './tools.js';

const run = promisify(execFile);
const epubcheckJar = '/usr/share/java/epubcheck.jar';
const supportDir = path.dirname(fileURLToPath(import.meta.url));

export interface EpubcheckResult {
  fatals: number;
  errors: number;
  warnings: number;
  /** The ERROR/WARNING/FATAL lines, for a readable failure. */
  messages: string[];
}

/** The last lines of a validator's output, to show when it fails. */
export function excerpt(output: string, lines = 40): string {
  const all = output.trimEnd().split('\n');
  return (all.length > lines ? ['…', ...all.slice(-lines)] : all).map((line) => `    ${line.slice(0, 400)}`).join('\n');
}

/**
 * Runs the real EPUBCheck (Debian's epubcheck package) over `files` in one JVM: its command
 * line checks one file per run, so EpubcheckBatch.java drives its API the same way for each
 * file (Java runs the single source file directly). Results are in the order of `files`.
 */
export async function epubcheckAll(files: readonly string[]): Promise<EpubcheckResult[]> {
  requireTool('java', ['-version'], 'apt-get install -y default-jre-headless');
  if (!existsSync(epubcheckJar)) throw new Error(`EPUBCheck is needed by this test and is missing: apt-get install -y epubcheck`);
  if (files.length === 0) throw new Error('epubcheckAll: no files to check');
  const args = [...validatorJava, '-cp', epubcheckJar, path.join(supportDir, 'EpubcheckBatch.java'), ...files];
  const output = await run('java', args, { maxBuffer: 256 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => stdout + stderr,
    (failure: { stdout?: string; stderr?: string; message: string }) => `${failure.stdout ?? ''}${failure.stderr ?? ''}\n${failure.message}`,
  );
  const results: EpubcheckResult[] = [];
  let messages: string[] = [];
  for (const line of output.split('\n')) {
    const counts = /^FOLIO-EPUBCHECK (-?\d+) (-?\d+) (-?\d+) (.*)$/.exec(line);
    if (counts) {
      if (counts[4] !== files[results.length] || Number(counts[1]) < 0) {
        throw new Error(`EPUBCheck could not check ${counts[4]}:\n${excerpt(output)}`);
      }
      results.push({ fatals: Number(counts[1]), errors: Number(counts[2]), warnings: Number(counts[3]), messages });
      messages = [];
    } else if (/^(FATAL|ERROR|WARNING)/.test(line)) {
      messages.push(line.slice(0, 400));
    }
  }
  if (results.length !== files.length) {
    throw new Error(`EPUBCheck stopped after ${results.length} of ${files.length} files:\n${excerpt(output)}`);
  }
  return results;
}

/** The entries of an EPUB (a zip), by path. */
export async function readEpub(file: string): Promise<{ zip: JSZip; text(name: string): Promise<string> }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return {
    zip,
    async text(name) {
      const entry = zip.file(name);
      if (!entry) throw new Error(`${name} is not in ${file}`);
      return entry.async('string');
    },
  };
}

export interface AceFinding {
  document: string;
  impact: string;
  rule: string;
  pointer: string;
}

/**
 * Runs Ace by DAISY (npm @daisy/ace-cli's ace-core and Puppeteer runner) over `files` in one
 * Node process and one system Chromium, `concurrency` EPUBs at a time (ace-batch.cjs says
 * why), and returns each file's findings, in the order of `files`. An EPUB Ace could not
 * check is a thrown error that shows Ace's own output.
 */
export async function aceAll(files: readonly string[], concurrency = availableParallelism()): Promise<AceFinding[][]> {
  if (files.length === 0) throw new Error('aceAll: no files to check');
  const out = mkdtempSync(path.join(tmpdir(), 'folio-ace-'));
  const { stdout, stderr, code } = await runProcess(process.execPath, [path.join(supportDir, 'ace-batch.cjs'), out, String(concurrency), ...files], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PUPPETEER_EXECUTABLE_PATH: chromiumPath(),
      FOLIO_CHROMIUM_LAUNCH: JSON.stringify(browserLaunch(chromiumPath())),
    },
  });
  const output = `${stdout}${stderr}`;
  const done = new Map<number, string>();
  for (const [, status, index, rest] of output.matchAll(/^FOLIO-ACE (ok|failed) (\d+) ?(.*)$/gm)) done.set(Number(index), status === 'ok' ? '' : rest!);
  return files.map((file, index) => {
    const failure = done.get(index);
    if (failure === undefined || failure !== '' || code !== 0) {
      throw new Error(`Ace could not check ${file} (exit ${code}): ${failure ?? 'no result'}\n${excerpt(output)}`);
    }
    const reportFile = path.join(out, String(index), 'report.json');
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const findings: AceFinding[] = [];
    for (const document of report.assertions ?? []) {
      for (const assertion of document.assertions ?? []) {
        findings.push({
          document: document['earl:testSubject']?.url,
          impact: assertion['earl:test']?.['earl:impact'],
          rule: assertion['earl:test']?.['dct:title'],
          pointer: JSON.stringify(assertion['earl:result']?.['earl:pointer']?.css ?? ''),
        });
      }
    }
    return findings;
  });
}

/** Runs `items` through `work`, at most `limit` at a time, keeping their order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * The plain text calibre's ebook-convert makes of each of `files` (calibre reads the EPUB as
 * a reading system would). calibre-batch.py runs ebook-convert's own code over several files
 * in one process; the files are split over `concurrency` such processes. Texts are in the
 * order of `files`; a file calibre cannot read fails the call with calibre's output.
 */
export async function calibreTexts(files: readonly string[], concurrency = availableParallelism()): Promise<string[]> {
  requireTool('calibre-debug', ['--version'], 'apt-get install -y calibre');
  if (files.length === 0) throw new Error('calibreTexts: no files to read');
  const size = Math.ceil(files.length / Math.max(1, concurrency));
  const groups = Array.from({ length: Math.ceil(files.length / size) }, (_, index) => files.slice(index * size, (index + 1) * size));
  const texts = await Promise.all(
    groups.map(async (group) => {
      const out = mkdtempSync(path.join(tmpdir(), 'folio-calibre-'));
      try {
        const { stdout, stderr } = await runProcess('calibre-debug', [path.join(supportDir, 'calibre-batch.py'), out, ...group], {
          env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
        });
        const ok = new Set(stdout.split('\n').flatMap((line) => /^FOLIO-CALIBRE ok (\d+)$/.exec(line)?.[1] ?? []).map(Number));
        const unread = group.filter((_, index) => !ok.has(index));
        if (unread.length > 0) throw new Error(`calibre could not read ${unread.join(', ')}:\n${excerpt(stdout + stderr)}`);
        return group.map((_, index) => readFileSync(path.join(out, `${index}.txt`), 'utf8'));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }),
  );
  return texts.flat();
}
