/**
 * Page geometry in millimetres: the trim size a page name or `<width> <height>` stands for,
 * lengths as book.yaml writes them, and the sheet a printer needs around a trimmed page.
 */

/** The page names CSS knows (`@page { size: A4 }`), as width × height in mm, portrait. */
const namedSizes: Record<string, [number, number]> = {
  a3: [297, 420],
  a4: [210, 297],
  a5: [148, 210],
  a6: [105, 148],
  b4: [250, 353],
  b5: [176, 250],
  'jis-b4': [257, 364],
  'jis-b5': [182, 257],
  letter: [215.9, 279.4],
  legal: [215.9, 355.6],
  ledger: [279.4, 431.8],
};

/** The page size names Folio knows, for messages. */
export const pageSizeNames = Object.keys(namedSizes);

/** The largest page Folio accepts, in mm each way (a metre: posters, not billboards). */
const largestPage = 1000;

/** The smallest text block Folio accepts, in mm each way: room for a few words per line. */
export const minimumTextBlock = 20;

const perUnit: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72, px: 25.4 / 96 };

/** A length such as `20mm`, `0.75in` or `54pt`, in mm; undefined when it is not one. */
export function lengthMm(length: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(mm|cm|in|pt|px)$/.exec(length.trim());
  return match ? Number(match[1]) * perUnit[match[2]!]! : undefined;
}

/** The trim size of `size` (a page name or `<width> <height>`, within a metre each way), or undefined for any other. */
export function trimSize(size: string): { width: number; height: number } | undefined {
  const named = namedSizes[size.trim().toLowerCase()];
  if (named) return { width: named[0], height: named[1] };
  const [width, height, ...rest] = size.trim().split(/\s+/).map(lengthMm);
  if (!width || !height || rest.length > 0 || width > largestPage || height > largestPage) return undefined;
  return { width, height };
}

/** A length in mm as CSS writes it, rounded to a micrometre so the same book gives the same CSS. */
export function mm(value: number): string {
  return `${Number(value.toFixed(3))}mm`;
}

export interface Margins {
  top: string;
  bottom: string;
  inner: string;
  outer: string;
}

/** Which margin leaves no text block on the page, with a message, or undefined when they all fit. */
export function marginProblem(size: string, margins: Margins): { key: keyof Margins; message: string } | undefined {
  const page = trimSize(size);
  if (!page) return undefined;
  const [top, bottom, inner, outer] = [margins.top, margins.bottom, margins.inner, margins.outer].map((length) => lengthMm(length)!);
  const across = page.width - inner! - outer!;
  const down = page.height - top! - bottom!;
  if (across < minimumTextBlock) {
    const key = inner! >= outer! ? 'inner' : 'outer';
    return { key, message: `the margins leave ${Math.max(0, across).toFixed(0)}mm of a ${page.width.toFixed(0)}mm wide page for text; leave at least ${minimumTextBlock}mm` };
  }
  if (down < minimumTextBlock) {
    const key = top! >= bottom! ? 'top' : 'bottom';
    return { key, message: `the margins leave ${Math.max(0, down).toFixed(0)}mm of a ${page.height.toFixed(0)}mm high page for text; leave at least ${minimumTextBlock}mm` };
  }
  return undefined;
}

/**
 * The page box Chromium prints: the trim size and margins, grown by `bleed` on every side.
 * Text stays where it was on the trimmed page; what fills the page box (a part opener's
 * colour) runs into the bleed that the printer cuts away.
 */
export function bleedPage(size: string, margins: Margins, bleed: number): { size: string; margins: Margins } {
  if (bleed === 0) return { size, margins };
  const trim = trimSize(size)!;
  const grow = (length: string) => mm(lengthMm(length)! + bleed);
  return {
    size: `${mm(trim.width + 2 * bleed)} ${mm(trim.height + 2 * bleed)}`,
    margins: { top: grow(margins.top), bottom: grow(margins.bottom), inner: grow(margins.inner), outer: grow(margins.outer) },
  };
}

/** Points per millimetre, the unit of a PDF's boxes. */
export const ptPerMm = 72 / 25.4;
