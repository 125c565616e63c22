import { stat } from 'node:fs/promises';
import type { RunReport } from './reporter.js';

/** One written file of an edition, as the summaries list it. */
export interface EditionFile {
  format: string;
  /** Absolute path. */
  path: string;
  bytes: number;
  /** Pages of a PDF. */
  pages?: number;
  milliseconds: number;
  /** Already what the build makes (the build cache had it): not written again. */
  unchanged?: true;
}

/** One edition of a run: what was written, and its own problems. */
export interface EditionSummary {
  lang: string;
  /** written: every format was written; failed: errors kept some or all of it from being written; skipped: no chapters; checked: `folio check`. */
  status: 'written' | 'failed' | 'skipped' | 'checked';
  /** Chapters in the edition, and how many the contents list (known once a file is written). */
  chapters?: number;
  listed?: number;
  files: EditionFile[];
  errors: number;
  warnings: number;
}

/**
 * The run per edition, in the manifest's order: the files (size from the disk, pages of
 * each PDF read back from the file itself, not estimated) and the edition's own errors and
 * warnings (its chapters' and book.yaml's messages about it).
 */
export async function editionsOf(run: RunReport, languages: readonly string[]): Promise<EditionSummary[]> {
  const { result } = run;
  const summaries: EditionSummary[] = [];
  for (const lang of languages) {
    const written = result.written.filter((event) => event.lang === lang);
    const own = run.diagnostics.filter((diagnostic) => diagnostic.lang === lang);
    const status = result.skipped.includes(lang)
      ? 'skipped'
      : result.failed.includes(lang)
        ? 'failed'
        : run.command === 'check'
          ? 'checked'
          : 'written';
    summaries.push({
      lang,
      status,
      chapters: written[0]?.chapters,
      listed: written[0]?.listed,
      files: await Promise.all(
        written.map(async (event) => ({
          format: event.format,
          path: event.path,
          bytes: (await stat(event.path)).size,
          pages: event.format === 'pdf' ? await pdfPages(event.path) : undefined,
          milliseconds: Math.round(event.milliseconds),
          ...(event.unchanged ? { unchanged: true as const } : {}),
        })),
      ),
      errors: own.filter((diagnostic) => diagnostic.severity === 'error').length,
      warnings: own.filter((diagnostic) => diagnostic.severity === 'warning').length,
    });
  }
  return summaries;
}

async function pdfPages(filePath: string): Promise<number> {
  // pdf-lib is loaded only by a build that wrote a PDF: it is a heavy module to start.
  const { pdfPageCount } = await import('../../output/pdf-pages.js');
  return pdfPageCount(filePath);
}

/** 1234567 → "1.2 MB": sizes as people read them (powers of 1000, like GitHub shows artifacts). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** 1234 → "1.2 s", 340 → "340 ms". */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}
