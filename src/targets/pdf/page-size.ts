import { z } from 'zod';

/** CSS `@page` size names Chromium knows, with their portrait size in millimetres. */
export const pageSizes: Readonly<Record<string, readonly [number, number]>> = {
  a5: [148, 210],
  a4: [210, 297],
  a3: [297, 420],
  b5: [176, 250],
  b4: [250, 353],
  'jis-b5': [182, 257],
  'jis-b4': [257, 364],
  letter: [215.9, 279.4],
  legal: [215.9, 355.6],
  ledger: [279.4, 431.8],
};

const millimetresPer: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72, px: 25.4 / 96 };

/** A length (`20mm`, `0.75in`) in millimetres; undefined when it is not one. */
export function millimetres(length: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(mm|cm|in|pt|px)$/.exec(length);
  return match ? Number(match[1]) * millimetresPer[match[2]!]! : undefined;
}

/** The smallest text block Folio accepts, in millimetres each way: room for a few words per line. */
export const minimumTextBlock = 20;

/** The largest page Folio accepts, in millimetres each way (a metre: posters, not billboards). */
const largestPage = 1000;

export const Length = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt|px)$/, 'must be a length such as 20mm, 0.75in or 54pt');

/** `A4`, `letter` (any case), or `<width> <height>` (`6in 9in`), within a metre each way. */
export const PageSize = z
  .string()
  .refine((value) => pageSize(value) !== undefined, {
    message: `must be a page size name (${Object.keys(pageSizes).join(', ')}) or "<width> <height>" such as "6in 9in", at most 1000mm each way`,
  });

/** A page size's width and height in millimetres, or undefined when it is not one Folio accepts. */
export function pageSize(value: string): readonly [number, number] | undefined {
  const named = pageSizes[value.toLowerCase()];
  if (named) return named;
  const [width, height, extra] = value.trim().split(/\s+/).map(millimetres);
  if (extra !== undefined || !width || !height || width > largestPage || height > largestPage) return undefined;
  return [width, height];
}

export interface Margins {
  top: string;
  bottom: string;
  inner: string;
  outer: string;
}

/** Which margin leaves no text block on the page, with the block's size, or undefined when they all fit. */
export function marginProblem(size: string, margins: Margins): { key: keyof Margins; message: string } | undefined {
  const page = pageSize(size);
  if (!page) return undefined;
  const [width, height] = page;
  const across = width - millimetres(margins.inner)! - millimetres(margins.outer)!;
  const down = height - millimetres(margins.top)! - millimetres(margins.bottom)!;
  if (across < minimumTextBlock) {
    const key = millimetres(margins.inner)! >= millimetres(margins.outer)! ? 'inner' : 'outer';
    return { key, message: `the margins leave ${Math.max(0, across).toFixed(0)}mm of a ${width.toFixed(0)}mm wide page for text; leave at least ${minimumTextBlock}mm` };
  }
  if (down < minimumTextBlock) {
    const key = millimetres(margins.top)! >= millimetres(margins.bottom)! ? 'top' : 'bottom';
    return { key, message: `the margins leave ${Math.max(0, down).toFixed(0)}mm of a ${height.toFixed(0)}mm high page for text; leave at least ${minimumTextBlock}mm` };
  }
  return undefined;
}
