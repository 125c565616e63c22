import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { DataUris } from '../../../src/assets/data-uri.js';
import { imageSize, placeholderUris } from '../../../src/assets/images.js';
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
