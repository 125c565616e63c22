import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import mime from 'mime-types';
import type { VFile } from 'vfile';
import { noteRead } from '../book/reads.js';
import type { BookRoots } from '../book/roots.js';
import { eachElement } from '../hast/tree.js';
import { error, warn, type Place } from '../diagnostics/messages.js';
import { probeImage } from '../assets/probe.js';
import { cleanSvg } from '../assets/svg.js';

/** The image formats every edition can carry (WebP becomes PNG in the EPUB, see epub.ts). */
export const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml', 'image/webp'];

export interface LocalImagesOptions {
  /** Site-absolute URL prefix → absolute folder (book.yaml's `assets`). */
  assets?: Readonly<Record<string, string>>;
  /** The folders the book may read from; an image elsewhere is an error. */
  roots: BookRoots;
}

/**
 * Finds each image a chapter shows in its own files: relative paths from the chapter's
 * folder, site-absolute ones (`/insights/a.jpeg`) through the book's `assets` folders.
 * `src` becomes the file's absolute path, which every target turns into what it needs
 * (a data URI, a file in the EPUB); width and height are read from the file so that
 * pages keep their layout while images load. A missing file, a remote image or an
 * unknown format is an error at the image. The frontmatter `image` becomes the chapter's
 * opening figure; a missing one is only a warning, since it is often a web page's picture.
 */
export default function rehypeLocalImages(options: LocalImagesOptions) {
  const assets = Object.entries(options.assets ?? {}).sort(([a], [b]) => b.length - a.length);
  const { roots } = options;

  return async function (tree: Root, file: VFile) {
    const pending: Promise<void>[] = [];
    eachElement(tree, (node: Element) => {
      if (node.tagName !== 'img') return;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      const found = locate(src, file, assets, roots, node);
      if (found) pending.push(measure(node, found, file, node));
      else delete node.properties.src;
      return undefined;
    });

    const image = frontmatterImage(file);
    if (image) {
      const place = file.data.frontmatterPlaces?.image;
      const found = locate(image.src, file, assets, roots, place, true);
      if (found) {
        const img: Element = { type: 'element', tagName: 'img', properties: { src: found, alt: image.alt }, children: [] };
        pending.push(measure(img, found, file, place));
        tree.children.unshift({ type: 'element', tagName: 'figure', properties: { className: ['chapter-image'] }, children: [img] });
      }
    }
    await Promise.all(pending);
    // An image that is not what it claims leaves the tree: no target may try to decode it.
    eachElement(tree, (node: Element) => {
      if (node.tagName === 'img' && node.properties.src === '') delete node.properties.src;
    });
  };
}

/** The frontmatter `image`: a path, or `{ src, alt }`. Without alt text it is decorative. */
function frontmatterImage(file: VFile): { src: string; alt: string } | undefined {
  const value = file.data.frontmatter?.image;
  if (typeof value === 'string' && value.trim() !== '') return { src: value.trim(), alt: '' };
  if (value && typeof value === 'object' && typeof (value as { src?: unknown }).src === 'string') {
    const { src, alt } = value as { src: string; alt?: unknown };
    return { src, alt: typeof alt === 'string' ? alt : '' };
  }
  return undefined;
}

