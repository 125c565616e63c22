import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/index.js';
import { builtBook, buildsRoot, type BuiltBook } from '../support/books.js';
import { guideLanguages } from '../support/corpus.js';
import { fromHtml } from 'hast-util-from-html';
import { pageLabels, pageTexts, pdfFonts, pdfInfo, plainText, proseText, qpdfJson, wordBoxes, wordsMissingFrom, xmpPacket, type QpdfOutline } from '../support/pdf.js';
import { corpusAvailable, corpusRoot, repoRoot } from '../support/tools.js';

const manifest = path.join(repoRoot, 'book.yaml');
const describeCorpus = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

/** The font each script's text must be set in (Debian's TrueType packages). */
const scriptFonts: Record<string, RegExp> = { ja: /IPAexGothic/, ko: /NanumGothic/, zh: /WenQuanYiZenHei/, 'zh-TW': /WenQuanYiZenHei/, km: /KhmerOS/ };

describeCorpus(`PDF editions of the whole guide${corpusAvailable ? '' : ' (skipped: ../shared/corpora/agency-success-guide not found)'}`, () => {
  let pdf: BuiltBook;
  let source: string;

  beforeAll(() => {
    if (!corpusAvailable) throw new Error(`The corpus is missing at ${corpusRoot}; CI must have ../shared beside the repository`);
    // Printed once by the tier's global setup (guide-builds.ts), from the repaired sources.
    pdf = builtBook('pdf', 'FOLIO_TEST_CORPUS');
    source = path.join(buildsRoot('FOLIO_TEST_CORPUS'), 'sources/{lang}/insights/{slug}.md');
  });

  const file = (lang: string) => pdf.file(lang, 'pdf');

  test('all 16 editions are printed, without an error', () => {
    expect(pdf.lines.filter((line) => line.includes('  error  '))).toEqual([]);
    expect(pdf.failed).toEqual([]);
    expect(pdf.written.map((event) => event.lang)).toEqual(guideLanguages);
  });

  test.each(guideLanguages)('%s: no soft hyphen in the text layer, and an XMP packet', async (lang) => {
    expect(await plainText(file(lang))).not.toContain('\u00AD');
    expect(await xmpPacket(file(lang))).toContain(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`);
  });

  test('en, de, nl, ru: a search in the PDF finds every 10+ letter word of the HTML edition as often', async () => {
    const html = builtBook('html', 'FOLIO_TEST_CORPUS');
    for (const lang of ['en', 'de', 'nl', 'ru']) {
      const tree = fromHtml(readFileSync(html.file(lang, 'html'), 'utf8'));
      expect([lang, wordsMissingFrom(await plainText(file(lang)), proseText(tree))]).toEqual([lang, []]);
    }
  });

  test.each(guideLanguages)('%s: A4, tagged, every font embedded (no Type 3), the script set in a real font', async (lang) => {
    const info = await pdfInfo(file(lang));
    expect(info['Page size']).toBe('594.96 x 841.92 pts (A4)');
    expect(info.Tagged).toBe('yes');
    const fonts = await pdfFonts(file(lang));
    expect(fonts.filter((font) => !font.embedded || font.type.startsWith('Type 3'))).toEqual([]);
    if (scriptFonts[lang]) expect(fonts.map((font) => font.name)).toContainEqual(expect.stringMatching(scriptFonts[lang]!));
  });

  test.each(guideLanguages)('%s: bookmarks, contents, page labels and right-hand openers agree', async (lang) => {
    const json = await qpdfJson(file(lang));
    const labels = pageLabels(json);
    const pages = await pageTexts(file(lang));

    // Two front chapters, three parts with their chapters (two in km's second part), three back chapters.
    expect(json.outlines.map((item) => item.kids.length)).toEqual([0, 0, 3, lang === 'km' ? 2 : 3, 3, 0, 0, 0]);
    const entries: QpdfOutline[] = json.outlines.flatMap((item) => [item, ...item.kids]);
    expect(entries).toHaveLength(lang === 'km' ? 16 : 17);

    // Page labels: roman, then arabic from 1 at Part 1.
    const part1 = json.outlines[2]!.destpageposfrom1;
    expect(labels[part1 - 1]).toBe('1');
    expect(labels.slice(0, part1 - 1).every((label) => /^[ivxl]+$/.test(label))).toBe(true);

    // Every opener on an odd page; each contents line ends with the label of its bookmark's page.
    expect(entries.filter((entry) => entry.destpageposfrom1 % 2 === 0)).toEqual([]);
    // The contents are the pages before the first chapter (the front matter's own folios come after).
    const contents = pages.slice(0, entries[0]!.destpageposfrom1 - 1).join('\n');
    const folios = [...contents.matchAll(/\s{2,}([0-9]+|[ivx]+)\s*$/gm)].map((match) => match[1]);
    for (const entry of entries) expect(folios).toContain(labels[entry.destpageposfrom1 - 1]);
    const expected = entries.map((entry) => labels[entry.destpageposfrom1 - 1]);
    expect(folios.filter((folio) => expected.includes(folio!))).toEqual(expected);
  });

  test('English running heads: the book title on left pages, the chapter title on right pages, none on openers', async () => {
    const json = await qpdfJson(file('en'));
    const pages = await pageTexts(file('en'));
    const entries = json.outlines.flatMap((item) => [item, ...item.kids]);
    const starts = entries.map((entry) => entry.destpageposfrom1);
    const firstLine = (page: number) => pages[page - 1]!.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
    let checked = 0;
    entries.forEach((entry, index) => {
      const title = entry.title.replace(/^(Part|Chapter) \d+: /, '');
      const end = (starts[index + 1] ?? pages.length + 1) - 1;
      expect(firstLine(entry.destpageposfrom1)).not.toBe('Agency Success Guide');
      for (let page = entry.destpageposfrom1 + 1; page <= end; page++) {
        if (pages[page - 1]!.trim() === '') continue; // a blank page: no head, no folio
        if (entry.title.startsWith('Part') && page === entry.destpageposfrom1 + 1) continue; // the part intro opens on its own page
        expect(firstLine(page).startsWith(page % 2 === 0 ? 'Agency Success Guide' : title)).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(50);
  });

  test.each(['en', 'ja', 'km', 'ru'])('%s: no word of the text lies outside the page margins', async (lang) => {
    // A4, 25 mm inner and 20 mm outer margins: the text block keeps at least 19 mm from the
    // sides; running heads and folios sit in the top and bottom margins by design.
    const mm = 72 / 25.4;
    const json = await qpdfJson(file(lang));
    const covers = new Set([1, ...json.outlines.filter((item) => item.kids.length > 0).map((item) => item.destpageposfrom1)]);
    const words = (await wordBoxes(file(lang))).filter((word) => !covers.has(word.page));
    expect(words.length).toBeGreaterThan(1000);
    const outside = words.filter((word) => word.xMin < 19 * mm || word.xMax > word.pageWidth - 19 * mm || word.yMin < 12 * mm || word.yMax > word.pageHeight - 12 * mm);
    expect(outside.map((word) => `p${word.page} ${word.word}`)).toEqual([]);
  });

  test('two builds give identical bytes', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'folio-corpus-pdf-'));
    await build(manifest, { formats: ['pdf'], source, outDir: again, languages: ['de', 'ja'] });
    for (const lang of ['de', 'ja']) {
      expect(readFileSync(path.join(again, `agency-success-guide-${lang}.pdf`)).equals(readFileSync(file(lang)))).toBe(true);
    }
  }, 10 * 60 * 1000);
});
