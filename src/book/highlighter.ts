import type { LanguageFn } from 'highlight.js';
import { codeGrammars } from './code-grammars.js';

/**
 * Which highlight.js grammars a book's code needs, and loading just those. The table of
 * names, aliases and embedded grammars (code-grammars.ts) is generated from highlight.js
 * itself, so a fence's language reaches the grammar it reached with every grammar
 * registered, and that grammar gets the ones it hands parts of its code to (HTML's CSS
 * and JavaScript): its highlighting is the same to the byte.
 */

const names = Object.keys(codeGrammars);
const aliasOwner = new Map(names.flatMap((name) => (codeGrammars[name]!.a ?? []).map((alias) => [alias, name] as const)));

/** The grammar a fence's language names, as highlight.js finds it (any case; a grammar's name before an alias). */
export function grammarOf(language: string): string | undefined {
  const key = language.toLowerCase();
  return Object.hasOwn(codeGrammars, key) ? key : aliasOwner.get(key);
}

/**
 * The grammars that highlight these languages, with everything they embed; 'all' when one
 * of them guesses among every grammar (`http` bodies). Unknown languages need nothing:
 * highlighting them fails, which is their warning.
 */
export function grammarsFor(languages: Iterable<string>): Set<string> | 'all' {
  const needed = new Set<string>();
  const add = (name: string): boolean => {
    if (name === '*') return false;
    if (needed.has(name) || !Object.hasOwn(codeGrammars, name)) return true;
    needed.add(name);
    return (codeGrammars[name]!.e ?? []).every(add);
  };
  for (const language of languages) {
    const name = grammarOf(language);
    if (name && !add(name)) return 'all';
  }
  return needed;
}

/**
 * Loads grammars by name, in the order rehype-highlight registered them (the table's),
 * ready for lowlight's `register`. Only names from the table are ever imported: a
 * fence's text never becomes a module path.
 */
export async function loadGrammars(wanted: Iterable<string> | 'all'): Promise<[string, LanguageFn][]> {
  const set = wanted === 'all' ? undefined : new Set(wanted);
  const chosen = names.filter((name) => !set || set.has(name));
  return Promise.all(chosen.map(async (name) => [name, ((await import(`highlight.js/lib/languages/${name}`)) as { default: LanguageFn }).default] as [string, LanguageFn]));
}

/** The aliases each of these grammars owns once all are registered: registered after them, they go where they went then (`ml` is SML's, not OCaml's). */
export function ownedAliases(grammars: Iterable<string>): Record<string, string[]> {
  return Object.fromEntries([...grammars].map((name) => [name, [...(codeGrammars[name]?.a ?? [])]]));
}
