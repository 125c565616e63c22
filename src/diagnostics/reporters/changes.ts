import type { EditionChange } from '../../compare/compare.js';
import { formatPages } from '../../compare/pages.js';

/** The chapters part of a change: `Keep It Simple (keep-it-simple)`, `none`, or undefined when no HTML was compared. */
function chaptersText(change: EditionChange): string | undefined {
  if (!change.chapters) return undefined;
  if (change.chapters.length === 0) return 'none';
  return change.chapters.map((chapter) => `${chapter.title || chapter.id} (${chapter.id}${chapter.change === 'changed' ? '' : `, ${chapter.change}`})`).join('; ');
}

/** The pages part: `45–51, 88 of 212`, `none`, or undefined when no PDF was compared. */
function pagesText(change: EditionChange): string | undefined {
  if (!change.pages || !change.pageCount) return undefined;
  const { before, after } = change.pageCount;
  const count = before === after ? `of ${after}` : `of ${after} (was ${before})`;
  return change.pages.length === 0 ? 'none' : `${formatPages(change.pages)} ${count}`;
}

/** One line for the terminal: `nl    chapters: Keep It Simple (keep-it-simple); PDF pages: 45–51, 88 of 212` */
export function changeLine(change: EditionChange): string {
  if (change.new) return `${change.lang.padEnd(6)}new: no earlier edition to compare with`;
  const chapters = chaptersText(change);
  const pages = pagesText(change);
  if (chapters === 'none' && (pages === undefined || pages === 'none')) return `${change.lang.padEnd(6)}unchanged`;
  return `${change.lang.padEnd(6)}${[chapters && `chapters: ${chapters}`, pages && `PDF pages: ${pages}`].filter(Boolean).join('; ')}`;
}

/** The "What changed" section of the job summary: a row per edition that changed, then the unchanged ones in one line. */
export function changesMarkdown(changes: readonly EditionChange[]): string[] {
  const changed = changes.filter((change) => !changeLine(change).endsWith('unchanged'));
  const unchanged = changes.filter((change) => changeLine(change).endsWith('unchanged'));
  const lines = ['#### What changed', ''];
  if (changed.length > 0) {
    lines.push('| Edition | Chapters | PDF pages |', '| --- | --- | --- |');
    for (const change of changed) {
      const cells = change.new ? ['new', 'new'] : [chaptersText(change) ?? '—', pagesText(change) ?? '—'];
      lines.push(`| ${change.lang} | ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    lines.push('');
  }
  if (unchanged.length > 0) lines.push(`Unchanged: ${unchanged.map((change) => change.lang).join(', ')}.`, '');
  return lines;
}
