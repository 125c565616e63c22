import { promisify } from 'node:util';
import { deflate, deflateSync, inflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * What Chromium writes for each soft hyphen it does not break at: a zero-advance glyph in a
 * marked-content span whose ActualText is U+00AD (`/ActualText <FEFF00AD>`). Readers take
 * ActualText as the text, so every hyphenation point stayed in the text layer
 * ("max­i­mal re­sults": a search for "maximal" found nothing, a copied paragraph pasted
 * soft hyphens).
 */
const actualText = Buffer.from('/ActualText');
const softHyphen = Buffer.from('<feff00ad>');
/** The same number of bytes, so a stream is cleaned where it lies: an empty string, then spaces. */
const noText = Buffer.from('<feff>    ');
const deflated = promisify(deflate);

/**
 * Empties the ActualText of soft hyphens in every content stream, so that extracted text
 * has none of them: a word reads whole where it is not broken, and as its two halves with
 * the visible hyphen at a line end, as in TeX-made PDFs (poppler joins those halves again).
 * Nothing drawn changes. Chosen over measuring where lines break in the page and printing
 * only those hyphens: that needs the print layout in the DOM, which Chromium does not
 * expose, while this touches text that is already laid out. Resolves to how many it emptied.
 *
 * The English guide's 112 pages are 5.4 MB of content (Chromium places every glyph on
 * its own). Measured on them alone: inflating 8–15 ms, emptying 8–10 ms in place (no
 * text is made of the bytes), deflating 55 ms of CPU, the bulk. So streams are inflated
 * here, all at once (through the promise API each 16 KB of inflated text was a round trip
 * to a thread: 80–90 ms in all), and deflated on both cores: half on libuv's threads, half
 * on this one (36 ms against 44 ms all on the threads, 52 ms all here).
 */
export function cleanTextLayer(pdf: PDFDocument): Promise<number> {
  const changed: { ref: PDFRef; dict: PDFDict; content: Buffer; flate: boolean; count: number }[] = [];
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !isContentStream(object)) continue;
    const flate = object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
    // A copy either way: the print's own bytes stay as they were.
    const content = flate ? inflateSync(object.contents, { chunkSize: 1 << 18 }) : Buffer.from(object.contents);
    const count = emptySoftHyphens(content);
    if (count > 0) changed.push({ ref, dict: object.dict, content, flate, count });
  }
  // Deflated half on libuv's threads and half here, the largest first, alternately: the
  // two halves take about as long (a fixed level: the same print gives the same bytes).
  const onThreads: Promise<void>[] = [];
  let total = 0;
  changed.sort((a, b) => b.content.length - a.content.length || a.ref.objectNumber - b.ref.objectNumber);
  changed.forEach(({ ref, dict, content, flate, count }, index) => {
    total += count;
    if (!flate) pdf.context.assign(ref, PDFRawStream.of(dict, content));
    else if (index % 2 === 0) onThreads.push(deflated(content, { level: 6 }).then((bytes) => pdf.context.assign(ref, PDFRawStream.of(dict, bytes))));
    else pdf.context.assign(ref, PDFRawStream.of(dict, deflateSync(content, { level: 6 })));
  });
  return Promise.all(onThreads).then(() => total);
}

/** Overwrites, in place, each `/ActualText <feff00ad>` (any case, any white space between) of a content stream; returns how many. */
export function emptySoftHyphens(content: Buffer): number {
  let count = 0;
  for (let at = content.indexOf(actualText); at >= 0; at = content.indexOf(actualText, at + actualText.length)) {
    let string = at + actualText.length;
    while (string < content.length && isWhiteSpace(content[string]!)) string += 1;
    if (!matchesIgnoringCase(content, string, softHyphen)) continue;
    noText.copy(content, string);
    count += 1;
  }
  return count;
}

/** PDF's white-space characters (ISO 32000-1, 7.2.2). */
const isWhiteSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;

function matchesIgnoringCase(content: Buffer, at: number, lower: Buffer): boolean {
  if (at + lower.length > content.length) return false;
  for (let index = 0; index < lower.length; index += 1) {
    const byte = content[at + index]!;
    if ((byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) !== lower[index]) return false;
  }
  return true;
}

/** Page contents and form XObjects; fonts, images and metadata never hold marked content. */
function isContentStream(stream: PDFRawStream): boolean {
  const dict = stream.dict;
  if (dict.has(PDFName.of('Length1')) || dict.has(PDFName.of('Length2')) || dict.has(PDFName.of('Length3'))) return false;
  const subtype = dict.get(PDFName.of('Subtype'));
  return subtype === undefined || subtype === PDFName.of('Form');
}
