import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { folio } from '../support/folio.js';
import { guideLanguages } from '../support/corpus.js';
import { corpusAvailable, corpusSource, repoRoot } from '../support/tools.js';

// The guide's sources are beside the repository here and in CI; elsewhere this fails, loudly.
const describeGuide = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

describeGuide('the guide under the github reporter', () => {
  test('its job summary renders as a table: a row per edition written, es and it with their errors', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'folio-guide-summary-'));
    const summary = path.join(out, 'summary.md');
    const run = await folio(['build', '--source', corpusSource, '--format', 'html', '--out', out], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: repoRoot });
    expect(run.code).toBe(1);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(summary, 'utf8')) as any;
    const text = (node: any): string => (node.value ?? '') + (node.children ?? []).map(text).join('');
    const tables = tree.children.filter((node: any) => node.type === 'table');
    expect(tables).toHaveLength(1);
    const [header, ...rows] = tables[0].children.map((row: any) => row.children.map(text));
    expect(header).toEqual(['Edition', 'Format', 'File', 'Chapters', 'Pages', 'Size', 'Time', 'Warnings', 'Errors']);
    expect(rows.map((row: string[]) => row[0])).toEqual(guideLanguages);
    for (const row of rows) {
      if (row[0] === 'es' || row[0] === 'it') {
        expect(row).toEqual([row[0], 'not written: html', '—', '—', '—', '—', '—', expect.stringMatching(/^\d+$/), '1']);
      } else {
        expect(row).toEqual([row[0], 'html', `agency-success-guide-${row[0]}.html`, expect.stringMatching(/^1[67](\/17)?$/), '—', expect.stringMatching(/ [kM]B$/), expect.stringMatching(/ m?s$/), expect.stringMatching(/^\d+$/), '0']);
      }
    }
    // The errors are annotations at their lines.
    expect(run.stdout).toMatch(/^::error file=\S+\/es\/insights\/qualify-your-clients\.md,line=3,col=14,title=frontmatter-yaml::Invalid frontmatter/m);
  });
});
