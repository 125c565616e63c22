import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Chromium's tagged PDF names a structure element that others point at (a table's header
 * cell, which data cells list in /Headers) after the DOM node it came from: `node00000129`.
 * DOM node ids count every node the page ever made, so they depend on the page's history,
 * not on the book: a print after a second layout pass (the first print's page plan put in)
 * numbered the same header cells differently from a single print with a cached plan, and
 * the same sources gave two different PDFs. The ids are renumbered 1, 2, … in the order
 * Chromium gave them; that order is kept, so the ID tree, whose keys must stay sorted,
 * stays valid. Returns how many were renumbered.
 */
export function renumberStructureIds(pdf: PDFDocument): number {
  const structTree = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const idTree = structTree?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!structTree || !idTree) return 0;

  const ids = new Set<string>();
  forEachNameTreeNode(idTree, (node) => {
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let index = 0; names && index < names.size(); index += 2) {
      const key = textOf(names.get(index));
      if (key !== undefined) ids.add(key);
    }
  });
  const width = Math.max(8, String(ids.size).length);
  const renamed = new Map([...ids].sort(compareBytes).map((id, index) => [id, `node${String(index + 1).padStart(width, '0')}`]));
  const rename = (value: PDFObject | undefined): PDFObject | undefined => {
    const text = textOf(value);
    const name = text === undefined ? undefined : renamed.get(text);
    return name === undefined ? undefined : PDFString.of(name);
  };

  forEachNameTreeNode(idTree, (node) => {
    for (const key of ['Names', 'Limits']) {
      const array = node.lookupMaybe(PDFName.of(key), PDFArray);
      for (let index = 0; array && index < array.size(); index += 1) {
        const value = rename(array.get(index));
        if (value) array.set(index, value);
      }
    }
  });
  // Structure elements carry their own /ID, and cells the ids of their headers in the
  // /Headers of a table attribute object (/A: a dictionary, or an array of them).
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || !object.has(PDFName.of('S'))) continue;
    const id = rename(object.get(PDFName.of('ID')));
    if (id) object.set(PDFName.of('ID'), id);
    const attributes = pdf.context.lookup(object.get(PDFName.of('A')));
    const owners = attributes instanceof PDFArray ? attributes.asArray().map((each) => pdf.context.lookup(each)) : [attributes];
    for (const owner of owners) {
      const headers = owner instanceof PDFDict ? owner.lookupMaybe(PDFName.of('Headers'), PDFArray) : undefined;
      for (let index = 0; headers && index < headers.size(); index += 1) {
        const value = rename(headers.get(index));
        if (value) headers.set(index, value);
      }
    }
  }
  return renamed.size;
}

/** Calls `visit` on a name tree's root and every node under it (/Kids). */
function forEachNameTreeNode(node: PDFDict, visit: (node: PDFDict) => void): void {
  visit(node);
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let index = 0; kids && index < kids.size(); index += 1) {
    const kid = kids.lookupMaybe(index, PDFDict);
    if (kid) forEachNameTreeNode(kid, visit);
  }
}

function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString) return value.asString();
  if (value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** Name tree keys sort as bytes (ISO 32000-1, 7.9.6). */
const compareBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
