import path from 'node:path';
import type { WriteEvent } from '../../build.js';
import { changeLine } from './changes.js';
import { groupRepeats } from './group.js';
import { consoleOutput, type Output, type Reporter, type RunReport } from './reporter.js';
import type { Diagnostic } from '../diagnostic.js';

/**
 * For people at a terminal: a line per written file as it is written, then the
 * diagnostics as `file:line:column  severity  message  rule` (one situation shared by
 * several editions on one line), then a one-line summary.
 */
export function prettyReporter(output: Output = consoleOutput, cwd = process.cwd()): Reporter {
  return {
    onWrite(event) {
      output.out(writeLine(event, cwd));
    },
    async report(run) {
      printResults(run, output, cwd);
      for (const diagnostic of groupRepeats(run.diagnostics, { languages: run.languages })) output.err(diagnosticLine(diagnostic, run.cwd));
      output.out(summaryLine(run));
    },
  };
}

/** `nl    html  dist/x-nl.html  5/6 chapters  120 ms`, or `unchanged` for a file the build cache had. */
/** What a run made besides the editions, for the log: the index page, and what changed against `--compare`. */
export function printResults(run: RunReport, output: Output, cwd: string): void {
  if (run.index) output.out(indexLine(run.index, cwd));
  if (run.changes) for (const change of run.changes) output.out(`changes     ${changeLine(change)}`);
}

export function writeLine(event: WriteEvent, cwd: string): string {
  const chapters = event.chapters === event.listed ? `${event.chapters} chapters` : `${event.chapters}/${event.listed} chapters`;
  const file = path.relative(cwd, event.path);
  const done = event.unchanged ? 'unchanged' : `${Math.round(event.milliseconds)} ms`;
  return `${event.lang.padEnd(6)}${event.format.padEnd(6)}${file}  ${chapters}  ${done}`;
}

/** `index       dist/index.html  14 editions` */
export function indexLine(index: { path: string; editions: number }, cwd: string): string {
  return `${'index'.padEnd(12)}${path.relative(cwd, index.path)}  ${plural(index.editions, 'edition')}`;
}

/** `chapters/en/x.md:3:14  error  Invalid frontmatter: …  frontmatter-yaml` */
export function diagnosticLine(diagnostic: Diagnostic, cwd: string): string {
  const name = path.relative(cwd, diagnostic.file) || diagnostic.file;
  const where = diagnostic.line ? `${name}:${diagnostic.line}:${diagnostic.column ?? 1}` : name;
  return `${where}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.rule ?? ''}`.trimEnd();
}

/** `wrote 2 files, 4 unchanged; skipped (no chapters): de; 0 errors, 3 warnings; 1.2 s` */
export function summaryLine(run: RunReport): string {
  const { result } = run;
  const dryRun = run.command === 'check';
  const errors = run.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = run.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const checked = run.languages.filter((lang) => !result.skipped.includes(lang)).length;
  const unchanged = result.written.filter((event) => event.unchanged).length;
  const parts = [
    dryRun ? `${plural(checked, 'edition')} checked` : `wrote ${plural(result.written.length - unchanged, 'file')}${unchanged ? `, ${unchanged} unchanged` : ''}`,
    result.failed.length > 0 ? `${dryRun ? 'with errors' : 'not written (errors)'}: ${result.failed.join(', ')}` : '',
    result.skipped.length > 0 ? `skipped (no chapters): ${result.skipped.join(', ')}` : '',
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    `${(run.milliseconds / 1000).toFixed(1)} s`,
  ];
  return parts.filter(Boolean).join('; ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
