import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { requireTool } from './tools.js';

const run = promisify(execFile);
const poppler = 'apt-get install -y poppler-utils';

/** The text of each page, as poppler's pdftotext reads it (1-based: pages[0] is page 1). */
export async function pageTexts(file: string): Promise<string[]> {
  requireTool('pdftotext', ['-v'], poppler);
  const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/** pdfinfo's fields (Title, Pages, Page size, Tagged, …). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  requireTool('pdfinfo', ['-v'], poppler);
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(stdout.split('\n').filter((line) => line.includes(':')).map((line) => {
    const index = line.indexOf(':');
    return [line.slice(0, index), line.slice(index + 1).trim()];
  }));
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** Every font of the file, as pdffonts lists them. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  requireTool('pdffonts', ['-v'], poppler);
  const { stdout } = await run('pdffonts', [file]);
  return stdout.split('\n').slice(2).filter(Boolean).map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, id
    const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line);
    if (!match) throw new Error(`Cannot read the pdffonts line: ${line}`);
    return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes' };
  });
}

export interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

/** Bookmarks and page labels as qpdf reads them. */
export async function qpdfJson(file: string): Promise<{ outlines: QpdfOutline[]; pages: { label: { '/S': string; '/St': number } | null }[]; pagelabels: unknown[] }> {
  requireTool('qpdf', ['--version'], 'apt-get install -y qpdf');
  const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', '--json-key=pages', '--json-key=pagelabels', file], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(stdout);
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its box, from pdftotext -bbox (points, origin top left). */
export async function wordBoxes(file: string): Promise<WordBox[]> {
  requireTool('pdftotext', ['-v'], poppler);
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  const words: WordBox[] = [];
  let page = 0;
  let width = 0;
  let height = 0;
  for (const line of stdout.split('\n')) {
    const pageMatch = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (pageMatch) {
      page++;
      width = Number(pageMatch[1]);
      height = Number(pageMatch[2]);
      continue;
    }
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) {
      words.push({ page, word: word[5]!, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]), pageWidth: width, pageHeight: height });
    }
  }
  return words;
}

/** Label a viewer shows for each page, from qpdf's page list. */
export function pageLabels(json: Awaited<ReturnType<typeof qpdfJson>>): string[] {
  const roman = (value: number) => {
    const numerals: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let rest = value;
    let text = '';
    for (const [amount, numeral] of numerals) while (rest >= amount) { text += numeral; rest -= amount; }
    return text;
  };
  return json.pages.map((page) => {
    if (!page.label) return '';
    return page.label['/S'] === '/r' ? roman(page.label['/St']) : String(page.label['/St']);
  });
}

export interface PdfLink {
  /** 1-based page the link is on. */
  page: number;
  /** Its clickable box, in points from the top left (like wordBoxes). */
  box: { xMin: number; yMin: number; xMax: number; yMax: number };
  /** An external link's URI. */
  uri?: string;
  /** An internal link: the named destination (the element id) and its 1-based page. */
  dest?: string;
  destPage?: number;
}

/** Every link annotation of the file, read with pdf-lib. */
export async function pdfLinks(file: string): Promise<PdfLink[]> {
  const { PDFArray, PDFDict, PDFName, PDFString, PDFHexString } = await import('pdf-lib');
  const { destinationPages, readPrint } = await import('../../src/targets/pdf/pdf-file.js');
  const pdf = await readPrint(readFileSync(file));
  const destinations = destinationPages(pdf);
  const text = (value: unknown) =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : value instanceof PDFName ? value.decodeText() : undefined;
  const links: PdfLink[] = [];
  pdf.getPages().forEach((page, index) => {
    const height = page.getHeight();
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (annot.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
      const [x1, y1, x2, y2] = annot.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as unknown as { asNumber(): number }).asNumber());
      const link: PdfLink = { page: index + 1, box: { xMin: Math.min(x1!, x2!), xMax: Math.max(x1!, x2!), yMin: height - Math.max(y1!, y2!), yMax: height - Math.min(y1!, y2!) } };
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action && text(action.lookup(PDFName.of('URI')));
      if (uri) link.uri = uri;
      const dest = text(annot.lookup(PDFName.of('Dest'))) ?? (action && text(action.lookup(PDFName.of('D'))));
      if (dest) {
        link.dest = decodeURIComponent(escape(dest.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))));
        link.destPage = destinations.get(link.dest);
      }
      links.push(link);
    }
  });
  return links;
}

export interface PdfImage {
  page: number;
  type: string;
  width: number;
  height: number;
  xPpi: number;
  yPpi: number;
}

/** Every image drawn in the PDF, as `pdfimages -list` reports it (one row per drawing). */
export async function pdfImages(file: string): Promise<PdfImage[]> {
  requireTool('pdfimages', ['-v'], poppler);
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .map((cells) => ({ page: Number(cells[0]), type: cells[2]!, width: Number(cells[3]), height: Number(cells[4]), xPpi: Number(cells[12]), yPpi: Number(cells[13]) }));
}
