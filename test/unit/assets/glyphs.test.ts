import { describe, expect, test } from '@jest/globals';
import { covers, mergeCoverage, parseCharset } from '../../../src/assets/glyphs.js';

describe('font coverage', () => {
  test("fontconfig's charset notation becomes merged, searchable ranges", () => {
    const coverage = mergeCoverage([...parseCharset('20-7e a0-ac 131'), ...parseCharset(' 7f-9f 3000-30ff\n')]);
    expect(coverage).toEqual([[0x20, 0xac], [0x131, 0x131], [0x3000, 0x30ff]]);
    expect(covers(coverage, 0x41)).toBe(true);
    expect(covers(coverage, 0xad)).toBe(false);
    expect(covers(coverage, 0x131)).toBe(true);
    expect(covers(coverage, 0x30ff)).toBe(true);
    expect(covers(coverage, 0x13000)).toBe(false);
    expect(covers([], 0x41)).toBe(false);
  });
});
