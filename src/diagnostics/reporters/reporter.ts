import type { BuildResult, WriteEvent } from '../../build.js';
import type { EditionChange } from '../../compare/compare.js';
import type { Diagnostic } from '../diagnostic.js';

/** What a command did, as every reporter sees it once the command is over. */
export interface RunReport {
  command: 'build' | 'check';
  result: BuildResult;
  diagnostics: Diagnostic[];
  /** The editions the command was asked for, in the manifest's order. */
  languages: readonly string[];
  /** The formats the command built (none for `check`). */
  formats: readonly string[];
  milliseconds: number;
  exitCode: number;
  /** What changed against earlier editions (`--compare DIR`). */
  changes?: EditionChange[];
  /** The index page, when the build wrote one. */
  index?: { path: string; editions: number };
  /** Where relative paths in the output start: the working directory (pretty) or the repository (github). */
  cwd: string;
}

/**
 * A reporter turns a run into output. `onWrite` is called as each file is written (a long
 * build shows progress); `report` once at the end, with everything.
 */
export interface Reporter {
  onWrite?(event: WriteEvent): void;
  report(run: RunReport): Promise<void>;
}

/** What a reporter prints to: the process's streams, or strings in a test. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};
