import type { Element, Properties, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../diagnostics/messages.js';

/** Obsolete elements with a modern equivalent: the new tag, and the style the old one meant. */
const renamed: Record<string, { tagName: string; style?: string }> = {
  center: { tagName: 'div', style: 'text-align: center' },
  listing: { tagName: 'pre' },
  xmp: { tagName: 'pre' },
  plaintext: { tagName: 'pre' },
  tt: { tagName: 'code' },
  strike: { tagName: 's' },
  acronym: { tagName: 'abbr' },
  dir: { tagName: 'ul' },
  big: { tagName: 'span', style: 'font-size: larger' },
  nobr: { tagName: 'span', style: 'white-space: nowrap' },
  blink: { tagName: 'span' },
  marquee: { tagName: 'span' },
  basefont: { tagName: 'span' },
  font: { tagName: 'span' },
};

/** Obsolete elements that carry another page or a plugin: nothing a book can show. */
const removed = new Set(['applet', 'frame', 'frameset', 'noframes', 'isindex', 'keygen', 'bgsound', 'spacer']);
/** Of those, the ones that were empty in their day: what the HTML parser put inside them follows them. */
const unwrapped = new Set(['spacer', 'bgsound', 'isindex', 'keygen']);

/** `<font size="1">`…`7` in CSS. */
const fontSizes = ['x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'xxx-large'];

/**
 * Converts the obsolete HTML that old books are full of into HTML5 that EPUB's XHTML
 * allows, keeping what it meant: `align`, `valign`, `bgcolor` and their kin become styles,
 * `<center>` a centred `div`, `<listing>`/`<xmp>`/`<plaintext>` a `pre`, `<font>` a styled
 * `span`, `<tt>` `code`, `<big>` larger text. Elements without a meaning in a book (frames,
 * applets) are removed, with a warning at their place. Runs on the parsed raw HTML before
 * anything else looks at it. (Table cells' `align` is rehype-table-align's, as GFM's.)
 */
export default function rehypeLegacyHtml() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (removed.has(node.tagName) && parent && index !== undefined) {
        warn(file, `Removed <${node.tagName}>: it is obsolete HTML that a book cannot show`, node, 'html-obsolete');
        parent.children.splice(index, 1, ...(unwrapped.has(node.tagName) ? node.children : []));
        return [SKIP, index];
      }
      const styles: string[] = [];
      const rename = renamed[node.tagName];
      if (rename) {
        if (rename.style) styles.push(rename.style);
        if (node.tagName === 'font') styles.push(...fontStyles(node.properties));
        if (node.tagName === 'font' || node.tagName === 'basefont') for (const name of ['color', 'face', 'size']) delete node.properties[name];
        // HTML drops the newline after <pre> and <listing> but keeps it after <xmp>: as a pre it would show.
        const first = node.children[0];
        if (rename.tagName === 'pre' && first?.type === 'text') first.value = first.value.replace(/^\r?\n/, '');
        node.tagName = rename.tagName;
      }
      styles.push(...attributeStyles(node));
      if (styles.length > 0) {
        const existing = typeof node.properties.style === 'string' && node.properties.style.trim() !== '' ? [node.properties.style.trim().replace(/;$/, '')] : [];
        node.properties.style = [...styles, ...existing].join('; ');
      }
      return undefined;
    });
  };
}

function fontStyles(properties: Properties): string[] {
  const styles: string[] = [];
  if (typeof properties.color === 'string') styles.push(`color: ${properties.color}`);
  if (typeof properties.face === 'string') styles.push(`font-family: ${properties.face}`);
  const size = Number(String(properties.size ?? '').replace(/^\+/, ''));
  if (properties.size !== undefined && Number.isInteger(size) && size >= 1 && size <= 7) styles.push(`font-size: ${fontSizes[size - 1]}`);
  return styles;
}

/** The presentational attributes of HTML 4, each as the style it meant (and removed). */
function attributeStyles(node: Element): string[] {
  const properties = node.properties;
  const styles: string[] = [];
  const take = (name: string): string | undefined => {
    const value = properties[name];
    if (value === undefined || value === null) return undefined;
    delete properties[name];
    return Array.isArray(value) ? value.join(' ') : String(value);
  };
  const cell = node.tagName === 'td' || node.tagName === 'th';
  const align = cell ? undefined : take('align');
  if (align) {
    const side = align.toLowerCase();
    if (node.tagName === 'img' || node.tagName === 'table') {
      if (side === 'left' || side === 'right') styles.push(`float: ${side}`);
      else if (side === 'center' || side === 'middle') styles.push('display: block', 'margin-left: auto', 'margin-right: auto');
    } else if (['left', 'right', 'center', 'justify'].includes(side)) {
      styles.push(`text-align: ${side}`);
    }
  }
  const valign = take('vAlign');
  if (valign) styles.push(`vertical-align: ${valign.toLowerCase()}`);
  const bgcolor = take('bgColor');
  if (bgcolor) styles.push(`background-color: ${bgcolor}`);
  if (take('noWrap') !== undefined) styles.push('white-space: nowrap');
  const clear = node.tagName === 'br' ? take('clear') : undefined;
  if (clear) styles.push(`clear: ${clear.toLowerCase() === 'all' ? 'both' : clear.toLowerCase()}`);
  if (node.tagName === 'table' || cell || node.tagName === 'col' || node.tagName === 'hr') {
    const width = take('width');
    if (width) styles.push(`width: ${/^\d+$/.test(width) ? `${width}px` : width}`);
    const height = take('height');
    if (height) styles.push(`height: ${/^\d+$/.test(height) ? `${height}px` : height}`);
  }
  if (node.tagName === 'table') {
    const border = take('border');
    if (border && border !== '0') styles.push(`border: ${/^\d+$/.test(border) ? `${border}px` : '1px'} solid`);
    const spacing = take('cellSpacing');
    if (spacing) styles.push(`border-spacing: ${spacing}px`);
    take('cellPadding');
    take('frame');
    take('rules');
    take('summary');
  }
  if (node.tagName === 'img') {
    const hspace = take('hSpace');
    const vspace = take('vSpace');
    if (hspace || vspace) styles.push(`margin: ${vspace ?? 0}px ${hspace ?? 0}px`);
    const border = take('border');
    if (border && border !== '0') styles.push(`border: ${border}px solid`);
  }
  if (node.tagName === 'hr') {
    take('noShade');
    take('size');
    take('color');
  }
  if (node.tagName === 'body' || node.tagName === 'table' || cell) take('background');
  if ((node.tagName === 'ul' || node.tagName === 'li') && typeof properties.type === 'string') styles.push(`list-style-type: ${take('type')!.toLowerCase()}`);
  // `<a name="x">`, the old anchor: an id, so that links to #x still arrive.
  if (node.tagName === 'a' && properties.name !== undefined) {
    const name = take('name');
    if (name && properties.id === undefined) properties.id = name;
  }
  if (node.tagName === 'img') take('longDesc');
  return styles;
}
