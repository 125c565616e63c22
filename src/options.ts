import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { UsageError } from './diagnostics/errors.js';
import { targets, type TargetName } from './targets/registry.js';

/** `--format html,epub` → the target names, or a usage error naming what exists. */
export function parseFormats(value: string): TargetName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const available = Object.keys(targets);
  for (const name of names) {
    if (name in targets) continue;
    throw new UsageError(`Unknown format ${name}; available: ${available.join(', ')}`);
  }
  if (names.length === 0) throw new UsageError(`--format needs at least one of ${available.join(', ')}`);
  return [...new Set(names)] as TargetName[];
}

/**
 * `--lang nl,en` → those languages, `all` → undefined (every language of the book). A
 * language the manifest does not list is a usage error. The manifest is only peeked at
 * here; it is validated, with positions, when the book is loaded.
 */
export async function parseLanguages(value: string, manifestPath: string): Promise<string[] | undefined> {
  if (value === 'all') return undefined;
  const wanted = value.split(',').map((lang) => canonical(lang.trim())).filter(Boolean);
  let languages: unknown;
  try {
    languages = parse(await readFile(manifestPath, 'utf8'))?.languages;
  } catch {
    return wanted; // loading the book reports the unreadable manifest properly
  }
  if (Array.isArray(languages)) {
    const known = languages.map((lang) => canonical(String(lang)));
    const unknown = wanted.filter((lang) => !known.includes(lang));
    if (unknown.length > 0) {
      throw new UsageError(`--lang ${unknown.join(', ')}: not a language of this book (${known.join(', ')})`);
    }
  }
  return wanted;
}

/** A language tag in BCP 47 case (`zh-tw` → `zh-TW`), as the manifest's are; unchanged when it is not one. */
function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** The manifest's languages, peeked at (undefined when book.yaml cannot be read; loading the book reports why). */
export async function manifestLanguages(manifestPath: string): Promise<string[] | undefined> {
  try {
    const languages: unknown = parse(await readFile(manifestPath, 'utf8'))?.languages;
    return Array.isArray(languages) && languages.every((lang) => typeof lang === 'string') ? languages : undefined;
  } catch {
    return undefined;
  }
}

/** `--jobs 2` → 2; anything but a positive whole number is a usage error. */
export function parseJobs(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a positive whole number, not ${value}`);
  return Number(value);
}
