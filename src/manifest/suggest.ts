import { closest, distance } from 'fastest-levenshtein';

/**
 * "Did you mean" for a misspelled key: the closest known key when it is near enough to be
 * a typo (two edits, or a third of the word's letters), else nothing.
 */
export function suggest(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word, [...known]);
  const limit = Math.max(2, Math.ceil(Math.max(word.length, best.length) / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}
