import { describe, expect, test } from '@jest/globals';
import { asPlan, checkPagination, matchesPlan, planHolds, planPagination, roman } from '../../../../src/targets/pdf/paginate.js';

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

describe('planHolds: an earlier plan spares the measuring print only when a fresh plan would be the same', () => {
  const openers = ['preface', 'part-1', 'one', 'two'];
  const front = new Set(['preface']);
  // Where a first print without blank pages put them.
  const measured = new Map([['preface', 5], ['part-1', 7], ['one', 8], ['two', 11]]);
  const plan = planPagination(openers, front, measured);
  const landedWith = (chosen: typeof plan) => {
    const landed = new Map<string, number>();
    let blanks = 0;
    for (const id of openers) {
      if (chosen.blankBefore.has(id)) blanks++;
      landed.set(id, measured.get(id)! + blanks);
    }
    return landed;
  };

  test('a print that landed as planned from the same layout holds', () => {
    expect(planHolds(plan, openers, front, landedWith(plan))).toBe(true);
  });

  test('an opener that moved, another list of openers or other front matter does not', () => {
    const moved = new Map(landedWith(plan));
    moved.set('two', moved.get('two')! + 2);
    expect(planHolds(plan, openers, front, moved)).toBe(false);
    expect(planHolds(plan, [...openers, 'three'], front, landedWith(plan))).toBe(false);
    expect(planHolds(plan, openers, new Set(['preface', 'part-1']), landedWith(plan))).toBe(false);
  });

  test('a plan with a blank page a fresh plan would not have does not hold, even where every opener landed as it says', () => {
    // Two blank pages more before "one": it still starts on a right-hand page, as planned.
    const padded = { ...plan, starts: new Map(plan.starts), blankBefore: new Set(plan.blankBefore) };
    padded.starts.set('one', plan.starts.get('one')! + 2);
    padded.starts.set('two', plan.starts.get('two')! + 2);
    const landed = new Map(landedWith(plan));
    landed.set('one', landed.get('one')! + 2);
    landed.set('two', landed.get('two')! + 2);
    expect(matchesPlan(padded, landed)).toBe(true);
    expect(planHolds(padded, openers, front, landed)).toBe(false);
  });

  test('asPlan takes only what has a plan\'s shape', () => {
    expect(asPlan(plan)).toBe(plan);
    expect(asPlan(undefined)).toBeUndefined();
    expect(asPlan({ blankBefore: [], starts: {}, folios: {}, frontPages: 1 })).toBeUndefined();
  });
});
