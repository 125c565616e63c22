// Proof sheet: chosen pages of our PDF edition beside the reference print edition, in one PNG.
// Usage: npm run proof -- [--lang en] [--pdf FILE] [--reference FILE] [--pairs 1:1,5:-] [--dpi 50] [--out FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';
import { PNG } from 'pngjs';

type Pair = { ours: number | null; ref: number | null; note: string };

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    slug: { type: 'string', default: 'agency-success-guide' },
    pdf: { type: 'string' },
    reference: { type: 'string', default: '../shared/corpora/agency-success-guide/resources/TheAgencySuccessPlaybook.pdf' },
    pairs: { type: 'string' },
    dpi: { type: 'string', default: '50' },
    out: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..'); // paths are relative to the repo root, wherever npm runs us
const oursPath = resolve(root, values.pdf ?? `dist/${values.slug}-${values.lang}.pdf`);
const refPath = resolve(root, values.reference!);
const outPath = resolve(root, values.out ?? `dist/proof-${values.lang}.png`);
const dpi = Number(values.dpi);
if (!Number.isInteger(dpi) || dpi < 10 || dpi > 600) fail(`--dpi must be an integer 10–600, got ${values.dpi}`);

function fail(msg: string): never {
  console.error(`proof: ${msg}`);
  process.exit(1);
}

// Check up front, so a missing poppler is one clear line rather than an ENOENT stack trace.
for (const tool of ['pdftoppm', 'pdftotext', 'pdfinfo']) {
  if (spawnSync(tool, ['-v']).error) fail(`${tool} not found; install poppler: apt-get install -y poppler-utils`);
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

// One string per physical page; pdftotext separates pages with form feeds.
function pageTexts(file: string): string[] {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\f');
}

type Mark = { title: string; page: number; parentIndex: number };

// Flatten the outline depth-first; page is 1-based, parentIndex points into the returned list (-1 = top level).
async function readOutline(file: string): Promise<Mark[]> {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const refs = pdf.getPages().map((p) => p.ref.toString());
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const text = (o: PDFObject | undefined) =>
    o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : '';
  // A /Dest is an explicit [pageRef /XYZ …] array, or a name looked up in /Dests (itself an array or a dict with /D).
  const pageOf = (dest: PDFObject | undefined): number => {
    let d = dest;
    if (!(d instanceof PDFArray) && dests) d = dests.lookup(PDFName.of(text(d)));
    if (d instanceof PDFDict) d = d.lookup(PDFName.of('D'));
    const first = d instanceof PDFArray ? d.get(0) : undefined;
    return first instanceof PDFRef ? refs.indexOf(first.toString()) + 1 : 0;
  };
  const marks: Mark[] = [];
  const walk = (item: PDFDict | undefined, parentIndex: number) => {
    for (let it = item; it; it = it.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const action = it.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = it.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D'));
      marks.push({ title: text(it.lookup(PDFName.of('Title'))), page: pageOf(dest), parentIndex });
      walk(it.lookupMaybe(PDFName.of('First'), PDFDict), marks.length - 1);
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), -1);
  return marks;
}

// Default pairs come from our PDF's own structure, so they survive repagination.
async function defaultPairs(file: string): Promise<Pair[]> {
  const marks = await readOutline(file);
  const texts = pageTexts(file);
  // Prefer English titles; fall back to structure (first part = first top-level item with children) for other languages.
  let partIdx = marks.findIndex((m) => /^Part 1\b/i.test(m.title));
  if (partIdx < 0) partIdx = marks.findIndex((_, i) => marks.some((c) => c.parentIndex === i));
  let chapIdx = marks.findIndex((m) => /^Chapter 1\b/i.test(m.title));
  if (chapIdx < 0) chapIdx = marks.findIndex((m) => m.parentIndex === partIdx && partIdx >= 0);
  const part = partIdx >= 0 ? marks[partIdx]!.page : 0;
  const chap = chapIdx >= 0 ? marks[chapIdx]!.page : 0;
  const copyright = texts.findIndex((t) => /urn:|Copyright/.test(t)) + 1;
  const contents = texts.findIndex((t) => /^\s*Contents\b/.test(t)) + 1;
  const pairs: Pair[] = [
    { ours: 1, ref: 1, note: 'cover' },
    { ours: copyright, ref: 2, note: 'copyright' },
    { ours: contents, ref: null, note: 'contents (reference has no contents)' },
    { ours: part, ref: 13, note: 'Part 1 opener' },
    { ours: part && part + 1, ref: 14, note: 'part intro' },
    { ours: chap, ref: 16, note: 'Chapter 1 opener' },
    { ours: chap && chap + 1, ref: 17, note: 'first text page of Chapter 1' },
  ];
  for (const p of pairs) if (p.ours === 0) console.warn(`proof: could not find our ${p.note} page; skipping that row`);
  return pairs.filter((p) => p.ours !== 0);
}

// "5:2,9:-" → pairs; "-" (or empty) means no page on that side.
function parsePairs(spec: string): Pair[] {
  return spec.split(',').map((item) => {
    const m = /^\s*(\d+|-)?\s*:\s*(\d+|-)?\s*$/.exec(item);
    if (!m) fail(`bad --pairs item "${item}"; expected ours:reference, e.g. 5:2 or 5:-`);
    const num = (s: string | undefined) => (s && s !== '-' ? Number(s) : null);
    return { ours: num(m[1]), ref: num(m[2]), note: 'from --pairs' };
  });
}

function rasterize(file: string, page: number): PNG {
  // No output root: pdftoppm writes the single page's PNG to stdout.
  const buf = execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), file], {
    maxBuffer: 1 << 28,
  });
  return PNG.sync.read(buf);
}

