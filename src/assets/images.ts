import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Element, Root } from 'hast';
import mime from 'mime-types';
import { FolioError } from '../diagnostics/errors.js';
import { describeError } from '../diagnostics/report.js';
import { eachElement } from '../hast/tree.js';
import { readImageFile } from './svg.js';

/**
 * The chapters' images after loading: `src` is the absolute path of a file that exists
 * (see plugins/rehype-local-images.ts). Each target decides what a reader gets instead.
 */

/** Whether an element is an image of a local file (see plugins/rehype-local-images.ts). */
const isLocalImage = (node: Element): node is Element & { properties: { src: string } } =>
  node.tagName === 'img' && typeof node.properties.src === 'string' && path.isAbsolute(node.properties.src);

/** Rewrites every local image of `tree` (a copy) with `url(file)`. */
export function rewriteImages(tree: Root, url: (file: string) => string): void {
  eachElement(tree, (node: Element) => {
    if (isLocalImage(node)) node.properties.src = url(node.properties.src);
  });
}

/** The local images of some trees, each once, in order of first use. */
export function imagesOf(trees: readonly Root[]): string[] {
  const files = new Set<string>();
  for (const tree of trees) {
    eachElement(tree, (node: Element) => {
      if (isLocalImage(node)) files.add(node.properties.src);
    });
  }
  return [...files];
}

/**
 * The pixel size a browser gives an image: sharp reads it from the file's header, turned
 * as the file's EXIF orientation turns it (browsers honour that orientation).
 */
export async function imageSize(file: string): Promise<{ width: number; height: number } | undefined> {
  // sharp (native code) is loaded only for books that have images.
  const { default: sharp } = await import('sharp');
  const { autoOrient } = await decoding(file, () => sharp(file).metadata());
  return autoOrient.width && autoOrient.height ? autoOrient : undefined;
}

/**
 * Runs sharp over a book's image. An image it cannot decode (truncated, not the format its
 * name says) is the book's problem, reported as such with the file's name, not as a bug.
 */
export async function decoding<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    throw new FolioError(`Image ${file} cannot be decoded: ${describeError(cause)}`, { cause });
  }
}

/**
 * Stand-ins for a print that is only measured: each raster image becomes an empty SVG of
 * its pixel size, which lays out exactly like the image (same natural size and ratio) but
 * costs Chromium nothing to decode and embed. The guide's 4956×6976 px cover alone took
 * about 3.5 s of each print. SVG images, cheap already, are kept (`original`).
 */
export async function placeholderUris(files: readonly string[], original: (file: string) => string): Promise<(file: string) => string> {
  const stand = new Map<string, string>();
  for (const file of new Set(files)) {
    if (mime.lookup(file) === 'image/svg+xml') continue;
    const size = await imageSize(file);
    if (size) stand.set(file, `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"/>`)}`);
  }
  return (file) => stand.get(file) ?? original(file);
}

export interface PackagedImage {
  /** Path inside the package, `images/team-1a2b3c4d.png`: stable, and unique per content. */
  name: string;
  mediaType: string;
  data: Buffer;
}

/**
 * An image for a package whose readers may not know every format: WebP (not a core media
 * type of EPUB 3.2, and unknown to older e-readers) becomes a lossless PNG; PNG, JPEG,
 * GIF are stored as they are, SVG cleaned (see svg.ts). The name carries a hash of the bytes, so two files
 * called `photo.png` in different folders do not collide.
 */
export async function packageImage(file: string): Promise<PackagedImage> {
  let data = readImageFile(file);
  let mediaType = mime.lookup(file) || 'application/octet-stream';
  if (mediaType === 'image/webp') {
    const { default: sharp } = await import('sharp');
    const webp = data;
    data = await decoding(file, () => sharp(webp).png().toBuffer());
    mediaType = 'image/png';
  }
  const stem = path.basename(file, path.extname(file)).replace(/[^A-Za-z0-9_-]+/g, '-');
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 8);
  return { name: `images/${stem}-${hash}.${mime.extension(mediaType)}`, mediaType, data };
}
