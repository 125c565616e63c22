import path from 'node:path';
import type { SharedBuild } from '../support/shared-builds.js';
import { repoRoot } from '../support/tools.js';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures', name, 'book.yaml');

/**
 * The fixture books every run of the `books` tier builds once (test/books/setup.cjs), by
 * the name tests give builtBook(). Without SOURCE_DATE_EPOCH: dates come from book.yaml.
 * Two builds with a PDF must not share a book slug: the print HTML of each edition is kept
 * under its file name (`<slug>-<lang>.print.html`).
 */
export default function fixtureBuilds(): SharedBuild[] {
  return [
    { name: 'mini', manifest: fixture('mini'), options: {} },
    { name: 'features', manifest: fixture('features'), options: {} },
    // A small programming book: 101 fenced code blocks in a dozen languages, three images.
    { name: 'code-book', manifest: fixture('code-book'), options: { formats: ['html', 'epub'] } },
    // A book without parts, on a 6 × 9 in page.
    { name: 'trade', manifest: fixture('trade'), options: { formats: ['pdf'] } },
    // A5 with bleed, a square cover, images too sharp and too soft: the screen PDF and the printer's package.
    { name: 'print', manifest: fixture('print'), options: { formats: ['pdf', 'print'] } },
    // The repository's own book.yaml and its one Dutch chapter: hyphenated Dutch print.
    { name: 'guide-nl', manifest: path.join(repoRoot, 'book.yaml'), options: { formats: ['pdf'], languages: ['nl'] } },
  ];
}
