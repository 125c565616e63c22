import { describe, expect, test } from '@jest/globals';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { checkNoType3Fonts } from '../../../../src/targets/pdf/fonts-check.js';
import { renumberStructureIds } from '../../../../src/targets/pdf/structure-ids.js';
import { cleanTextLayer, emptySoftHyphens } from '../../../../src/targets/pdf/text-layer.js';
import { addXmpMetadata } from '../../../../src/targets/pdf/xmp.js';

/** A page whose content stream is `content`, compressed as Chromium writes it. */
async function pdfWithContent(content: string) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const stream = pdf.context.flateStream(content);
  page.node.set(PDFName.of('Contents'), pdf.context.register(stream));
  return { pdf, contents: () => inflateSync((pdf.context.lookup(page.node.get(PDFName.of('Contents'))) as PDFRawStream).contents).toString('latin1') };
}

describe('cleanTextLayer', () => {
  const softHyphen = '/Span<</ActualText <feff00ad> >> BDC\n<0003> Tj\nEMC\n';

  test('empties the ActualText of every soft hyphen and leaves the glyphs and other text alone', async () => {
    const { pdf, contents } = await pdfWithContent(`BT\n<0037004b> Tj\n${softHyphen}78.6 0 Td <0050> Tj\n${softHyphen}/Span<</ActualText <feff0041> >> BDC\n<0009> Tj\nEMC\nET\n`);
    expect(await cleanTextLayer(pdf)).toBe(2);
    expect(contents()).toBe('BT\n<0037004b> Tj\n/Span<</ActualText <feff>     >> BDC\n<0003> Tj\nEMC\n78.6 0 Td <0050> Tj\n/Span<</ActualText <feff>     >> BDC\n<0003> Tj\nEMC\n/Span<</ActualText <feff0041> >> BDC\n<0009> Tj\nEMC\nET\n');
  });

  test('finds them as Chromium writes them (upper case) and with any white space before the string; nothing else', () => {
    const content = Buffer.from('/Span<</ActualText <FEFF00AD> >> BDC\n/ActualText\n\t<FeFf00aD>\n/ActualText <feff00ae>\n/ActualText<feff00ad>/ActualText <feff00a');
    expect(emptySoftHyphens(content)).toBe(3);
    expect(content.toString('latin1')).toBe('/Span<</ActualText <feff>     >> BDC\n/ActualText\n\t<feff>    \n/ActualText <feff00ae>\n/ActualText<feff>    /ActualText <feff00a');
  });

  test('cleans an uncompressed content stream too', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.stream(softHyphen)));
    expect(await cleanTextLayer(pdf)).toBe(1);
    const stream = pdf.context.lookup(page.node.get(PDFName.of('Contents'))) as PDFRawStream;
    expect(Buffer.from(stream.contents).toString('latin1')).toBe('/Span<</ActualText <feff>     >> BDC\n<0003> Tj\nEMC\n');
  });

  test('changes nothing in a print without soft hyphens', async () => {
    const { pdf, contents } = await pdfWithContent('BT <0037> Tj ET');
    expect(await cleanTextLayer(pdf)).toBe(0);
    expect(contents()).toBe('BT <0037> Tj ET');
  });
});

describe('checkNoType3Fonts', () => {
  test('refuses a Type 3 font, naming it, and accepts TrueType', async () => {
    const pdf = await PDFDocument.create();
    const descriptor = pdf.context.register(pdf.context.obj({ Type: 'FontDescriptor', FontName: 'AAAAAA+Mono-BoldItalic' }));
    pdf.context.register(pdf.context.obj({ Type: 'Font', Subtype: 'TrueType', BaseFont: 'Inter' }));
    expect(() => checkNoType3Fonts(pdf)).not.toThrow();
    pdf.context.register(pdf.context.obj({ Type: 'Font', Subtype: 'Type3', FontDescriptor: descriptor }));
    expect(() => checkNoType3Fonts(pdf)).toThrow(/Type 3 fonts \(AAAAAA\+Mono-BoldItalic\)/);
  });
});

