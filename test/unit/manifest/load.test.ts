import { describe, expect, test } from '@jest/globals';
import { parseManifest } from '../../../src/manifest/load.js';
import { formatMessages } from '../../../src/diagnostics/report.js';

const valid = `slug: demo
title: Demo
author: Ann
languages: [en, nl]
contents: [one, two]
`;

function problems(text: string): string[] {
  const { file } = parseManifest(text, '/books/demo/book.yaml');
  return formatMessages([file], '/books/demo');
}

describe('parseManifest', () => {
  test('accepts a minimal manifest and applies the documented defaults', () => {
    const { manifest, file } = parseManifest(valid, '/books/demo/book.yaml');
    expect(file.messages).toEqual([]);
    expect(manifest).toMatchObject({
      slug: 'demo',
      source: 'chapters/{lang}/{slug}.md',
      plugins: [],
      subjects: [],
      strings: {},
      html: { cover: true },
    });
  });

  test('a misspelled key is an error at its line and column, with a suggestion', () => {
    expect(problems(valid + 'titel: Oops\n')).toEqual([
      'book.yaml:6:1  error  Unknown key `titel`; did you mean `title`?  manifest-unknown-key',
    ]);
  });

  test('an unknown key with no near match lists the known keys', () => {
    const [line] = problems(valid + 'zzzzzz: 1\n');
    expect(line).toMatch(/^book\.yaml:6:1 {2}error {2}Unknown key `zzzzzz`; known keys: slug, title, subtitle, author/);
  });

  test('a wrong type is an error at the value', () => {
    expect(problems(valid.replace('languages: [en, nl]', 'languages: en'))).toEqual([
      'book.yaml:4:12  error  `languages` must be a list, not a string ("en")  manifest-type',
    ]);
  });

  test('every problem is reported, not only the first', () => {
    const text = valid.replace('slug: demo', 'slug: Not A Slug') + 'publsher: X\nsite: not a url\n';
    const lines = problems(text);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^book\.yaml:1:7 {2}error {2}`slug` must be lowercase letters, digits and hyphens/);
    expect(lines[1]).toBe('book.yaml:6:1  error  Unknown key `publsher`; did you mean `publisher`?  manifest-unknown-key');
    expect(lines[2]).toMatch(/^book\.yaml:7:7 {2}error {2}`site` /);
  });

  test('a typo inside a part is reported through the closest shape of a part', () => {
    const text = valid.replace('contents: [one, two]', 'contents:\n  parts:\n    - openr: one\n      chapters: [two]\n');
    expect(problems(text)).toContain(
      'book.yaml:7:7  error  Unknown key `openr` in contents.parts[0]; did you mean `opener`?  manifest-unknown-key',
    );
  });

  test('a missing required key is reported at the map that lacks it', () => {
    expect(problems(valid.replace('author: Ann\n', ''))).toEqual([
      'book.yaml:1:1  error  Missing key `author` (a string)  manifest-missing-key',
    ]);
  });

  test('invalid YAML is an error at the offending position', () => {
    const [line] = problems('slug: demo\ntitle: [unclosed\nauthor: Ann\n');
    expect(line).toMatch(/^book\.yaml:\d+:\d+ {2}error {2}Invalid YAML: .+ {2}manifest-yaml$/);
  });

  test('target sections are validated by their target', () => {
    expect(problems(valid + 'html:\n  covr: false\n')).toEqual([
      'book.yaml:7:3  error  Unknown key `covr` in html; did you mean `cover`?  manifest-unknown-key',
    ]);
  });
});
