import { readFileSync } from 'node:fs';
import { DOMParser, XMLSerializer, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import mime from 'mime-types';
import { FolioError } from '../diagnostics/errors.js';

export interface CleanSvg {
  /** The SVG a book can carry. */
  svg: string;
  /** What was taken out, in words (`the DOCTYPE`, `<script>`, `onclick`), once each. */
  dropped: string[];
}

/** Elements an SVG in a book may not have: code that runs, other documents, remote content. */
const droppedElements = new Set(['script', 'foreignObject', 'handler', 'iframe', 'audio', 'video']);
const animations = new Set(['set', 'animate', 'animateMotion', 'animateTransform']);

/**
 * Makes an SVG file EPUB-clean, and safe in every edition: parsed as XML (xmldom), its
 * DOCTYPE goes (EPUB forbids external DTDs and entity declarations; the entities the
 * file declares itself, as drawing programs write `&ns_svg;`, are expanded first), and so
 * do scripts, foreign objects, event handlers, `javascript:` and remote links, remote
 * images and animations that would set a link. Throws when the file is not XML at all.
 */
export function cleanSvg(text: string): CleanSvg {
  const dropped = new Set<string>();
  // xmldom knows only XML's own entities: it keeps any other `&name;` as text, which the
  // second parse gets with the file's own declarations expanded and without its DOCTYPE.
  let doc = parse(text, false);
  if (doc.doctype) {
    dropped.add('the DOCTYPE');
    const declared = entitiesOf(doc.doctype.internalSubset ?? '');
    doc.removeChild(doc.doctype);
    const serialized = new XMLSerializer().serializeToString(doc);
    doc = parse(serialized.replace(/&amp;([A-Za-z_][\w.-]*);/g, (whole, name: string) => (declared.has(name) ? escapeXml(expand(declared.get(name)!, declared)) : whole)));
  } else {
    doc = parse(text);
  }
  if (doc.doctype) doc.removeChild(doc.doctype);
  for (const child of [...nodes(doc.childNodes)]) {
    const target = (child as unknown as { target?: string }).target;
    if (child.nodeType === child.PROCESSING_INSTRUCTION_NODE && target !== 'xml') {
      doc.removeChild(child);
      dropped.add(`<?${target}?>`);
    }
  }
  if (doc.documentElement) cleanElement(doc.documentElement, dropped);
  const svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc.documentElement!) + '\n';
  return { svg, dropped: [...dropped] };
}

/** An image file's bytes as a book carries them: an SVG cleaned (see cleanSvg), anything else as it is. */
export function readImageFile(file: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(file);
    return mime.lookup(file) === 'image/svg+xml' ? Buffer.from(cleanSvg(data.toString('utf8')).svg) : data;
  } catch (cause) {
    // Checked when the book loaded; gone or changed since, it is still the book's file at fault.
    if (cause instanceof FolioError || (cause as NodeJS.ErrnoException).code) throw new FolioError(`Cannot read the image ${file}: ${(cause as Error).message}`, { cause });
    throw cause;
  }
}

function parse(text: string, strict = true) {
  const problems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => level !== 'warning' && problems.push(message) }).parseFromString(text, 'image/svg+xml');
  } catch (cause) {
    throw new FolioError(`not well-formed XML: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
  }
  if ((strict && problems.length > 0) || !doc.documentElement) throw new FolioError(`not well-formed XML: ${problems[0] ?? 'no root element'}`);
  return doc;
}

/** An entity's replacement text is markup (`&amp;` in it is an ampersand); only a quote could end an attribute. */
function escapeXml(text: string): string {
  return text.replace(/"/g, '&quot;');
}

/** The general entities an internal DTD subset declares with a literal value. */
function entitiesOf(subset: string): Map<string, string> {
  const entities = new Map<string, string>();
  for (const match of subset.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^]*?)\2\s*>/g)) entities.set(match[1]!, match[3]!);
  return entities;
}

function expand(text: string, entities: ReadonlyMap<string, string>): string {
  let result = text;
  // An entity's value may use another: a few rounds settle any sane file.
  for (let round = 0; round < 4 && /&[A-Za-z_][\w.-]*;/.test(result); round++) {
    result = result.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => entities.get(name) ?? whole);
  }
  return result;
}

function cleanElement(element: XmlElement, dropped: Set<string>): void {
  for (const child of [...nodes(element.childNodes)]) {
    if (child.nodeType === child.PROCESSING_INSTRUCTION_NODE) {
      element.removeChild(child);
      continue;
    }
    if (child.nodeType !== child.ELEMENT_NODE) continue;
    const inner = child as XmlElement;
    const name = inner.localName ?? inner.nodeName;
    const target = inner.getAttribute('attributeName') ?? '';
    const remoteImage = name === 'image' && isRemote(hrefOf(inner));
    if (droppedElements.has(name) || remoteImage || (animations.has(name) && /(?:^|:)href$/.test(target))) {
      element.removeChild(inner);
      dropped.add(remoteImage ? 'a remote image' : animations.has(name) ? `<${name}> of a link` : `<${name}>`);
      continue;
    }
    cleanElement(inner, dropped);
    // A link left without a target is only a group (and EPUB wants a title for every link).
    if (name === 'a' && !inner.hasAttribute('href') && !inner.hasAttributeNS('http://www.w3.org/1999/xlink', 'href')) {
      const group = inner.ownerDocument!.createElementNS('http://www.w3.org/2000/svg', 'g');
      for (const grandchild of nodes(inner.childNodes)) group.appendChild(grandchild);
      element.replaceChild(group, inner);
    }
  }
  for (const attribute of [...nodes(element.attributes)]) {
    const name = attribute.name;
    const value = attribute.value.trim();
    if (/^on/i.test(name)) {
      element.removeAttributeNode(attribute);
      dropped.add(name);
    } else if (/(?:^|:)href$/.test(name) && (/^javascript:/i.test(value) || isRemote(value))) {
      element.removeAttributeNode(attribute);
      dropped.add(/^javascript:/i.test(value) ? 'a javascript: link' : 'a remote link');
    }
  }
}

function hrefOf(element: XmlElement): string {
  return element.getAttribute('href') ?? element.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
}

function isRemote(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim()) && !/^data:/i.test(url.trim());
}

/** A live NodeList or NamedNodeMap as an array (removing while walking one skips items). */
function nodes<T extends XmlNode>(list: { length: number; item(index: number): T | null }): T[] {
  return Array.from({ length: list.length }, (_, index) => list.item(index)!);
}
