import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './tools.js';

const execFileAsync = promisify(execFile);

export interface FolioRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `folio` command in a clean environment: the variables of the runner the
 * tests themselves run on (GITHUB_ACTIONS, GITHUB_STEP_SUMMARY, …) are left out, `env` added.
 */
export async function folio(args: string[], env: Record<string, string> = {}, cwd = repoRoot): Promise<FolioRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GITHUB_')));
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [path.join(repoRoot, 'scripts/folio.js'), ...args], { cwd, env: { ...base, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (caught) {
    const failure = caught as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}
