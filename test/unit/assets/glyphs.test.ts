import { describe, expect, test } from '@jest/globals';
import { covers, parseCharset } from '../../../src/assets/glyphs.js';

describe('font coverage', () => {
  test("fontconfig's charset notation becomes merged, searchable ranges", () => {
    // Two fonts' lines, overlapping and out of order, as fc-list prints them.
    const coverage = parseCharset('20-7e a0-ac 131\n 7f-9f 3000-30ff 3010\n');
    expect(coverage).toEqual([[0x20, 0xac], [0x131, 0x131], [0x3000, 0x30ff]]);
    expect(covers(coverage, 0x41)).toBe(true);
    expect(covers(coverage, 0xad)).toBe(false);
    expect(covers(coverage, 0x131)).toBe(true);
    expect(covers(coverage, 0x30ff)).toBe(true);
    expect(covers(coverage, 0x13000)).toBe(false);
    expect(covers([], 0x41)).toBe(false);
  });

  test('ranges at the ends of Unicode, in capitals, and nothing at all', () => {
    expect(parseCharset('0-1F 10FFFE-10ffff')).toEqual([[0, 0x1f], [0x10fffe, 0x10ffff]]);
    expect(parseCharset('')).toEqual([]);
  });
});
