/**
 * Writes the raster images of the fixture books (test/fixtures/mdbook, gitbook, plain):
 * flat diagrams of coloured boxes, so that even the 3,000 px one compresses to a few KB.
 * Run once with `npx tsx test/support/make-fixture-images.ts`; the PNGs are committed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const colours = ['#4a90d9', '#d94a4a', '#2a9d2a', '#e0a030', '#8a4ad9'];

/** A diagram `width`×`height` with `boxes` boxes in a row (or a column when tall). */
async function diagram(file: string, width: number, height: number, boxes: number): Promise<void> {
  const tall = height > width;
  const step = (tall ? height : width) / boxes;
  const rects = colours.slice(0, boxes).map((fill, index) =>
    tall
      ? `<rect x="${width * 0.1}" y="${index * step + step * 0.1}" width="${width * 0.8}" height="${step * 0.8}" fill="${fill}"/>`
      : `<rect x="${index * step + step * 0.1}" y="${height * 0.1}" width="${step * 0.8}" height="${height * 0.8}" fill="${fill}"/>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${rects.join('')}</svg>`;
  await sharp(Buffer.from(svg)).png({ palette: true, colours: 8, compressionLevel: 9 }).toFile(path.join(fixtures, file));
}

await diagram('mdbook/src/img/wide.png', 3000, 600, 5);
await diagram('mdbook/src/img/tall.png', 400, 1800, 4);
await diagram('mdbook/src/img/small.png', 48, 32, 2);
await diagram('mdbook/src/img/photo.png', 900, 600, 3);
await diagram('mdbook/src/real/pictures/beside.png', 640, 360, 3);
await diagram('gitbook/assets/plan.png', 1200, 800, 4);
await diagram('plain/pics/photo.png', 800, 533, 3);
await diagram('plain/pics/wide.png', 3000, 1000, 5);
await diagram('plain/pics/banner.png', 2400, 300, 4);
