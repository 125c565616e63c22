import { describe, expect, test } from '@jest/globals';
import { bleedPage, lengthMm, mm, trimSize } from '../../../../src/targets/pdf/geometry.js';
import { isDark, paperThickness, wrapSize, wrapTrim } from '../../../../src/targets/print/cover-wrap.js';

describe('page geometry', () => {
  test('page names and lengths in mm', () => {
    expect(trimSize('A4')).toEqual({ width: 210, height: 297 });
    expect(trimSize('letter')).toEqual({ width: 215.9, height: 279.4 });
    expect(trimSize('6in 9in')!.width).toBeCloseTo(152.4, 9);
    expect(trimSize('6in 9in')!.height).toBeCloseTo(228.6, 9);
    expect(trimSize('huge')).toBeUndefined();
    expect(trimSize('6in')).toBeUndefined();
    expect(lengthMm('72pt')).toBeCloseTo(25.4, 6);
    expect(lengthMm('2cm')).toBe(20);
    expect(lengthMm('2 cm')).toBeUndefined();
    expect(mm(1 / 3)).toBe('0.333mm');
  });

  test('bleed grows the page and its margins on every side, and nothing without bleed', () => {
    const margins = { top: '25mm', bottom: '25mm', inner: '1in', outer: '20mm' };
    expect(bleedPage('A5', margins, 0)).toEqual({ size: 'A5', margins });
    expect(bleedPage('A5', margins, 3)).toEqual({ size: '154mm 216mm', margins: { top: '28mm', bottom: '28mm', inner: '28.4mm', outer: '23mm' } });
  });

  test('the cover wrap: two panels, the spine and the bleed', () => {
    const geometry = { trim: { width: 148, height: 210 }, bleed: 3, spine: 100 * paperThickness.white };
    expect(wrapSize(geometry).width).toBeCloseTo(2 * 148 + 5.72 + 6, 2);
    expect(wrapSize(geometry).height).toBe(216);
    expect(wrapTrim(geometry)).toEqual({ width: 296 + geometry.spine, height: 210 });
    expect(paperThickness.cream).toBeGreaterThan(paperThickness.white);
  });

  test('white type on dark grounds, dark type on light ones', () => {
    expect(isDark('#2a6f4e')).toBe(true);
    expect(isDark('#02a1d1')).toBe(false); // the guide's blue: dark type has the better contrast
    expect(isDark('#1b1e22')).toBe(true);
    expect(isDark('#ffffff')).toBe(false);
    expect(isDark('#f1c40f')).toBe(false);
  });
});
