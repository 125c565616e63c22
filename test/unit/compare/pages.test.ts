import { describe, expect, test } from '@jest/globals';
import { changedPages, formatPages, type PageLooks } from '../../../src/compare/pages.js';

const looks = (texts: string[], pictures: string[] = texts.map(() => 'same')): PageLooks => ({ texts, pictures: pictures.map((picture) => Buffer.from(picture)) });

describe('changedPages', () => {
  test('a page counts as changed when its text or its picture differs, not otherwise', () => {
    const before = looks(['cover', 'one', 'two', 'three'], ['c', 'p', 'p', 'p']);
    expect(changedPages(before, looks(['cover', 'one', 'two', 'three'], ['c', 'p', 'p', 'p']))).toEqual([]);
    expect(changedPages(before, looks(['cover', 'one', 'TWO', 'three'], ['c', 'p', 'p', 'p']))).toEqual([3]);
    expect(changedPages(before, looks(['cover', 'one', 'two', 'three'], ['C', 'p', 'p', 'p']))).toEqual([1]);
  });

  test('pages the earlier PDF lacks are changed; pages it had beyond the new end are not pages of the new PDF', () => {
    expect(changedPages(looks(['a', 'b']), looks(['a', 'b', 'c', 'd']))).toEqual([3, 4]);
    expect(changedPages(looks(['a', 'b', 'c']), looks(['a', 'b']))).toEqual([]);
  });
});

describe('formatPages', () => {
  test('runs become ranges with an en dash', () => {
    expect(formatPages([45, 46, 47, 48, 49, 50, 51, 88])).toBe('45–51, 88');
    expect(formatPages([1, 3, 4, 9])).toBe('1, 3–4, 9');
    expect(formatPages([])).toBe('');
  });
});
