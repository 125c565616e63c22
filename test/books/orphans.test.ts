import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath, repoRoot } from '../support/tools.js';

/**
 * Chromium must never outlive the build that started it: SIGKILL (which no handler sees)
 * leaves it to notice its pipe closing; SIGINT and SIGTERM also remove its profile
 * folder. Chromium's processes are found in /proc by the profile folder on their
 * command line, which is this build's own.
 */

let scratch: string;
beforeAll(() => {
  chromiumPath(); // fails, naming the package, when there is no Chromium
  scratch = mkdtempSync(path.join(tmpdir(), 'folio-orphans-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A process's command line; empty once it has ended (any process may end while we look). */
function commandLine(pid: number | string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return '';
  }
}

/** Processes whose command line names `needle`, by pid. */
function processesWith(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && commandLine(entry).includes(needle))
    .map(Number);
}

async function until<T>(what: () => T | undefined, seconds: number): Promise<T | undefined> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const value = what();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return what();
}

/** Starts a PDF build of a copy of the features book and waits until its Chromium runs; the profile folder. */
async function printing(): Promise<{ folio: ChildProcess; profile: string; output: () => string }> {
  const dir = mkdtempSync(path.join(scratch, 'book-'));
  // A book that builds wherever it is copied (no plugin of its own), long enough to print.
  cpSync(path.join(repoRoot, 'test/fixtures/features'), dir, { recursive: true });
  // Without the cache, a build with a PDF starts its Chromium at once (with one, only once a print is found missing).
  const folio = spawn('node', [path.join(repoRoot, 'scripts/folio.js'), 'build', '--format', 'pdf', '--out', 'dist', '--no-cache'], { cwd: dir });
  let output = '';
  folio.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  folio.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const profile = await until(() => {
    for (const pid of processesWith('--user-data-dir=')) {
      const match = /--user-data-dir=([^\0]*folio-chromium-[^\0]*)/.exec(commandLine(pid));
      // Only a Chromium started by this Folio: its parent chain leads to folio's pid.
      if (match && descendsFrom(pid, folio.pid!)) return match[1]!;
    }
    return undefined;
  }, 60);
  if (!profile) throw new Error(`Chromium never started:\n${output}`);
  return { folio, profile, output: () => output };
}

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let current = pid; current > 1; ) {
    if (current === ancestor) return true;
    try {
      current = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${current}/status`, 'utf8'))![1]);
    } catch {
      return false;
    }
  }
  return false;
}

test('SIGKILL of Folio mid-print leaves no process of its Chromium', async () => {
  const { folio, profile } = await printing();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(processesWith(profile).length).toBeGreaterThan(0);
  folio.kill('SIGKILL');
  const left = await until(() => (processesWith(profile).length === 0 ? [] : undefined), 10);
  expect(left ?? processesWith(profile)).toEqual([]);
  rmSync(profile, { recursive: true, force: true }); // no handler runs on SIGKILL: the folder is ours to clear
}, 120_000);

test.each(['SIGINT', 'SIGTERM'] as const)('%s stops Chromium and removes its profile folder', async (signal) => {
  const { folio, profile } = await printing();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const exited = new Promise<number | null>((resolve) => folio.on('exit', (code) => resolve(code)));
  folio.kill(signal);
  expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
  const left = await until(() => (processesWith(profile).length === 0 ? [] : undefined), 10);
  expect(left ?? processesWith(profile)).toEqual([]);
  expect(existsSync(profile)).toBe(false);
}, 120_000);
