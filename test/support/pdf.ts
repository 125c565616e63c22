import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { roman } from '../../src/targets/pdf/paginate.js';
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

/** The whole text in reading order, as a search in a viewer sees it (pdftotext without -layout). */
export async function plainText(file: string): Promise<string> {
  requireTool('pdftotext', ['-v'], poppler);
  return (await run('pdftotext', [file, '-'], { maxBuffer: 256 * 1024 * 1024 })).stdout;
}

/** The XMP packet of the file (pdfinfo -meta), or '' when there is none. */
export async function xmpPacket(file: string): Promise<string> {
  requireTool('pdfinfo', ['-v'], poppler);
  return (await run('pdfinfo', ['-meta', file])).stdout;
}

/**
 * Words hyphenated across a page turn, joined: "Geschwindig-" ends page 89's text and
 * "keit" begins page 90's after its running head. No reading order joins those halves
 * (the folio and the running head lie between), in any PDF; a reader turns the page.
 */
function wordsAcrossPages(text: string): string {
  const pages = text.split('\f').map((page) => page.split('\n').map((line) => line.trim()).filter(Boolean));
  const joined: string[] = [];
  pages.forEach((lines, index) => {
    // pdftotext joins a page's last line, when it ends in a hyphen, to the folio under it: "op89".
    const end = lines.slice(-3).reverse().map((line) => /(\p{L}+)(?:-|\d+)$/u.exec(line)?.[1]).find(Boolean);
    const start = (pages[index + 1] ?? []).slice(0, 3).map((line) => /^(\p{Ll}+)/u.exec(line)?.[1]).find(Boolean);
    if (end && start) joined.push(`${end}${start}`);
  });
  return joined.join('\n');
}

/**
 * The words of 10 or more letters in `bodyText` (the HTML edition's text) that the PDF's
 * text holds fewer times, as `word: html count > pdf count`. A search for such a word must
 * find every place the reader can see it. Words written next to a hyphen are left out:
 * poppler joins a line that ends in a hyphen to the next and drops the hyphen, so a
 * "self-appraisals" broken after "self-" reads "selfappraisals" in any PDF.
 */
export function wordsMissingFrom(pdfText: string, bodyText: string): string[] {
  const words = (text: string) => {
    const counts = new Map<string, number>();
    for (const match of text.matchAll(/(?<![\p{L}\p{M}\-‐])[\p{L}\p{M}]{10,}(?![\p{L}\p{M}\-‐])/gu)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    return counts;
  };
  const inPdf = words(`${pdfText}\n${wordsAcrossPages(pdfText)}`.normalize('NFC'));
  return [...words(bodyText.normalize('NFC'))].filter(([word, count]) => (inPdf.get(word) ?? 0) < count).map(([word, count]) => `${word}: ${count} > ${inPdf.get(word) ?? 0}`);
}

/**
 * The text of an HTML edition's main content (not the colophon's "back to the contents"
 * links, which only the HTML has) without its tables, for wordsMissingFrom: in a narrow
 * column a word may break twice ("Util-", "isa-", "tion"), and no reading order joins the
 * lines of one cell across its neighbours.
 */
export function proseText(html: Root): string {
  const body = structuredClone(select('main', html)!);
  for (const table of selectAll('table', body)) table.children = [];
  return toString(body);
}

type Box = [number, number, number, number];
export interface PageBoxes {
  MediaBox: Box;
  TrimBox?: Box;
  BleedBox?: Box;
}

/** Every page's MediaBox, TrimBox and BleedBox, in points, as qpdf's JSON gives them. */
export async function pageBoxes(file: string): Promise<PageBoxes[]> {
  requireTool('qpdf', ['--version'], 'apt-get install -y qpdf');
  const { stdout } = await run('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', file], { maxBuffer: 256 * 1024 * 1024 });
  const json = JSON.parse(stdout) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value: Record<string, Box> }>] };
  return json.pages.map((page) => {
    const value = json.qpdf[1][`obj:${page.object}`]!.value;
    return { MediaBox: value['/MediaBox']!, TrimBox: value['/TrimBox'], BleedBox: value['/BleedBox'] };
  });
}

/** The colour of one pixel of a page rendered by pdftoppm at `dpi` (x, y from the top left), as #rrggbb. */
export async function pixel(file: string, page: number, x: number, y: number, dpi = 72): Promise<string> {
  requireTool('pdftoppm', ['-v'], poppler);
  const { mkdtempSync, readFileSync: read } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = `${mkdtempSync(`${tmpdir()}/folio-pixel-`)}/px`;
  await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-x', String(x), '-y', String(y), '-W', '1', '-H', '1', '-singlefile', file, root]);
  const ppm = read(`${root}.ppm`);
  const rgb = ppm.subarray(ppm.length - 3);
  return `#${[...rgb].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
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
