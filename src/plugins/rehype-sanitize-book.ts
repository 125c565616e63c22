import type { Element, Properties, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { find, html, svg } from 'property-information';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { warn } from '../diagnostics/messages.js';
import { bookSchema, svgElements } from './sanitize-schema.js';
import { cleanStyle } from './sanitize-style.js';

/** Why an element is not allowed, by tag; anything else is "not an element a book may contain". */
const elementReasons: Record<string, string> = {
  script: 'scripts do not run in a book',
  noscript: 'scripts do not run in a book',
  template: 'a template can attach a shadow root with scripts',
  iframe: 'an edition must not load other pages',
  frame: 'an edition must not load other pages',
  object: 'an edition must not load other pages',
  embed: 'an edition must not load other pages',
  style: 'put styles in the book’s `stylesheet` instead',
  link: 'put styles in the book’s `stylesheet` instead',
  meta: 'the page head is Folio’s',
  base: 'the page head is Folio’s',
  audio: 'an edition carries images only',
  video: 'an edition carries images only',
  source: 'an edition carries images only',
  picture: 'an edition carries images only; use one image',
  image: 'an SVG image would load a file; draw it, or use a markdown image',
  foreignObject: 'HTML inside SVG is not allowed',
  animate: 'SVG animation can rewrite links',
  animateMotion: 'SVG animation can rewrite links',
  animateTransform: 'SVG animation can rewrite links',
  set: 'SVG animation can rewrite links',
};

/** Attributes that hold a URL a reader's browser would follow or load. */
const urlProperties = new Set(['href', 'src', 'xLinkHref', 'cite', 'longDesc', 'action', 'formAction', 'poster', 'background', 'data']);

/**
 * The chapter's HTML by allowlist (hast-util-sanitize with Folio's book schema, see
 * sanitize-schema.ts). It runs after the book's own plugins and before Folio's rehype
 * plugins, on the one tree every target renders, so neither raw HTML nor a plugin can put
 * anything that runs, or loads from outside the edition, into any edition. Then, on what
 * the schema keeps: SVG references must point inside the drawing, presentation attributes
 * may only use `url(#id)`, and inline styles lose the declarations that could load.
 * Everything removed is one warning per element, at its place in the markdown, naming
 * what went.
 */
export default function rehypeSanitizeBook() {
  return function (tree: Root, file: VFile): Root {
    mark(tree, { count: 0 });
    const clean = sanitize(tree, bookSchema) as Root;
    const kept = new Map<number, Element>();
    collect(clean, kept);
    // Nodes a book plugin made have no place of their own: the nearest that has one, at worst the chapter's start.
    report(tree, kept, file, tree.position ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
    return clean;
  };
}

/**
 * Numbers every element in a `data-*` property, which the schema lets through (so the
 * survivors can be matched with the originals) and which overwrites any the author wrote.
 * A property rather than `data`, which the sanitizer would deep-copy for every element.
 */
const marker = 'dataFolioSanitize';

function mark(node: Root | Element, counter: { count: number }): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    child.properties[marker] = counter.count++;
    mark(child, counter);
  }
}

function collect(node: Root | Element, kept: Map<number, Element>): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const id = child.properties[marker];
    if (typeof id === 'number') kept.set(id, child);
    delete child.properties[marker];
    cleanKept(child);
    collect(child, kept);
  }
}

/** The checks the schema cannot express, on an element it kept. Removed values stay listed for the report. */
function cleanKept(node: Element): void {
  const inSvg = isSvg(node);
  for (const [key, value] of Object.entries(node.properties)) {
    if (typeof value !== 'string') continue;
    if (key === 'style') {
      const { value: style } = cleanStyle(value);
      if (style) node.properties.style = style;
      else delete node.properties.style;
    } else if ((key === 'href' || key === 'xLinkHref') && inSvg && !value.startsWith('#')) {
      // Inside a drawing a reference draws or fills with what it names: only its own parts.
      delete node.properties[key];
    } else if (/url\(/i.test(value) && !/^\s*url\(\s*['"]?#[^)]*\)\s*$/i.test(value)) {
      delete node.properties[key];
    }
  }
}

/** One warning per element that lost anything, walking the original tree. */
function report(node: Root | Element, kept: Map<number, Element>, file: VFile, at: Position | undefined): void {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    const place = child.position ?? at;
    const id = child.properties[marker] as number | undefined;
    delete child.properties[marker];
    const survivor = id === undefined ? undefined : kept.get(id);
    if (!survivor) {
      const dropped = (bookSchema.strip ?? []).includes(child.tagName);
      const reason = elementReasons[child.tagName] ?? 'not an element a book may contain';
      warn(file, `Removed <${child.tagName}>${dropped ? ' and its content' : ''} from the chapter: ${reason}`, place, 'html-removed');
      if (dropped) continue;
    } else {
      const lost = removedProperties(child, survivor);
      if (lost.length > 0) warn(file, `Removed from <${child.tagName}>: ${lost.join('; ')}`, place, 'html-removed');
    }
    report(child, kept, file, place);
  }
}

function removedProperties(original: Element, survivor: Element): string[] {
  const lost: string[] = [];
  for (const [key, value] of Object.entries(original.properties as Properties)) {
    if (value === undefined || value === null || value === false || key === marker) continue;
    const name = attributeName(original, key);
    if (key === 'style' && typeof value === 'string') {
      const { removed } = cleanStyle(value);
      if (removed.length > 0) lost.push(`from its style, ${removed.join(', ')} (only styles that load nothing are kept)`);
      continue;
    }
    if (key in survivor.properties && sameValue(value, survivor.properties[key])) continue;
    lost.push(`${name} (${why(key, name, value, original)})`);
  }
  return lost;
}

function why(key: string, name: string, value: unknown, element: Element): string {
  if (/^on/i.test(name)) return 'an event handler: scripts do not run in a book';
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  if (urlProperties.has(key) || key === 'srcSet') {
    const scheme = schemeOf(text);
    if (scheme && !['http', 'https', 'mailto', 'tel'].includes(scheme)) return `a ${scheme}: URL is not allowed`;
    if (scheme || text.startsWith('//')) return 'a remote reference: an edition loads nothing';
    if (isSvg(element) && (key === 'href' || key === 'xLinkHref')) return 'a reference outside the drawing';
    return 'an extra resource the edition would not carry';
  }
  if (/url\(/i.test(text)) return 'a url() that is not inside the drawing';
  return 'not allowed in a book';
}

/**
 * The scheme a browser would see: the URL parser drops leading C0 controls and spaces and
 * every tab and newline, so `java&#x09;script:` and `&#x01;javascript:` are javascript:.
 */
export function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const normalized = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(normalized)?.[1]?.toLowerCase();
}

function attributeName(element: Element, key: string): string {
  return find(isSvg(element) ? svg : html, key).attribute;
}

const svgTags = new Set(svgElements);

/** hast keeps no namespace; SVG's element names are all but `a` its own (`a` is checked as HTML's). */
function isSvg(element: Element): boolean {
  return svgTags.has(element.tagName);
}

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, index) => item === b[index]) : a === b;
}
