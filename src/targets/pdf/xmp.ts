import { PDFName, type PDFDocument } from 'pdf-lib';

export interface XmpFields {
  title: string;
  authors: string[];
  subject?: string;
  keywords: string[];
  lang: string;
  producer: string;
  date: Date;
}

/**
 * Adds the XMP metadata stream that archiving and accessibility checkers read (PDF/UA asks
 * for dc:title in it), with the same values as the document information dictionary. It is
 * uncompressed, as PDF/A requires, and its dates come from the build's source date, so the
 * same sources still give the same bytes.
 */
export function addXmpMetadata(pdf: PDFDocument, fields: XmpFields): void {
  const date = fields.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const list = (kind: 'Seq' | 'Bag', values: string[]) => `<rdf:${kind}>${values.map((value) => `<rdf:li>${escapeXml(value)}</rdf:li>`).join('')}</rdf:${kind}>`;
  const xml = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(fields.title)}</dc:title>`,
    fields.authors.length > 0 ? `<dc:creator>${list('Seq', fields.authors)}</dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    fields.keywords.length > 0 ? `<dc:subject>${list('Bag', fields.keywords)}</dc:subject>` : '',
    `<dc:language>${list('Bag', [fields.lang])}</dc:language>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(fields.producer)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`,
    fields.keywords.length > 0 ? `<pdf:Keywords>${escapeXml(fields.keywords.join(', '))}</pdf:Keywords>` : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const stream = pdf.context.stream(new TextEncoder().encode(xml), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}
