import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { chromiumPath, repoRoot, requireTool } from './tools.js';

const run = promisify(execFile);
const epubcheckJar = '/usr/share/java/epubcheck.jar';

export interface EpubcheckResult {
  fatals: number;
  errors: number;
  warnings: number;
  /** The ERROR/WARNING/FATAL lines, for a readable failure. */
  messages: string[];
}

/** Runs the real EPUBCheck (Debian's epubcheck package) on one file. */
export async function epubcheck(file: string): Promise<EpubcheckResult> {
  requireTool('java', ['-version'], 'apt-get install -y default-jre-headless');
  if (!existsSync(epubcheckJar)) throw new Error(`EPUBCheck is needed by this test and is missing: apt-get install -y epubcheck`);
  const output = await run('java', ['-jar', epubcheckJar, file], { maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => stdout + stderr,
    (failure: { stdout: string; stderr: string }) => failure.stdout + failure.stderr,
  );
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!counts) throw new Error(`EPUBCheck printed no summary:\n${output}`);
  return {
    fatals: Number(counts[1]),
    errors: Number(counts[2]),
    warnings: Number(counts[3]),
    messages: output.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)/.test(line)).map((line) => line.slice(0, 400)),
  };
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
 * Runs Ace by DAISY (npm @daisy/ace-cli) with the system Chromium and returns its findings.
 * Ace exits 0 even when it finds problems unless given -E; its JSON report is what we read.
 */
export async function ace(file: string): Promise<AceFinding[]> {
  const out = mkdtempSync(path.join(tmpdir(), 'folio-ace-'));
  const cli = path.join(repoRoot, 'node_modules/@daisy/ace-cli/bin/ace.js');
  await run('node', [cli, '--force', '--silent', '--outdir', out, file], {
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromiumPath() },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
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
