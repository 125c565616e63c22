import { describe, expect, test } from '@jest/globals';
import { changedChapters, chapterTexts } from '../../../src/compare/chapters.js';

const page = (chapters: string) => `<!DOCTYPE html><html lang="en"><head><title>B</title></head><body><main>${chapters}</main></body></html>`;
const chapter = (id: string, title: string, text: string) => `<article class="chapter" id="${id}"><header><h2 class="chapter-title" id="${id}-title">${title}</h2></header><p>${text}</p></article>`;
const part = (id: string, title: string, intro: string, chapters: string) => `<section class="part" id="${id}"><header><h2 id="${id}-title">${title}</h2></header><div class="part-intro"><p>${intro}</p></div>${chapters}</section>`;

describe('changedChapters', () => {
  test('names the chapters whose text changed, and a part opener apart from its chapters', () => {
    const before = page(chapter('intro', 'Intro', 'Hello.') + part('momentum', 'Momentum', 'Why.', chapter('ideal', 'Ideal', 'Aim.') + chapter('scale', 'Scale', 'Grow.')));
    const after = page(chapter('intro', 'Intro', 'Hello.') + part('momentum', 'Momentum', 'Why.', chapter('ideal', 'Ideal', 'Aim high.') + chapter('scale', 'Scale', 'Grow.')));
    expect(changedChapters(before, after)).toEqual([{ id: 'ideal', title: 'Ideal', change: 'changed' }]);
    const opener = chapterTexts(after).get('momentum')!;
    expect(opener.title).toBe('Momentum');
    expect(opener.text).toContain('Why.');
    expect(opener.text).not.toContain('Aim');
  });

  test('added and removed chapters; the same text gives nothing', () => {
    const before = page(chapter('a', 'A', 'x') + chapter('b', 'B', 'y'));
    expect(changedChapters(before, before)).toEqual([]);
    expect(changedChapters(before, page(chapter('a', 'A', 'x') + chapter('c', 'C', 'z')))).toEqual([
      { id: 'c', title: 'C', change: 'added' },
      { id: 'b', title: 'B', change: 'removed' },
    ]);
  });
});
