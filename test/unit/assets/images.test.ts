import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataUris } from '../../../src/assets/data-uri.js';
import { imageSize, packageImage, placeholderUris } from '../../../src/assets/images.js';
import { FolioError } from '../../../src/diagnostics/errors.js';
import { repoRoot } from '../../support/tools.js';

const image = (name: string) => path.join(repoRoot, 'test/fixtures/features/images', name);
const original = new DataUris().file;

describe('stand-ins for the measuring print', () => {
  test('a raster image becomes an empty SVG of its pixel size', async () => {
    const stand = await placeholderUris([image('team.png'), image('office.jpg'), image('whiteboard.webp')], original);
    for (const name of ['team.png', 'office.jpg', 'whiteboard.webp']) {
      const { width, height } = (await imageSize(image(name)))!;
      const uri = stand(image(name));
      expect(uri.startsWith('data:image/svg+xml,')).toBe(true);
      expect(decodeURIComponent(uri.slice('data:image/svg+xml,'.length))).toBe(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`);
    }
    expect(await imageSize(image('office.jpg'))).toEqual({ width: 1600, height: 900 });
  });

  test('an SVG, and an image not listed, keep their real data', async () => {
    const real = new DataUris().file;
    const stand = await placeholderUris([image('chart.svg')], original);
    expect(stand(image('chart.svg'))).toBe(real(image('chart.svg')));
    expect(stand(image('banner.jpg'))).toBe(real(image('banner.jpg')));
  });
});

describe("a book's image that cannot be read or decoded is the book's problem (a FolioError naming it), not a bug", () => {
  test('an image sharp cannot decode', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-images-'));
    const cut = path.join(dir, 'cut.webp');
    const whole = readFileSync(image('whiteboard.webp'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    try {
      const failure = await packageImage(cut).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(failure).toBeInstanceOf(FolioError);
      expect((failure as Error).message).toMatch(new RegExp(`^Image ${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be decoded: \\S`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an image gone since the book loaded', () => {
    expect(() => new DataUris().file('/nonexistent/folio/gone.png')).toThrow(FolioError);
    expect(() => new DataUris().file('/nonexistent/folio/gone.png')).toThrow(/^Cannot read the image \/nonexistent\/folio\/gone\.png: ENOENT/);
  });
});
