import { closest, distance } from 'fastest-levenshtein';

/**
 * "Did you mean" for a misspelled key: the closest known key when it is near enough to be
 * a typo (at most a third of the word's letters differ), else nothing.
 */
export function suggest(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word, [...known]);
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}
