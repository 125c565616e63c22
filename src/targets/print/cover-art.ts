import { decoding, imageSize } from '../../assets/images.js';
import type { CoverFile } from '../../book/types.js';
import { downsampled } from './images.js';

/** How far the art's shape may differ from its box before it is fitted whole instead of cropped. */
export const coverTolerance = 0.02;

export interface CoverArt {
  file: string;
  /** `cover` fills the box (cropping at most 2 %); `contain` shows the whole art on `edge`. */
  fit: 'cover' | 'contain';
  /** The art's edge colour, #rrggbb: the ground it is fitted on (read when fitted, or when asked for). */
  edge?: string;
  /** By how much the art's aspect ratio differs from the box's (0.05 = 5 %). */
  mismatch: number;
  /** A smaller copy for print, as a data URI, when the art has far more pixels than the box needs. */
  url?: string;
}

/**
 * Fits cover art to a box of `box` mm. Art of the box's shape fills it; other art would
 * lose its title to the crop (a square cover on A4 loses a third), so it is shown whole on
 * the colour of its own edge. With `maxPpi`, art with more pixels than that at the box's
 * size is downsampled (the guide's 4956 px cover is 596 ppi on A4). The art's pixel size
 * is the one its probe read when the book was loaded, if any: sharp is then not loaded.
 */
export async function coverArt(cover: CoverFile, box: { width: number; height: number }, options: { maxPpi?: number; edge?: boolean } = {}): Promise<CoverArt | undefined> {
  const { maxPpi } = options;
  const file = cover.path;
  const size = cover.width && cover.height ? { width: cover.width, height: cover.height } : await imageSize(file);
  if (!size) return undefined;
  const mismatch = Math.abs(size.width / size.height / (box.width / box.height) - 1);
  const fit = mismatch > coverTolerance ? 'contain' : 'cover';
  // Reading the edge decodes the whole art (the guide's is 35 megapixels): only when it is used.
  const art: CoverArt = { file, fit, mismatch, edge: fit === 'contain' || options.edge ? await edgeColour(file) : undefined };
  if (maxPpi) {
    // Filled, the art's shorter side (relative to the box) sets the scale; fitted, its longer.
    const scale = fit === 'cover' ? Math.min(size.width / box.width, size.height / box.height) : Math.max(size.width / box.width, size.height / box.height);
    const ppi = scale * 25.4;
    if (ppi > maxPpi) art.url = await downsampled(file, Math.round((size.width * maxPpi) / ppi));
  }
  return art;
}

/**
 * The mean colour of the art's outermost pixels. They are read from a copy of at most
 * 512 × 512 made by picking pixels, not averaging them, so the ring is the art's own edge
 * and not a blend with what lies inside it.
 */
async function edgeColour(file: string): Promise<string> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await decoding(file, () => sharp(file).autoOrient().flatten({ background: '#ffffff' }).resize(512, 512, { fit: 'fill', kernel: 'nearest', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true }));
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (x !== 0 && y !== 0 && x !== info.width - 1 && y !== info.height - 1) continue;
      for (let c = 0; c < 3; c++) sum[c] += data[(y * info.width + x) * info.channels + c]!;
      count++;
    }
  }
  return `#${sum.map((value) => Math.round(value / count).toString(16).padStart(2, '0')).join('')}`;
}
