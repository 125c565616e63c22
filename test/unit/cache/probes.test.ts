import { describe, expect, test } from '@jest/globals';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isImageProbe, probeRemembered } from '../../../src/cache/probes.js';
import { cacheStore } from '../../../src/cache/store.js';

const fixture = path.resolve('test/fixtures/cache');
const temporary = () => mkdtempSync(path.join(tmpdir(), 'folio-probes-'));
const entries = (cache: string) => readdirSync(path.join(cache, 'probes'), { recursive: true }).map(String).filter((name) => /[0-9a-f]{64}$/.test(name));

describe('image probes kept in the build cache', () => {
  test('a probe is kept under the bytes it read, and given back as it was made', async () => {
    const cache = temporary();
    const cover = path.join(temporary(), 'cover.png');
    copyFileSync(path.join(fixture, 'cover.png'), cover);
    const first = await probeRemembered(cover, cache);
    expect(first).toMatchObject({ ok: true, width: expect.any(Number), height: expect.any(Number) });
    expect(entries(cache)).toHaveLength(1);
    expect(await probeRemembered(cover, cache)).toEqual(first);
    expect(entries(cache)).toHaveLength(1);
  });

  test('other bytes are another entry: a file changed into a bad image is refused, not taken for the image it was', async () => {
    const cache = temporary();
    const cover = path.join(temporary(), 'cover.png');
    copyFileSync(path.join(fixture, 'cover.png'), cover);
    expect((await probeRemembered(cover, cache)).ok).toBe(true);
    writeFileSync(cover, 'not a picture at all');
    expect(await probeRemembered(cover, cache)).toMatchObject({ ok: false, problem: expect.stringContaining('not a readable PNG') });
    expect(entries(cache)).toHaveLength(2);
  });

  test('an entry of the wrong shape is a miss, and the image is probed again', async () => {
    const cache = temporary();
    const cover = path.join(temporary(), 'cover.png');
    copyFileSync(path.join(fixture, 'cover.png'), cover);
    const made = await probeRemembered(cover, cache);
    const [entry] = entries(cache);
    await cacheStore(cache).set('probes', path.basename(entry!), { ok: true, width: -1 });
    expect(await probeRemembered(cover, cache)).toEqual(made);
  });

  test('what a kept probe may be', () => {
    expect(isImageProbe({ ok: true, width: 10, height: 20 })).toBe(true);
    expect(isImageProbe({ ok: true })).toBe(true);
    expect(isImageProbe({ ok: false, problem: 'is truncated' })).toBe(true);
    for (const value of [undefined, null, 'ok', { ok: true, width: 0 }, { ok: true, height: Number.NaN }, { ok: false }, { ok: 'yes' }]) expect(isImageProbe(value)).toBe(false);
  });
});
