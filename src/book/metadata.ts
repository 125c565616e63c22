import mime from 'mime-types';
import { v5 as uuidv5 } from 'uuid';
import type { Localized, Manifest } from '../manifest/schema.js';
import type { CoverFile, EditionMetadata } from './types.js';

/** Namespace for identifiers Folio derives (a fixed UUID, so derived ids never change). */
const FOLIO_NAMESPACE = 'b7d4b6b0-5f0e-4c4e-9a55-6f6c696f0001';

/**
 * The value of a string-or-map field for `lang`: the language itself, its base language
 * (`pt` for `pt-BR`), the book's default language, then any value.
 */
export function pick(value: Localized | undefined, lang: string, defaultLang: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return value[lang] ?? value[lang.split('-')[0]!] ?? value[defaultLang] ?? Object.values(value)[0];
}

/**
 * A stable identifier for an edition without an ISBN: a name-based UUID (v5) of the book
 * slug and language. The same book always gets the same id; never a random one.
 */
export function derivedIdentifier(slug: string, lang: string): string {
  return `urn:uuid:${uuidv5(`folio:${slug}:${lang}`, FOLIO_NAMESPACE)}`;
}

/** Languages written right to left. */
const rtlLanguages = new Set(['ar', 'arc', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The metadata of one edition; the cover's path is absolute and known to exist (findCover). */
export function editionMetadata(manifest: Manifest, lang: string, cover: CoverFile | undefined): EditionMetadata {
  const defaultLang = manifest.languages[0]!;
  const authors = typeof manifest.author === 'string' ? [manifest.author] : manifest.author;
  return {
    title: pick(manifest.title, lang, defaultLang)!,
    subtitle: pick(manifest.subtitle, lang, defaultLang),
    authors,
    publisher: manifest.publisher,
    rights: manifest.rights,
    date: manifest.date,
    edition: manifest.edition,
    identifier: pick(manifest.identifier, lang, defaultLang) ?? derivedIdentifier(manifest.slug, lang),
    description: pick(manifest.description, lang, defaultLang),
    subjects: manifest.subjects,
    cover: cover ? { ...cover, mediaType: mime.lookup(cover.path) || 'application/octet-stream' } : undefined,
  };
}
