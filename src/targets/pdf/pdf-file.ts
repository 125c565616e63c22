import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  ParseSpeeds,
} from 'pdf-lib';
import { checkNoType3Fonts } from './fonts-check.js';
import { renumberStructureIds } from './structure-ids.js';
import { cleanTextLayer } from './text-layer.js';
import { addXmpMetadata, type XmpFields } from './xmp.js';

/**
 * Parses a print from Chromium, once: it is read for where things landed, then finished.
 * pdf-lib by default pauses every 100 objects to let other work run; a print has
 * thousands, and nothing here waits on this thread, so it parses in one go.
 */
export function readPrint(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/**
 * Where each named destination of a printed PDF lands: Chrome writes one per element that
 * a link points at (`#id` → `/Dests /id [page …]`). The contents link to every part and
 * chapter, so this reads where each begins. Pages are numbered from 1.
 */
export function destinationPages(pdf: PDFDocument): Map<string, number> {
  const pageOf = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pages = new Map<string, number>();
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = pdf.context.lookup(value);
    const ref = target instanceof PDFArray ? target.get(0) : undefined;
    const page = ref instanceof PDFRef ? pageOf.get(ref.toString()) : undefined;
    if (page !== undefined) pages.set(decodeName(name.asString()), page);
  }
  return pages;
}

/** PDF names escape bytes as #xx; Chrome writes the element id that way. */
function decodeName(name: string): string {
  const raw = name.replace(/^\//, '').replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(raw, 'latin1').toString('utf8');
}

export interface OutlineItem {
  title: string;
  /** 1-based page. */
  page: number;
  children: OutlineItem[];
}

export interface FinishOptions extends XmpFields {
  identifier: string;
  /** Pages before the body (roman page labels); the body is labelled 1, 2, … */
  frontPages: number;
  outline: OutlineItem[];
}

/**
 * The finishing touches Chrome cannot make, once the print is known to hold no Type 3 font:
 * a text layer without soft hyphens, document metadata in the information dictionary and
 * as XMP (title, author, subject, keywords, language, a Producer naming Folio, dates from
 * SOURCE_DATE_EPOCH), page labels (roman front matter, arabic body from 1), the bookmarks
 * (parts › chapters), structure ids that do not depend on the page's history, and a stable
 * document ID, so that the same sources give the same bytes.
 */
export async function finishPdf(pdf: PDFDocument, options: FinishOptions): Promise<Uint8Array> {
  checkNoType3Fonts(pdf);
  // Its streams are deflated on other threads while the rest is done here.
  const cleaning = cleanTextLayer(pdf);
  // Awaited below; should this thread's part fail first, the build reports that, not a stray rejection.
  cleaning.catch(() => undefined);
  renumberStructureIds(pdf);
  pdf.setTitle(options.title, { showInWindowTitleBar: true });
  pdf.setAuthor(options.authors.join(', '));
  if (options.subject) pdf.setSubject(options.subject);
  pdf.setKeywords(options.keywords);
  pdf.setProducer(options.producer);
  pdf.setCreator(options.producer);
  pdf.setCreationDate(options.date);
  pdf.setModificationDate(options.date);
  pdf.setLanguage(options.lang);
  addXmpMetadata(pdf, options);

  const { context, catalog } = pdf;
  const labels = [PDFNumber.of(0), context.obj({ S: PDFName.of(options.frontPages > 0 ? 'r' : 'D') })];
  if (options.frontPages > 0) labels.push(PDFNumber.of(options.frontPages), context.obj({ S: PDFName.of('D') }));
  catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: context.obj(labels) }));

  const pages = pdf.getPages().map((page) => page.ref);
  const outlines = context.nextRef();
  const count = writeOutline(pdf, outlines, options.outline, pages);
  context.assign(outlines, context.obj({ Type: 'Outlines', ...count }));
  catalog.set(PDFName.of('Outlines'), outlines);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));

  // A stable ID: the first half names the edition, the second its content. The file is
  // saved once with zeros there, then the zeros become the hash of that file: as
  // reproducible as the file, at the cost of one save instead of two.
  const md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex');
  const unset = '0'.repeat(32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(md5(options.identifier)), PDFHexString.of(unset)]);
  await cleaning;
  const saved = await pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
  const at = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength).lastIndexOf(`<${unset}>`);
  if (at < 0) throw new Error('pdf-lib wrote no document ID to fill in');
  saved.set(Buffer.from(md5(saved), 'latin1'), at + 1);
  return saved;
}

/** Writes outline items under `parent`; returns the /First, /Last and /Count of the parent. */
function writeOutline(pdf: PDFDocument, parent: PDFRef, items: OutlineItem[], pages: PDFRef[]) {
  const { context } = pdf;
  const refs = items.map(() => context.nextRef());
  let total = items.length;
  items.forEach((item, index) => {
    const dict: Record<string, unknown> = {
      Title: PDFHexString.fromText(item.title),
      Parent: parent,
      Dest: context.obj([pages[item.page - 1]!, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]),
    };
    if (index > 0) dict.Prev = refs[index - 1];
    if (index < items.length - 1) dict.Next = refs[index + 1];
    if (item.children.length > 0) {
      const children = writeOutline(pdf, refs[index]!, item.children, pages);
      Object.assign(dict, children);
      total += item.children.length;
    }
    context.assign(refs[index]!, context.obj(dict as never));
  });
  return items.length === 0 ? { Count: 0 } : { First: refs[0]!, Last: refs.at(-1)!, Count: total };
}

