import { describe, expect, test } from '@jest/globals';
import { checkPagination, matchesPlan, planPagination, roman } from '../../../../src/targets/pdf/paginate.js';

describe('planPagination', () => {
  const openers = ['preface', 'part-1', 'one', 'two', 'part-2', 'three'];
  const front = new Set(['preface']);

  test('a blank page before each opener that landed on a left-hand page, counting the blanks already added', () => {
    // First print: preface p3, part-1 p5, one p6 (even), two p9, part-2 p12 (even), three p13.
    const measured = new Map([['preface', 3], ['part-1', 5], ['one', 6], ['two', 9], ['part-2', 12], ['three', 13]]);
    const plan = planPagination(openers, front, measured);
    // one moves to 7, so two to 10 (even: one more blank, 11), part-2 to 14 (even again: 15), three to 16 → 17.
    expect([...plan.blankBefore]).toEqual(['one', 'two', 'part-2', 'three']);
    expect(Object.fromEntries(plan.starts)).toEqual({ preface: 3, 'part-1': 5, one: 7, two: 11, 'part-2': 15, three: 17 });
    expect([...plan.starts.values()].every((page) => page % 2 === 1)).toBe(true);
  });

  test('folios: roman in the front matter, arabic from 1 at the first opener of the body', () => {
    const measured = new Map([['preface', 3], ['part-1', 7], ['one', 9], ['two', 11], ['part-2', 13], ['three', 15]]);
    const plan = planPagination(openers, front, measured);
    expect(plan.frontPages).toBe(6);
    expect(Object.fromEntries(plan.folios)).toEqual({ preface: 'iii', 'part-1': '1', one: '3', two: '5', 'part-2': '7', three: '9' });
    expect(plan.blankBefore.size).toBe(0);
  });

  test('a book without front matter starts its arabic folios on its first opener', () => {
    const plan = planPagination(['one', 'two'], new Set(), new Map([['one', 3], ['two', 4]]));
    expect(plan.frontPages).toBe(2);
    expect(Object.fromEntries(plan.folios)).toEqual({ one: '1', two: '3' });
  });

  test('an opener the first print did not place is an error naming it', () => {
    expect(() => planPagination(['one', 'lost'], new Set(), new Map([['one', 3]]))).toThrow(/no page for #lost/);
  });

  test('the second print is held to the plan', () => {
    const plan = planPagination(['one', 'two'], new Set(), new Map([['one', 3], ['two', 4]]));
    const landed = new Map([['one', 3], ['two', 5]]);
    expect(matchesPlan(plan, landed)).toBe(true);
    expect(() => checkPagination(plan, landed)).not.toThrow();
    const moved = new Map([['one', 3], ['two', 7]]);
    expect(matchesPlan(plan, moved)).toBe(false);
    expect(() => checkPagination(plan, moved)).toThrow('#two planned on page 5, printed on 7');
  });
});

test('roman numerals for front matter folios', () => {
  expect([1, 2, 3, 4, 5, 9, 14, 19, 40, 49, 90, 400, 1990, 2026].map(roman)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'ix', 'xiv', 'xix', 'xl', 'xlix', 'xc', 'cd', 'mcmxc', 'mmxxvi']);
});
