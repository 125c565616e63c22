import { open, stat } from 'node:fs/promises';
import mime from 'mime-types';

/**
 * Limits on a book's images, checked before anything decodes them: a 20000×20000 PNG is
 * a few kilobytes on disk and 1.6 GB in memory once decoded (in sharp, in Chromium, in an
 * e-reader). The guide's largest image, its cover, is 4956×6976 (35 megapixels, 5 MB).
 */
export const imageLimits = {
  /** Pixels (width × height), as the file's header states them. */
  pixels: 100_000_000,
  /** Bytes on disk. */
  bytes: 50 * 1024 * 1024,
};

/** sharp's name of each format Folio carries, by media type. */
const formats: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

export type ImageProbe = { ok: true; width?: number; height?: number } | { ok: false; problem: string };

/**
 * Whether `file` (a regular file inside the book) is the image its name says and within
 * the limits: its size from stat, its format and pixel size from its header (sharp reads
 * only the header here), and for PNG and JPEG that the file is complete (it ends with the
 * format's end marker), since a truncated file would only fail later, in a reader.
 * Width and height are as a browser shows them (EXIF orientation applied).
 */
export async function probeImage(file: string): Promise<ImageProbe> {
  const type = mime.lookup(file) || '';
  const expected = formats[type];
  if (!expected) return { ok: false, problem: `is ${type || 'of an unknown type'}; use PNG, JPEG, GIF, WebP or SVG` };
  const { size } = await stat(file);
  if (size > imageLimits.bytes) return { ok: false, problem: `is ${megabytes(size)}; an image may be at most ${megabytes(imageLimits.bytes)}` };
  // sharp (native code) is loaded only for books that have images.
  const { default: sharp } = await import('sharp');
  let metadata;
  try {
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return { ok: false, problem: `is not a readable ${expected.toUpperCase()} image (${reason})` };
  }
  const format: string | undefined = metadata.format;
  if (format !== expected) return { ok: false, problem: `is named .${file.split('.').pop()} but holds ${format ? `a ${format.toUpperCase()} image` : 'no image Folio reads'}; rename it or convert it` };
  const { width, height } = metadata.autoOrient ?? metadata;
  if (width && height && width * height > imageLimits.pixels) {
    return { ok: false, problem: `is ${width}×${height} pixels; an image may have at most ${imageLimits.pixels / 1e6} megapixels: scale it down` };
  }
  if ((format === 'png' || format === 'jpeg') && !(await endsWell(file, size, format))) {
    return { ok: false, problem: `is truncated (its ${format.toUpperCase()} end marker is missing): export it again` };
  }
  return { ok: true, width, height };
}

/** PNG ends with its IEND chunk; JPEG with the EOI marker (FF D9), give or take trailing padding. */
async function endsWell(file: string, size: number, format: 'png' | 'jpeg'): Promise<boolean> {
  const length = Math.min(size, 1024);
  const handle = await open(file, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    if (format === 'png') return buffer.includes(Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]));
    return buffer.includes(Buffer.from([0xff, 0xd9]));
  } finally {
    await handle.close();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
