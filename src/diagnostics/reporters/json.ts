import path from 'node:path';
import { editionsOf } from './editions.js';
import { consoleOutput, type Output, type Reporter, type RunReport } from './reporter.js';

/**
 * For editors and other CI systems: nothing while the command runs, then one JSON
 * document on standard output, described by schemas/report.schema.json (see the README).
 * Paths are relative to the working directory.
 */
export function jsonReporter(output: Output = consoleOutput): Reporter {
  return {
    async report(run) {
      output.out(JSON.stringify(await jsonReport(run), null, 2));
    },
  };
}

/** The report as data (schemas/report.schema.json). */
export async function jsonReport(run: RunReport) {
  const relative = (file: string) => (path.isAbsolute(file) ? path.relative(run.cwd, file) || file : file);
  const editions = await editionsOf(run, run.languages);
  const count = (severity: string) => run.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return {
    version: 1,
    command: run.command,
    ok: run.exitCode === 0,
    exitCode: run.exitCode,
    milliseconds: Math.round(run.milliseconds),
    errors: count('error'),
    warnings: count('warning'),
    index: run.index ? { path: relative(run.index.path), editions: run.index.editions } : undefined,
    changes: run.changes,
    editions: editions.map((edition) => ({ ...edition, files: edition.files.map((file) => ({ ...file, path: relative(file.path) })) })),
    // JSON.stringify leaves out the fields that are undefined.
    diagnostics: run.diagnostics.map((diagnostic) => ({ ...diagnostic, file: relative(diagnostic.file) })),
  };
}
