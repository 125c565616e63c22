import { describe, expect, test } from '@jest/globals';
import type { BuildResult } from '../../../src/build.js';
import { LiveProgress } from '../../../src/diagnostics/reporters/progress.js';

describe('LiveProgress', () => {
  test('one live line per edition in flight, cleared for each written line, and a table at the end', () => {
    let text = '';
    let clock = 0;
    const live = new LiveProgress({ write: (chunk: string) => (text += chunk), columns: 120 }, () => clock);
    live.onProgress({ lang: 'en', format: 'pdf', phase: 'render' });
    live.onProgress({ lang: 'nl', format: 'pdf', phase: 'render' });
    clock = 1500;
    live.onProgress({ lang: 'en', format: 'pdf', phase: 'print', pages: 120 });
    expect(text.split('\x1b[2A\x1b[0J').at(-1)).toBe('en    pdf   printing, 120 pages printed  1.5 s\nnl    pdf   rendering  1.5 s\n');
    const event = { lang: 'en', format: 'pdf' as const, path: '/x/b-en.pdf', milliseconds: 2000, chapters: 3, listed: 3 };
    live.onWrite(event, () => (text += 'WRITTEN\n'));
    expect(text.endsWith('\x1b[2A\x1b[0JWRITTEN\nnl    pdf   rendering  1.5 s\n')).toBe(true);
    text = '';
    const result = { written: [event, { ...event, lang: 'nl', unchanged: true }], failed: ['de'], skipped: [], files: [], book: undefined } as BuildResult;
    live.finish(result, ['pdf']);
    expect(text).toBe('\x1b[1A\x1b[0J          pdf\nen      2.0 s\nnl  unchanged\nde     failed\n');
  });
});
