import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Blue's website sources of the guide, beside the repository (CI always has them). */
export const corpusRoot = path.resolve(repoRoot, '../shared/corpora/agency-success-guide');
export const corpusSource = path.join(corpusRoot, 'content/{lang}/insights/{slug}.md');
export const corpusAvailable = existsSync(corpusRoot);

/** The tools requireTool() found, in this test file: each is looked for once, not at every call. */
const found = new Set<string>();

/**
 * Tests need real tools (Chromium, Java, EPUBCheck, poppler). A missing one fails the test
 * with the command that installs it; nothing is skipped in silence, least of all in CI.
 */
export function requireTool(command: string, versionArgs: string[], install: string): void {
  if (found.has(command)) return;
  try {
    execFileSync(command, versionArgs, { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is needed by this test and is missing: ${install}`);
  }
  found.add(command);
}

/**
 * Options for the validators' JVMs (EPUBCheck, the Nu HTML Checker), which run for seconds
 * to a minute: the client compiler only, because the optimizing compiler spends more CPU
 * compiling than it saves in a run this short; the serial collector, no collector threads
 * beside the checker; and the stack the Nu checker asks for under the client compiler
 * (at least 512k, or a StackOverflowError in its HTML schema). What they check and report
 * is the same; on a small book a JVM takes half the CPU time it takes by default.
 */
export const validatorJava = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss4m'];

/** The system Chromium, found as Folio finds it (PUPPETEER_EXECUTABLE_PATH, else the usual paths). */
export { findBrowser as chromiumPath } from '../../src/browser/browser.js';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a process to its end and collects what it printed; a non-zero exit is a result, not an error. */
export function runProcess(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
