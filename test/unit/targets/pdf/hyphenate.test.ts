import { describe, expect, test } from '@jest/globals';
import { asHyphenations, hyphenatorFor, RememberingHyphenator } from '../../../../src/targets/pdf/hyphenate.js';

describe('hyphenatorFor', () => {
  test('English words of six letters or more get soft hyphens; shorter ones and CJK get none', () => {
    const hyphenate = hyphenatorFor('en')!;
    expect(hyphenate('Hyphenation helps justified paragraphs')).toBe('Hy\u00adphen\u00adation helps jus\u00adti\u00adfied para\u00adgraphs');
    expect(hyphenate('a short line')).toBe('a short line');
    expect(hyphenatorFor('ja')).toBeUndefined();
  });
});

describe('RememberingHyphenator', () => {
  const counting = () => {
    const asked: string[] = [];
    return { asked, hyphenate: (text: string) => (asked.push(text), text.replace(/(\w{3})(?=\w{3})/g, '$1\u00ad')) };
  };

  test('text the last build hyphenated is looked up, other text is hyphenated', () => {
    const { asked, hyphenate } = counting();
    const memory = new RememberingHyphenator(hyphenate, new Map([['remembered', 'remem\u00adbered']]));
    expect(memory.lookup('remembered')).toBe('remem\u00adbered');
    expect(memory.lookup('freshly')).toBe('fre\u00adshly');
    expect(memory.lookup('freshly')).toBe('fre\u00adshly');
    expect(asked).toEqual(['freshly']);
  });

  test('keeps this build\u2019s text only, and nothing when that is what it was given', () => {
    const known = new Map([['one paragraph', 'one para\u00adgraph'], ['another', 'ano\u00adther']]);
    const same = new RememberingHyphenator(counting().hyphenate, known);
    same.lookup('one paragraph');
    same.lookup('another');
    expect(same.toKeep()).toBeUndefined();

    const fewer = new RememberingHyphenator(counting().hyphenate, known);
    fewer.lookup('another');
    expect(fewer.toKeep()).toEqual([['another', 'ano\u00adther']]);

    const learned = new RememberingHyphenator(counting().hyphenate, known);
    learned.lookup('one paragraph');
    learned.lookup('another');
    learned.lookup('a new sentence');
    expect(learned.toKeep()?.map(([text]) => text)).toEqual(['one paragraph', 'another', 'a new sentence']);
  });

  test('an entry of another shape is no memory at all', () => {
    expect(asHyphenations(undefined).size).toBe(0);
    expect(asHyphenations({ text: 'x' }).size).toBe(0);
    expect([...asHyphenations([['ok', 'o\u00adk'], ['short'], [1, 'x'], 'text', ['also', 2]])]).toEqual([['ok', 'o\u00adk']]);
  });
});
