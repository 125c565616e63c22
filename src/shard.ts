import { existsSync } from 'node:fs';
import path from 'node:path';
import { chapterSources, readOutline } from './book/contents.js';
import { UsageError } from './diagnostics/errors.js';
import { loadManifest } from './manifest/load.js';

/** `--shard 2/4`: the second of four shares. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard i/n` → {index, count}; anything but 1 ≤ i ≤ n is a usage error. */
export function parseShard(value: string): Shard {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not ${value}`);
  return { index, count };
}

/**
 * Deals `weights` (edition → work) out to `count` shares, balanced: heaviest first, each to
 * the share with the least work so far (longest processing time first, Graham's greedy
 * rule, within 4/3 of the best possible). Ties go in the given order and to the lowest
 * share, so the deal depends on nothing but its input: every job of a matrix computes the
 * same deal and each edition lands in exactly one share. Returns each share's editions in
 * the given order.
 */
export function dealShards(weights: ReadonlyArray<readonly [string, number]>, count: number): string[][] {
  const order = new Map(weights.map(([lang], index) => [lang, index]));
  const heaviestFirst = [...weights].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!);
  const shares = Array.from({ length: count }, () => ({ load: 0, langs: [] as string[] }));
  for (const [lang, weight] of heaviestFirst) {
    const lightest = shares.reduce((best, share) => (share.load < best.load ? share : best));
    lightest.load += weight;
    lightest.langs.push(lang);
  }
  return shares.map((share) => share.langs.sort((a, b) => order.get(a)! - order.get(b)!));
}

/**
 * The editions of shard `shard` among `languages` (default: the manifest's). An edition's
 * work is its chapters that exist, plus one for what every edition has (cover, title page,
 * contents, the PDF's fixed cost), so editions without chapters spread out too.
 * The count only looks for the files; nothing is parsed.
 */
export async function shardLanguages(manifestPath: string, shard: Shard, options: { languages?: readonly string[]; source?: string } = {}): Promise<string[] | undefined> {
  const loaded = await loadManifest(manifestPath);
  const { manifest, root } = loaded;
  // book.yaml is invalid: the first share reports its errors (every share would), the others build nothing.
  if (!manifest) return shard.index === 1 ? options.languages?.slice() : [];
  const pattern = options.source ? path.resolve(options.source) : path.resolve(root, manifest.source);
  // The contents as a build reads them: a list, parts, or the book's own SUMMARY.md.
  const outline = await readOutline(manifest, loaded);
  const languages = options.languages ?? manifest.languages;
  const weights = languages.map((lang) => {
    const sourceOf = chapterSources(outline, root, pattern, lang);
    const chapters = outline.entries.filter((entry) => existsSync(sourceOf(entry.slug))).length;
    return [lang, chapters + 1] as const;
  });
  return dealShards(weights, shard.count)[shard.index - 1]!;
}
