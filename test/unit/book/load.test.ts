import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { loadBook } from '../../../src/book/load.js';
import type { Edition } from '../../../src/book/types.js';
import { formatMessages } from '../../../src/diagnostics/report.js';
import { repoRoot } from '../../support/tools.js';

const mini = path.join(repoRoot, 'test/fixtures/mini/book.yaml');

function edition(editions: Edition[], lang: string): Edition {
  const found = editions.find((candidate) => candidate.lang === lang);
  if (!found) throw new Error(`no ${lang} edition`);
  return found;
}

describe('loadBook', () => {
  test('loads every edition in the reading order of the manifest, with parts and numbers', async () => {
    const { book, failed } = await loadBook(mini);
    expect(failed.size).toBe(0);
    const en = edition(book!.editions, 'en');
    expect(en.chapters.map((chapter) => [chapter.slug, chapter.role, chapter.number])).toEqual([
      ['preface', 'front', undefined],
      ['beginnings', 'opener', undefined],
      ['first-steps', 'chapter', 1],
      ['second-steps', 'chapter', 2],
      ['further', 'chapter', 3],
      ['afterword', 'back', undefined],
    ]);
    expect(en.parts.map((part) => [part.number, part.id, part.title, part.opener?.slug, part.chapters.map((c) => c.slug)])).toEqual([
      [1, 'beginnings', 'Beginnings', 'beginnings', ['first-steps', 'second-steps']],
      [2, 'part-2', 'Going Further', undefined, ['further']],
    ]);
    expect(en.metadata).toMatchObject({
      title: 'The Mini Book',
      authors: ['Ada Author', 'Ben Writer'],
      date: '2026-01-15',
    });
    expect(edition(book!.editions, 'nl').parts[1]!.title).toBe('Verder Gaan');
  });

  test('the derived identifier is stable and differs per language', async () => {
    const first = await loadBook(mini);
    const second = await loadBook(mini);
    const ids = first.book!.editions.map((e) => e.metadata.identifier);
    expect(ids).toEqual(second.book!.editions.map((e) => e.metadata.identifier));
    expect(ids[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(2);
  });

  test('a partial edition is built from what exists and reported in one line', async () => {
    const { book, files } = await loadBook(mini);
    const nl = edition(book!.editions, 'nl');
    expect(nl.missing).toEqual(['second-steps']);
    expect(nl.strings.contents).toBe('Inhoudsopgave');
    expect(nl.strings.part).toBe('Deel {n}');
    const lines = formatMessages(files, path.dirname(mini)).filter((line) => line.includes('edition-incomplete'));
    expect(lines).toEqual([
      expect.stringMatching(/^book\.yaml:\d+:1 {2}warning {2}nl edition is partial: 1 of 6 chapters missing at .*\(second-steps\) {2}edition-incomplete$/),
    ]);
  });

  test('--strict makes the missing chapter an error and the edition fails', async () => {
    const { failed, files } = await loadBook(mini, { strict: true });
    expect([...failed].sort()).toEqual(['en', 'nl']); // en has a warning too: a link to a missing anchor
    expect(formatMessages(files, path.dirname(mini)).every((line) => line.includes('  error  '))).toBe(true);
  });

  test('an edition without chapters is skipped with one line', async () => {
    const { book, skipped, files } = await loadBook(mini, { source: path.join(repoRoot, 'test/fixtures/mini/chapters/{lang}-none/{slug}.md') });
    expect(book!.editions).toEqual([]);
    expect(skipped).toEqual(['en', 'nl']);
    expect(formatMessages(files).filter((line) => line.includes('edition-empty'))).toHaveLength(2);
  });

  test('the web preamble is dropped by the book plugin', async () => {
    const { book } = await loadBook(mini, { languages: ['en'] });
    const html = edition(book!.editions, 'en').chapters.map((chapter) => toHtml(chapter.tree)).join('');
    expect(html).not.toContain('Read this on our website only');
    expect(html).not.toContain('Blurb.');
    expect(html).not.toContain('<hr>');
  });
});
