import path from 'node:path';
import type { Element, Root } from 'hast';
import mime from 'mime-types';
import type { VFile } from 'vfile';
import type { BookRoots } from '../book/roots.js';
import { eachElement } from '../hast/tree.js';
import { error, warn, type Place } from '../diagnostics/messages.js';
import { probeImage } from '../assets/probe.js';

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
    resolved = path.resolve(path.dirname(file.path), clean);
  }
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
  return checked.path;
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
  if (probe.width && probe.height) Object.assign(node.properties, { width: probe.width, height: probe.height });
}
