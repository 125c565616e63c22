import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { builtInTemplates } from './files.js';
import { prebuiltLocales } from './prebuilt.js';

/** The generated text of one edition: `contents`, `part`, `chapter`, … (see templates/locales.yaml). */
export type Strings = Readonly<Record<string, string>>;

/**
 * Read once per process, not per build: the table is Folio's own (templates/locales.yaml,
 * never a book's template folder), so no book can change it between two builds; a book's
 * own text comes from `strings:` in book.yaml, read by every build.
 */
let table: Record<string, Record<string, string>> | undefined;

/** The locale table shipped with the templates. */
export function localeTable(): Record<string, Record<string, string>> {
  if (!table) {
    const text = readFileSync(path.join(builtInTemplates, 'locales.yaml'), 'utf8');
    table = prebuiltLocales(text) ?? parse(text);
  }
  return table!;
}

/** The message keys every language has (those of English). */
export function stringKeys(): string[] {
  return Object.keys(localeTable().en ?? {});
}

/** True when the table has translations for `lang` (or for its base language, `pt` for `pt-BR`). */
export function hasLocale(lang: string): boolean {
  const locales = localeTable();
  return lang in locales || lang.split('-')[0]! in locales;
}

/**
 * The strings for `lang`: English, then the base language, then the language itself,
 * then the book's overrides, each layer winning over the one before.
 */
export function stringsFor(lang: string, overrides: Record<string, string> = {}): Strings {
  const locales = localeTable();
  const base = lang.split('-')[0]!;
  return Object.freeze({ ...locales.en, ...locales[base], ...locales[lang], ...overrides });
}

/** Fills `{name}` placeholders: format('Part {n}', {n: 2}) is 'Part 2'. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
