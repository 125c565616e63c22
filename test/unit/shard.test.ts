import { describe, expect, test } from '@jest/globals';
import { dealShards, parseShard } from '../../src/shard.js';

const guide: Array<[string, number]> = ['en', 'de', 'es', 'fr', 'id', 'it', 'ja', 'km', 'ko', 'nl', 'pl', 'pt', 'ru', 'sv', 'zh', 'zh-TW'].map((lang) => [lang, lang === 'km' ? 17 : 18]);

describe('dealShards', () => {
  test('every edition in exactly one share, each share in the given order', () => {
    for (const count of [1, 2, 3, 4, 5, 16, 20]) {
      const shares = dealShards(guide, count);
      expect(shares).toHaveLength(count);
      expect(shares.flat().sort()).toEqual(guide.map(([lang]) => lang).sort());
      for (const share of shares) expect(share).toEqual(guide.map(([lang]) => lang).filter((lang) => share.includes(lang)));
    }
  });

  test('balanced: the heaviest share is within 4/3 of the best possible, and as even as counts allow', () => {
    const weights: Array<[string, number]> = [['a', 9], ['b', 7], ['c', 6], ['d', 5], ['e', 5], ['f', 4], ['g', 2], ['h', 1], ['i', 1]];
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    for (const count of [2, 3, 4]) {
      const loads = dealShards(weights, count).map((share) => share.reduce((sum, lang) => sum + weights.find(([name]) => name === lang)![1], 0));
      const bound = Math.max(total / count, 9);
      expect(Math.max(...loads)).toBeLessThanOrEqual((4 / 3) * bound);
    }
    // Sixteen nearly equal editions over four jobs: four each.
    expect(dealShards(guide, 4).map((share) => share.length)).toEqual([4, 4, 4, 4]);
    // The heaviest go first, one per share.
    expect(dealShards(weights, 3).map((share) => share[0])).toEqual(['a', 'b', 'c']);
  });

  test('stable: the same input gives the same deal (the fifteen full editions round-robin, the short one last to the first share)', () => {
    expect(dealShards(guide, 3)).toEqual(dealShards([...guide], 3));
    expect(dealShards(guide, 3)).toEqual([
      ['en', 'fr', 'ja', 'km', 'pl', 'sv'],
      ['de', 'id', 'ko', 'pt', 'zh'],
      ['es', 'it', 'nl', 'ru', 'zh-TW'],
    ]);
  });
});

describe('parseShard', () => {
  test('i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad)).toThrow('--shard must be i/n');
  });
});