function locate(src: string, file: VFile, assets: [string, string][], roots: BookRoots, place: Place, optional = false): string | undefined {
  const report = optional ? warn : error;
  const label = optional ? 'Chapter image' : 'Image';
  if (src === '') {
    report(file, `${label} has no path: write ![alt text](path/to/image.png)`, place, 'image-missing');
    return undefined;
  }
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
    report(file, `${label} ${src} is remote; an edition must not load anything: save it beside the chapter and use a relative path`, place, 'image-remote');
    return undefined;
  }
  let clean: string;
  try {
    // A path, not a URL: `%23` is a `#` in the file's name, `%20` a space.
    clean = decodeURIComponent(src.replace(/[?#].*$/, ''));
  } catch {
    report(file, `${label} ${src} has a broken %-escape: write the file's name as it is`, place, 'image-missing');
    return undefined;
  }
  let resolved: string | undefined;
  if (clean.startsWith('/')) {
    const match = assets.find(([prefix]) => clean.startsWith(prefix));
    if (!match) {
      report(file, `${label} ${src} is site-absolute: map its folder in book.yaml's \`assets\` (e.g. "${clean.slice(0, clean.lastIndexOf('/') + 1)}": images/) or use a relative path`, place, 'image-missing');
      return undefined;
    }
    resolved = path.join(match[1], clean.slice(match[0].length));
  } else {
    resolved = path.resolve(path.dirname(realChapterPath(file)), clean);
  }
  noteRead(file, resolved);
  const checked = roots.check(resolved);
  if (!checked.ok && checked.missing) {
    const suffix = optional ? '; the chapter is built without it' : ': fix the path (relative to the chapter) or add the file';
    report(file, `${label} ${src} not found at ${path.relative(process.cwd(), resolved)}${suffix}`, place, 'image-missing');
    return undefined;
  }
  if (!checked.ok) {
    error(file, `${label} ${src} is ${checked.problem}`, place, 'image-outside');
    return undefined;
  }
  const type = mime.lookup(resolved);
  if (!type || !imageTypes.includes(type)) {
    report(file, `${label} ${src} is ${type || 'of an unknown type'}; use PNG, JPEG, GIF, WebP or SVG`, place, 'image-type');
    return undefined;
  }
  if (type === 'image/svg+xml' && !svgCarried(checked.path, src, file, place, report)) return undefined;
  return checked.path;
}
/**
 * An SVG goes into the editions cleaned (see assets/svg.ts): what the cleaning drops is a
 * warning at the image, and an SVG that is not XML at all is a problem at the image.
 */
function svgCarried(resolved: string, src: string, file: VFile, place: Place, report: typeof warn): boolean {
  try {
    const { dropped } = cleanSvg(readFileSync(resolved, 'utf8'));
    if (dropped.length > 0) warn(file, `SVG ${src}: removed ${dropped.join(', ')}, which a book cannot carry (EPUB forbids them, or they would run or load something)`, place, 'svg-cleaned');
    return true;
  } catch (cause) {
    report(file, `SVG ${src} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, place, 'image-type');
    return false;
  }
}

/**
 * Where the chapter's file really is: a chapter may be a symbolic link to a file elsewhere,
 * and its images are beside that file, as its author sees them in an editor.
 */
function realChapterPath(file: VFile): string {
  try {
    return realpathSync(file.path);
  } catch {
    return file.path;
  }
}

/** Checks the image's content against its name and the limits, then sets its size. */
async function measure(node: Element, image: string, file: VFile, place: Place): Promise<void> {
  const probe = await probeImage(image);
  if (!probe.ok) {
    error(file, `Image ${path.basename(image)} ${probe.problem}`, place, 'image-invalid');
    node.properties.src = '';
    return;
  }
  node.properties.src = image;
  if (probe.width && probe.height) sizeImage(node, { width: probe.width, height: probe.height });
}

/**
 * Gives an image its width and height, so that pages keep their layout while it loads: the
 * size the author wrote (`<img width="300">`), the other side in the file's proportions,
 * else the file's pixel size. The editions' styles then only ever shrink an image whole.
 */
function sizeImage(node: Element, size: { width: number; height: number }): void {
  const width = length(node.properties.width);
  const height = length(node.properties.height);
  if (width && height) return;
  if (width) node.properties.height = Math.round((width * size.height) / size.width);
  else if (height) node.properties.width = Math.round((height * size.width) / size.height);
  else Object.assign(node.properties, size);
}

/** An author's `width`/`height` in pixels (`300`, `"300px"`); a percentage or nonsense is none. */
function length(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(?:\.\d+)?(?:px)?\s*$/.test(value) ? parseFloat(value) : NaN;
  return number > 0 ? number : undefined;
}
