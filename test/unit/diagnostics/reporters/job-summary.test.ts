import { describe, expect, test } from '@jest/globals';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BuildResult } from '../../../../src/build.js';
import type { EditionSummary } from '../../../../src/diagnostics/reporters/editions.js';
import { formatBytes } from '../../../../src/diagnostics/reporters/editions.js';
import { jobSummary } from '../../../../src/diagnostics/reporters/job-summary.js';
import type { RunReport } from '../../../../src/diagnostics/reporters/reporter.js';

const result: BuildResult = { book: undefined, files: [], written: [], failed: ['es'], skipped: ['de'] };
const run: RunReport = {
  command: 'build',
  result,
  diagnostics: [{ file: '/repo/content/es/x.md', line: 3, column: 14, severity: 'error', message: 'Invalid frontmatter: a | b [c](d)', rule: 'frontmatter-yaml', lang: 'es' }],
  languages: ['en', 'de', 'es'],
  formats: ['html', 'pdf'],
  milliseconds: 1000,
  exitCode: 1,
  cwd: '/repo',
};
const editions: EditionSummary[] = [
  {
    lang: 'en',
    status: 'written',
    chapters: 16,
    listed: 17,
    files: [
      { format: 'html', path: '/repo/dist/g-en.html', bytes: 2_100_000, milliseconds: 310 },
      { format: 'pdf', path: '/repo/dist/g-en.pdf', bytes: 5_400_000, pages: 212, milliseconds: 8400 },
    ],
    errors: 0,
    warnings: 2,
  },
  { lang: 'de', status: 'skipped', files: [], errors: 0, warnings: 1 },
  { lang: 'es', status: 'failed', files: [], errors: 1, warnings: 0 },
];

/** The summary's tables as rows of cell texts, read back the way GitHub reads Markdown (GFM). */
function tables(markdown: string): string[][][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as any;
  const text = (node: any): string => (node.value ?? '') + (node.children ?? []).map(text).join('');
  return tree.children.filter((node: any) => node.type === 'table').map((table: any) => table.children.map((row: any) => row.children.map(text)));
}

describe('the job summary', () => {
  test('renders as one table, a row per edition and format, a row for an edition not written', () => {
    const markdown = jobSummary(run, editions, { root: '/repo', runUrl: 'https://github.com/o/r/actions/runs/1' });
    const [table, ...others] = tables(markdown);
    expect(others).toHaveLength(0);
    expect(table).toEqual([
      ['Edition', 'Format', 'File', 'Chapters', 'Pages', 'Size', 'Time', 'Warnings', 'Errors'],
      ['en', 'html', 'g-en.html', '16/17', '—', '2.1 MB', '310 ms', '2', '0'],
      ['en', 'pdf', 'g-en.pdf', '16/17', '212', '5.4 MB', '8.4 s', '2', '0'],
      ['es', 'not written: html, pdf', '—', '—', '—', '—', '—', '0', '1'],
    ]);
    expect(markdown).toContain('### Folio build: 1 written, 1 with errors, 1 without chapters');
    expect(markdown).toContain('Without any chapter (not built): de.');
    expect(markdown).toContain('[artifacts](https://github.com/o/r/actions/runs/1#artifacts)');
    // A book's text cannot make markup in the summary.
    expect(markdown).toContain('- `content/es/x.md:3:14`: Invalid frontmatter: a \\| b \\[c\\]\\(d\\) (`frontmatter-yaml`)');
  });

  test('sizes as people read them', () => {
    expect([formatBytes(999), formatBytes(1000), formatBytes(15_300), formatBytes(944_000), formatBytes(2_100_000)]).toEqual(['999 B', '1.0 kB', '15 kB', '944 kB', '2.1 MB']);
  });
});
