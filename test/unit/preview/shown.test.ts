import { describe, expect, test } from '@jest/globals';
import { ShownHtml } from '../../../src/preview/shown.js';

/** Which of `waits` have settled after the microtasks and timers now due have run. */
async function settled(waits: Promise<void>[], ms = 0): Promise<boolean[]> {
  const done = waits.map(() => false);
  waits.forEach((wait, index) => void wait.then(() => (done[index] = true)));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return done;
}

describe('ShownHtml: the PDF and EPUB of a save wait for the page to show its HTML', () => {
  test('a generation already shown: no wait', async () => {
    const shown = new ShownHtml();
    shown.mark(3);
    expect(await settled([shown.until(2, 60_000), shown.until(3, 60_000)])).toEqual([true, true]);
  });

  test('waits until that generation, or a later one, is shown; not for an earlier one', async () => {
    const shown = new ShownHtml();
    const waits = [shown.until(1, 60_000), shown.until(2, 60_000), shown.until(3, 60_000)];
    shown.mark(1);
    expect(await settled(waits)).toEqual([true, false, false]);
    shown.mark(3);
    expect(await settled(waits)).toEqual([true, true, true]);
  });

  test('with no page to show it, goes on after its patience', async () => {
    const shown = new ShownHtml();
    const wait = shown.until(1, 30);
    expect(await settled([wait])).toEqual([false]);
    expect(await settled([wait], 60)).toEqual([true]);
  });
});