describe('addXmpMetadata', () => {
  test('an uncompressed XML metadata stream with the document information, escaped', async () => {
    const pdf = await PDFDocument.create();
    addXmpMetadata(pdf, { title: 'Fish & <Chips>', authors: ['Ada', 'Ben'], keywords: ['a', 'b'], lang: 'nl', producer: 'Folio 1.2.3', date: new Date(Date.UTC(2026, 0, 15)) });
    const stream = pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    expect(stream.dict.get(PDFName.of('Filter'))).toBeUndefined();
    const xml = Buffer.from(stream.contents).toString('utf8');
    expect(xml).toContain('<rdf:li xml:lang="x-default">Fish &amp; &lt;Chips&gt;</rdf:li>');
    expect(xml).toContain('<dc:creator><rdf:Seq><rdf:li>Ada</rdf:li><rdf:li>Ben</rdf:li></rdf:Seq></dc:creator>');
    expect(xml).toContain('<xmp:ModifyDate>2026-01-15T00:00:00Z</xmp:ModifyDate>');
    expect(xml).toContain('<pdf:Keywords>a, b</pdf:Keywords>');
    expect(xml).not.toContain('dc:description');
  });
});

describe('renumberStructureIds', () => {
  /** A tagged table as Chromium writes it: header cells with DOM node ids, a data cell pointing at them. */
  function taggedTable(first: string, second: string) {
    return PDFDocument.create().then((pdf) => {
      const { context } = pdf;
      const header = (id: string) => context.register(context.obj({ S: 'TH', ID: PDFString.of(id) }));
      const [a, b] = [header(first), header(second)];
      const cell = context.register(context.obj({ S: 'TD', A: [context.obj({ O: 'Table', Headers: [PDFString.of(first), PDFString.of(second)] })] }));
      const idTree = context.obj({ Limits: [PDFString.of(first), PDFString.of(second)], Names: [PDFString.of(first), a, PDFString.of(second), b] });
      pdf.catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({ Type: 'StructTreeRoot', IDTree: idTree })));
      return { pdf, a, b, cell, idTree };
    });
  }
  const strings = (array: PDFArray) => array.asArray().filter((each) => each instanceof PDFString).map((each) => (each as PDFString).asString());

  test('the same table printed after a longer page history gets the same ids', async () => {
    const outputs = [];
    for (const [first, second] of [['node00000127', 'node00000128'], ['node00000129', 'node00000130']]) {
      const { pdf, a, b, cell, idTree } = await taggedTable(first!, second!);
      expect(renumberStructureIds(pdf)).toBe(2);
      const headers = ((pdf.context.lookup(cell) as PDFDict).lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict)).lookup(PDFName.of('Headers'), PDFArray);
      outputs.push({
        ids: [a, b].map((ref) => (pdf.context.lookup(ref, PDFDict).get(PDFName.of('ID')) as PDFString).asString()),
        headers: strings(headers),
        names: strings(idTree.lookup(PDFName.of('Names'), PDFArray)),
        limits: strings(idTree.lookup(PDFName.of('Limits'), PDFArray)),
      });
    }
    expect(outputs[0]).toEqual({ ids: ['node00000001', 'node00000002'], headers: ['node00000001', 'node00000002'], names: ['node00000001', 'node00000002'], limits: ['node00000001', 'node00000002'] });
    expect(outputs[1]).toEqual(outputs[0]);
  });

  test('keeps the order of the ids, so that the ID tree stays sorted', async () => {
    const { pdf, a, b } = await taggedTable('node00000099', 'node00000100');
    renumberStructureIds(pdf);
    expect([a, b].map((ref) => (pdf.context.lookup(ref, PDFDict).get(PDFName.of('ID')) as PDFString).asString())).toEqual(['node00000001', 'node00000002']);
  });

  test('leaves a PDF without structure ids alone', async () => {
    expect(renumberStructureIds(await PDFDocument.create())).toBe(0);
  });
});
