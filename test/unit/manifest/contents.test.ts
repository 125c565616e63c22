import { expect, test } from '@jest/globals';
import { parseManifest } from '../../../src/manifest/load.js';

const manifest = (contents: string) => parseManifest(`slug: b\ntitle: B\nauthor: A\nlanguages: [en]\ncontents: ${contents}\n`, '/book/book.yaml');
const problems = (contents: string) => manifest(contents).file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`);

test('contents: slugs, chapter files, or a SUMMARY.md', () => {
  expect(problems('[intro, README.md, "ch 1/Appendix_A.md"]')).toEqual([]);
  expect(problems('{ summary: src/SUMMARY.md }')).toEqual([]);
  expect(manifest('{ summary: SUMMARY.md }').manifest?.contents).toEqual({ summary: 'SUMMARY.md' });
  expect(problems('{ front: [README.md], parts: [{ opener: part1/README.md, chapters: [a.md, b] }] }')).toEqual([]);
});

test('what is neither a slug nor a markdown file, or a summary that is no markdown file, is an error at its place', () => {
  expect(problems('[intro, Intro]')).toEqual(['5:19 `contents[1]` must be lowercase letters, digits and hyphens']);
  expect(problems('{ summary: toc.txt }')).toEqual(['5:22 `contents.summary` must be the path of a markdown file such as SUMMARY.md']);
});