const GAP = 16;
const BG = [0xee, 0xee, 0xee];
const EMPTY = [0xb8, 0xb8, 0xb8]; // a visibly darker grey marks "no page on this side"

function fill(img: PNG, x0: number, y0: number, w: number, h: number, rgb: number[]) {
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * img.width + x) * 4;
      img.data[i] = rgb[0]!;
      img.data[i + 1] = rgb[1]!;
      img.data[i + 2] = rgb[2]!;
      img.data[i + 3] = 255;
    }
}

async function main() {
  const counts = { ours: pageCount(oursPath), ref: pageCount(refPath) };
  const pairs = values.pairs ? parsePairs(values.pairs) : await defaultPairs(oursPath);
  for (const p of pairs) {
    if (p.ours !== null && (p.ours < 1 || p.ours > counts.ours)) fail(`our page ${p.ours} out of range 1–${counts.ours}`);
    if (p.ref !== null && (p.ref < 1 || p.ref > counts.ref)) fail(`reference page ${p.ref} out of range 1–${counts.ref}`);
  }
  const rows = pairs.map((p) => ({
    ours: p.ours === null ? null : rasterize(oursPath, p.ours),
    ref: p.ref === null ? null : rasterize(refPath, p.ref),
  }));
  // Uniform column width so the reference column lines up down the sheet.
  const all = rows.flatMap((r) => [r.ours, r.ref]).filter((x): x is PNG => x !== null);
  if (all.length === 0) fail('no pages to render');
  const cellW = Math.max(...all.map((i) => i.width));
  const heights = rows.map((r) => Math.max(r.ours?.height ?? 0, r.ref?.height ?? 0));
  const sheet = new PNG({ width: GAP * 3 + cellW * 2, height: GAP * (rows.length + 1) + heights.reduce((a, b) => a + b, 0) });
  fill(sheet, 0, 0, sheet.width, sheet.height, BG);
  let y = GAP;
  rows.forEach((r, i) => {
    [r.ours, r.ref].forEach((img, col) => {
      const x = GAP + col * (cellW + GAP);
      if (img) PNG.bitblt(img, sheet, 0, 0, img.width, img.height, x, y);
      else fill(sheet, x, y, cellW, heights[i]!, EMPTY);
    });
    y += heights[i]! + GAP;
  });
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, PNG.sync.write(sheet));
  // Labels live in a sidecar: drawing text into the PNG would need a font rasterizer.
  const side = (n: number | null, what: string) => (n === null ? `(no ${what} page)` : `${what} p${n}`);
  const lines = pairs.map((p, i) => `row ${i + 1}: ${side(p.ours, 'ours')} | ${side(p.ref, 'reference')}  — ${p.note}`);
  const header = `left: ${oursPath}\nright: ${refPath}\ndpi: ${dpi}\n`;
  writeFileSync(`${outPath}.txt`, `${header}${lines.join('\n')}\n`);
  console.log(outPath);
  console.log(`pairs: ${pairs.map((p) => `${p.ours ?? '-'}:${p.ref ?? '-'}`).join(',')}`);
  for (const l of lines) console.log(`  ${l}`);
}

await main();
