import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folio } from '../support/folio.js';
import { repoRoot } from '../support/tools.js';

const temporary = () => mkdtempSync(path.join(tmpdir(), 'folio-reporters-'));
const badFrontmatter = 'test/fixtures/bad-frontmatter/book.yaml';

describe('--reporter github', () => {
  test('chosen by GITHUB_ACTIONS=true: workflow commands relative to the repository, and a job summary', async () => {
    const out = temporary();
    const summary = path.join(out, 'summary.md');
    const run = await folio(['build', badFrontmatter, '--format', 'html', '--out', out], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: repoRoot });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain(
      '::error file=test/fixtures/bad-frontmatter/chapters/en/broken.md,line=3,col=14,title=frontmatter-yaml::Invalid frontmatter: Nested mappings are not allowed in compact mappings. Quote the value if it contains ": " or "#".',
    );
    expect(lines).toContain('::warning file=test/fixtures/bad-frontmatter/chapters/en/doubled.md,line=4,col=1,title=frontmatter-duplicate-key::Duplicate key `category` in frontmatter (first on line 3); the later value wins');
    // Every workflow command has GitHub's shape; nothing goes to stderr.
    for (const line of lines.filter((line) => line.startsWith('::'))) expect(line).toMatch(/^::(error|warning|notice)( (file|line|col|title)=[^,:]*(,(file|line|col|title)=[^,:]*)*)?::.+$/);
    expect(run.stderr).toBe('');
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('| en | **not written**: html | — | — | — | — | — | 1 | 1 |');
    expect(markdown).toMatch(/\| nl \| html \| `bad-frontmatter-nl\.html` \| 3 \| — \| [\d.]+ kB \| \d+ ms \| 0 \| 0 \|/);
  });

  test('without GITHUB_WORKSPACE the paths are relative to the git top level', async () => {
    const out = temporary();
    const run = await folio(['build', 'book.yaml', '--format', 'html', '--out', out, '--reporter', 'github'], {}, path.join(repoRoot, 'test/fixtures/bad-frontmatter'));
    expect(run.stdout).toContain('::error file=test/fixtures/bad-frontmatter/chapters/en/broken.md,line=3,col=14,');
  });
});

describe('--reporter json', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/report.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  test('build: one JSON document that validates against schemas/report.schema.json', async () => {
    const out = temporary();
    const run = await folio(['build', badFrontmatter, '--format', 'html,epub', '--out', out, '--reporter', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(validate(report)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(report).toMatchObject({ version: 1, command: 'build', ok: false, exitCode: 1, errors: 1, warnings: 1 });
    expect(report.editions.map((edition: { lang: string; status: string; files: unknown[] }) => [edition.lang, edition.status, edition.files.length])).toEqual([
      ['en', 'failed', 0],
      ['nl', 'written', 2],
    ]);
    expect(report.diagnostics).toContainEqual({
      file: 'test/fixtures/bad-frontmatter/chapters/en/broken.md',
      line: 3,
      column: 14,
      severity: 'error',
      message: expect.stringContaining('Invalid frontmatter'),
      rule: 'frontmatter-yaml',
      lang: 'en',
    });
  });

  test('check, and the schema refuses what it does not describe', async () => {
    const run = await folio(['check', 'test/fixtures/mini/book.yaml', '--reporter', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(validate(report)).toBe(true);
    expect(report.editions.map((edition: { status: string }) => edition.status)).toEqual(['checked', 'checked']);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    expect(validate({ ...report, diagnostics: [{ file: 'x', severity: 'fatal', message: 'm' }] })).toBe(false);
  });
});

describe('--reporter pretty', () => {
  test('the repository’s own build: one line for the fifteen editions without chapters', async () => {
    const run = await folio(['build', '--format', 'html', '--out', temporary()]);
    expect(run.code).toBe(0);
    const empty = run.stderr.split('\n').filter((line) => line.includes('edition-empty'));
    expect(empty).toEqual(['book.yaml:43:1  warning  en, de, es, fr, id, it, ja, km, ko, pl, pt, ru, sv, zh, zh-TW editions skipped: none of its 17 chapters exist at chapters/{lang}/{slug}.md  edition-empty']);
  });

  test('an unknown reporter is a usage error', async () => {
    expect(await folio(['check', '--reporter', 'xml'])).toMatchObject({ code: 2, stderr: 'error  Unknown reporter xml; available: pretty, github, json\n' });
  });
});
