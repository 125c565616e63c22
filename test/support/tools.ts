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

/**
 * Tests need real tools (Chromium, Java, EPUBCheck, poppler). A missing one fails the test
 * with the command that installs it; nothing is skipped in silence, least of all in CI.
 */
export function requireTool(command: string, versionArgs: string[], install: string): void {
  try {
    execFileSync(command, versionArgs, { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is needed by this test and is missing: ${install}`);
  }
}

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
