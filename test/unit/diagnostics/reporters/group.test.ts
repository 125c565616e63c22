import { describe, expect, test } from '@jest/globals';
import type { Diagnostic } from '../../../../src/diagnostics/diagnostic.js';
import { groupRepeats } from '../../../../src/diagnostics/reporters/group.js';

const empty = (lang: string): Diagnostic => ({
  file: '/b/book.yaml',
  line: 40,
  column: 1,
  severity: 'warning',
  message: `${lang} edition skipped: none of its 16 chapters exist at chapters/{lang}/{slug}.md`,
  rule: 'edition-empty',
  lang,
});
const duplicate = (lang: string, line = 4): Diagnostic => ({
  file: `/b/content/${lang}/insights/talent.md`,
  line,
  column: 1,
  severity: 'warning',
  message: 'Duplicate key `category` in frontmatter',
  rule: 'frontmatter-duplicate-key',
  lang,
});

describe('groupRepeats', () => {
  test('one situation in many editions is one diagnostic naming the languages, in the manifest order', () => {
    const grouped = groupRepeats([empty('de'), empty('en'), empty('fr')], { languages: ['en', 'de', 'fr'] });
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.message).toBe('en, de, fr editions skipped: none of its 16 chapters exist at chapters/{lang}/{slug}.md');
    expect(grouped[0]!.langs).toEqual(['en', 'de', 'fr']);
  });

  test('the same problem in each language’s file: one line, the path with {lang}', () => {
    const grouped = groupRepeats([duplicate('en'), duplicate('nl'), duplicate('pt', 9)]);
    expect(grouped.map((item) => [item.file, item.line, item.message])).toEqual([
      ['/b/content/{lang}/insights/talent.md', 4, 'Duplicate key `category` in frontmatter (en, nl)'],
      ['/b/content/pt/insights/talent.md', 9, 'Duplicate key `category` in frontmatter'],
    ]);
    // Annotations must name real files: across files nothing is joined.
    expect(groupRepeats([duplicate('en'), duplicate('nl')], { acrossFiles: false })).toHaveLength(2);
    expect(groupRepeats([empty('en'), empty('nl')], { acrossFiles: false })).toHaveLength(1);
    // Errors in different files stay apart, each a file to open and fix.
    expect(groupRepeats([{ ...duplicate('en'), severity: 'error' }, { ...duplicate('nl'), severity: 'error' }])).toHaveLength(2);
  });

  test('different problems, or problems of no edition, stay apart and in order', () => {
    const other: Diagnostic = { ...empty('nl'), message: 'nl edition is partial: 1 of 2 chapters missing (x)', rule: 'edition-incomplete' };
    const manifest: Diagnostic = { file: '/b/book.yaml', line: 2, column: 1, severity: 'error', message: 'Missing key `author`', rule: 'manifest-missing-key' };
    const grouped = groupRepeats([manifest, empty('en'), other, empty('de'), { ...manifest }]);
    expect(grouped.map((item) => item.rule)).toEqual(['manifest-missing-key', 'edition-empty', 'edition-incomplete', 'manifest-missing-key']);
  });
});
