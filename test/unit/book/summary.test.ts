import { expect, test } from '@jest/globals';
import { outlineOfSummary } from '../../../src/book/outline.js';
import { parseSummary } from '../../../src/book/summary.js';

const mdbook = `# Summary

[Introduction](README.md)
[Foreword](./foreword.md)

# Getting started

- [Getting *Started*](ch01-00-getting-started.md)
    - [Installation](ch01-01-installation.md)
        - [On Linux](ch01%2001/linux.md#top)
- [Still to write]()

---

# The language

* [What *Is* JavaScript?](ch02.md)

---

[Appendix A](appendix_a.md)
`;

test('mdBook: prefix, parts with nested items in reading order, drafts left out, separators ignored, suffix', () => {
  const summary = parseSummary(mdbook);
  expect(summary.prefix.map((item) => item.file)).toEqual(['README.md', 'foreword.md']);
  expect(summary.parts.map((part) => [part.title, part.chapters.map((item) => item.file)])).toEqual([
    ['Getting started', ['ch01-00-getting-started.md', 'ch01-01-installation.md', 'ch01 01/linux.md']],
    ['The language', ['ch02.md']],
  ]);
  expect(summary.parts[1]!.chapters[0]!.label).toBe('What Is JavaScript?');
  expect(summary.suffix.map((item) => item.file)).toEqual(['appendix_a.md']);
  expect(summary.drafts.map((draft) => draft.label)).toEqual(['Still to write']);
  expect(summary.prefix[1]!.place).toEqual({ line: 4, column: 1, offset: expect.any(Number) });
});

test('GitBook: a list from the start, parts as ## headings; numbered chapters before any part stand alone', () => {
  const summary = parseSummary('# Summary\n\n* [Introduction](README.md)\n\n## Part I\n\n* [Soil](chapter1/README.md)\n  * [Compost](chapter1/compost.md)\n');
  expect(summary.prefix).toEqual([]);
  expect(summary.parts.map((part) => [part.title, part.chapters.map((item) => item.file)])).toEqual([
    [undefined, ['README.md']],
    ['Part I', ['chapter1/README.md', 'chapter1/compost.md']],
  ]);
});

test('the outline: files relative to the SUMMARY, front and back matter, parts, numbers and unique ids', () => {
  const outline = outlineOfSummary(parseSummary(mdbook), 'src/SUMMARY.md');
  expect(outline.parts).toEqual([
    { number: 1, title: 'Getting started' },
    { number: 2, title: 'The language' },
  ]);
  expect(outline.entries.map(({ slug, role, number, part, file }) => ({ slug, role, number, part, file }))).toEqual([
    { slug: 'readme', role: 'front', number: undefined, part: undefined, file: 'src/README.md' },
    { slug: 'foreword', role: 'front', number: undefined, part: undefined, file: 'src/foreword.md' },
    { slug: 'ch01-00-getting-started', role: 'chapter', number: 1, part: 0, file: 'src/ch01-00-getting-started.md' },
    { slug: 'ch01-01-installation', role: 'chapter', number: 2, part: 0, file: 'src/ch01-01-installation.md' },
    { slug: 'linux', role: 'chapter', number: 3, part: 0, file: 'src/ch01 01/linux.md' },
    { slug: 'ch02', role: 'chapter', number: 4, part: 1, file: 'src/ch02.md' },
    { slug: 'appendix_a', role: 'back', number: undefined, part: undefined, file: 'src/appendix_a.md' },
  ]);
});

test('an empty SUMMARY has no chapters', () => {
  expect(parseSummary('# Summary\n')).toEqual({ prefix: [], parts: [], suffix: [], drafts: [] });
});
