import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { formatBytes, formatDuration, type EditionSummary } from './editions.js';
import { changesMarkdown } from './changes.js';
import type { RunReport } from './reporter.js';

export interface SummaryContext {
  /** Paths in the summary are relative to it. */
  root: string;
  /** The workflow run's page, whose Artifacts section holds the editions. */
  runUrl?: string;
}

/**
 * The job summary: a heading with the outcome, one table row per edition and format
 * (chapters, pages of the PDF, size, time, the edition's warnings and errors), a row per
 * edition that was not written, and the errors, each with its place. Markdown, as GitHub
 * renders it on the run's page.
 */
export function jobSummary(run: RunReport, editions: readonly EditionSummary[], context: SummaryContext): string {
  const lines: string[] = [];
  const done = editions.filter((edition) => edition.status === 'written' || edition.status === 'checked').length;
  const failed = editions.filter((edition) => edition.status === 'failed');
  const skipped = editions.filter((edition) => edition.status === 'skipped');
  const verb = run.command === 'check' ? 'checked' : 'written';
  const outcome = [`${done} ${verb}`, failed.length ? `${failed.length} with errors` : '', skipped.length ? `${skipped.length} without chapters` : '']
    .filter(Boolean)
    .join(', ');
  lines.push(`### Folio ${run.command}: ${outcome}`, '');
  lines.push('| Edition | Format | File | Chapters | Pages | Size | Time | Warnings | Errors |');
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const edition of editions) {
    if (edition.status === 'skipped') continue;
    const chapters = edition.chapters === undefined ? '—' : edition.chapters === edition.listed ? `${edition.chapters}` : `${edition.chapters}/${edition.listed}`;
    for (const file of edition.files) {
      const cells = [edition.lang, file.format, `\`${path.basename(file.path)}\``, chapters, file.pages ?? '—', formatBytes(file.bytes), file.unchanged ? 'unchanged' : formatDuration(file.milliseconds), edition.warnings, edition.errors];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    const missing = run.formats.filter((format) => !edition.files.some((file) => file.format === format));
    if (edition.status === 'failed' || edition.status === 'checked' || missing.length > 0) {
      const label = edition.status === 'checked' ? 'checked' : `**not written**: ${(missing.length ? missing : run.formats).join(', ')}`;
      lines.push(`| ${edition.lang} | ${label} | — | ${chapters} | — | — | — | ${edition.warnings} | ${edition.errors} |`);
    }
  }
  lines.push('');
  if (run.changes) lines.push(...changesMarkdown(run.changes));
  if (run.index) lines.push(`Index page: \`${path.basename(run.index.path)}\`, linking ${run.index.editions} editions.`, '');
  if (skipped.length > 0) lines.push(`Without any chapter (not built): ${skipped.map((edition) => edition.lang).join(', ')}.`, '');
  if (context.runUrl && run.command === 'build') lines.push(`The editions are this run's [artifacts](${context.runUrl}#artifacts), one per format.`, '');
  const errors = run.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    lines.push(`<details><summary>${errors.length} ${errors.length === 1 ? 'error' : 'errors'}</summary>`, '');
    for (const diagnostic of errors.slice(0, 100)) lines.push(`- ${place(diagnostic, context.root)}: ${escapeMarkdown(diagnostic.message)}${diagnostic.rule ? ` (\`${diagnostic.rule}\`)` : ''}`);
    if (errors.length > 100) lines.push(`- … and ${errors.length - 100} more`);
    lines.push('', '</details>', '');
  }
  return `${lines.join('\n')}\n`;
}

function place(diagnostic: Diagnostic, root: string): string {
  const file = path.relative(root, diagnostic.file).split(path.sep).join('/') || diagnostic.file;
  return `\`${file}${diagnostic.line ? `:${diagnostic.line}:${diagnostic.column ?? 1}` : ''}\``;
}

/** Text from a book in Markdown: nothing in it may become markup (a link, a table cell, HTML). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&').replace(/\r?\n/g, ' ');
}
