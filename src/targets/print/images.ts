import type { Element } from 'hast';
import mime from 'mime-types';
import { decoding, imageSize } from '../../assets/images.js';
import { eachElement } from '../../hast/tree.js';
import type { Chapter } from '../../book/types.js';
import { warn } from '../../diagnostics/messages.js';

/** CSS pixels per inch: an image without a width prints one pixel per CSS pixel. */
const cssPpi = 96;

export interface Resolution {
  /** Raster images above this many pixels per inch at their printed size are downsampled to it. */
  maxPpi: number;
  /** Below this, an image prints visibly soft: a warning at the image. */
  minPpi: number;
}

/**
 * The images of a printer's interior at a resolution that prints well and no more. An
 * image prints as wide as the author set it, else at its own size in CSS pixels, and never
 * wider than the text block (`img { max-width: 100% }`), so that is its printed size here;
 * one the layout makes smaller still prints sharper than computed, never softer. Returns
 * what each image file becomes in the print (`original` for one kept as it is).
 */
export async function printImages(chapters: readonly Chapter[], textBlockMm: number, resolution: Resolution, original: (file: string) => string): Promise<(file: string) => string> {
  const maxCssWidth = (textBlockMm / 25.4) * cssPpi;
  const uses = new Map<string, { chapter: Chapter; node: Element; cssWidth: number }[]>();
  for (const chapter of chapters) {
    eachElement(chapter.tree, (node: Element) => {
      const src = node.properties.src;
      if (node.tagName !== 'img' || typeof src !== 'string' || !src.startsWith('/') || mime.lookup(src) === 'image/svg+xml') return;
      const width = Number(node.properties.width);
      uses.set(src, [...(uses.get(src) ?? []), { chapter, node, cssWidth: Number.isFinite(width) && width > 0 ? width : NaN }]);
    });
  }
  const urls = new Map<string, string>();
  for (const [file, places] of uses) {
    const size = await imageSize(file);
    if (!size) continue;
    // The widest place the image prints at decides: it needs the most pixels there.
    const printedInches = Math.max(...places.map((place) => Math.min(Number.isNaN(place.cssWidth) ? size.width : place.cssWidth, maxCssWidth))) / cssPpi;
    const ppi = size.width / printedInches;
    if (ppi < resolution.minPpi) {
      const { chapter, node } = places[0]!;
      warn(
        chapter.file,
        `Image ${file.split('/').pop()} prints at ${Math.round(ppi)} ppi (${size.width} px over ${printedInches.toFixed(2)} in), below the ${resolution.minPpi} ppi a printer wants: use a larger file or give it a smaller width`,
        node,
        'image-resolution',
      );
    }
    if (ppi > resolution.maxPpi) urls.set(file, await downsampled(file, Math.round(printedInches * resolution.maxPpi)));
  }
  return (file) => urls.get(file) ?? original(file);
}

/** The image `width` pixels wide, in its own format (JPEG stays JPEG, others become PNG), as a data URI. */
export async function downsampled(file: string, width: number): Promise<string> {
  const { default: sharp } = await import('sharp');
  const image = sharp(file).autoOrient().resize({ width, kernel: 'lanczos3' });
  const mediaType = mime.lookup(file) || 'image/png';
  const data = await decoding(file, () => (mediaType === 'image/jpeg' ? image.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }) : image.png()).toBuffer());
  return `data:${mediaType === 'image/jpeg' ? 'image/jpeg' : 'image/png'};base64,${data.toString('base64')}`;
}
