import { z } from 'zod';
import { targetOptionSchemas } from '../targets/options.js';

/**
 * The book.yaml schema: the single source of truth for the manifest. Types are inferred
 * from it, unknown keys are errors (a typo never passes silently), and every field states
 * its default here.
 */

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A chapter or book slug: lowercase letters, digits and single hyphens. */
const Slug = z.string().regex(slugPattern, 'must be lowercase letters, digits and hyphens');

/**
 * A BCP 47 language tag such as `nl`, `pt`, `zh-TW`, in its canonical case (`zh-tw` and
 * `ZH-tw` are `zh-TW`: one edition, one file name, also on disks that ignore case).
 */
const Language = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as nl or zh-TW')
  .transform((tag, context) => {
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a language tag such as nl or zh-TW' });
      return z.NEVER;
    }
  });

/** The editions' languages: each once, whatever its case. */
const Languages = z
  .array(Language)
  .min(1)
  .superRefine((languages, context) => {
    languages.forEach((lang, index) => {
      const first = languages.indexOf(lang);
      if (first !== index) context.addIssue({ code: 'custom', path: [index], message: `${lang} is listed twice (also as item ${first + 1}); each language is one edition` });
    });
  });

/** A string, or a map from language to string (`{en: Guide, nl: Gids}`). */
const Localized = z.union([z.string(), z.record(Language, z.string())]);

/**
 * A chapter file named by its path relative to book.yaml (`src/README.md`), for books whose
 * file names are not slugs (`{lang}` is replaced by the edition's language); its id is
 * made from the file name (see book/chapter-ids.ts).
 */
const ChapterFile = z.string().regex(/^(?:[^{}]|\{lang\})*\.(?:md|markdown)$/i, 'must be a markdown file path ending in .md');

/** A place in the reading order: a chapter slug (found through `source`) or a chapter file. */
const Entry = z.union([Slug, ChapterFile]);

const PartWithOpener = z.strictObject({
  /** The chapter whose title is the part's title and whose text introduces the part. */
  opener: Entry,
  chapters: z.array(Entry).default([]),
});

const PartWithTitle = z.strictObject({
  title: Localized,
  chapters: z.array(Entry).default([]),
});

const StructuredContents = z.strictObject({
  front: z.array(Entry).default([]),
  parts: z.array(z.union([PartWithOpener, PartWithTitle])).default([]),
  back: z.array(Entry).default([]),
});

/** The book's own table of contents: an mdBook or GitBook `SUMMARY.md`, relative to book.yaml. */
const SummaryContents = z.strictObject({
  summary: z.string().regex(/\.(?:md|markdown)$/i, 'must be the path of a markdown file such as SUMMARY.md'),
});

/** A plugin: a module path (relative to book.yaml) or package name, or `[name, options]`. */
const Plugin = z.union([z.string(), z.tuple([z.string(), z.unknown()])]);

export const ManifestSchema = z.strictObject({
  /** Names the output files: `<slug>-<lang>.<ext>`. */
  slug: Slug,
  title: Localized,
  subtitle: Localized.optional(),
  /** One author or several. */
  author: z.union([z.string(), z.array(z.string()).min(1)]),
  publisher: z.string().optional(),
  rights: z.string().optional(),
  /** Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'))
    .optional(),
  edition: z.union([z.string(), z.number()]).transform(String).optional(),
  /** ISBN or URN, one for all editions or one per language; default: derived from slug + language. */
  identifier: Localized.optional(),
  description: Localized.optional(),
  subjects: z.array(z.string()).default([]),
  /**
   * Folders outside the folder of book.yaml that the book may read from (chapters,
   * images, stylesheets, templates, plugins), relative to book.yaml. Nothing else outside it is read.
   */
  roots: z.array(z.string()).default([]),
  /** Cover image, relative to book.yaml. */
  cover: z.string().optional(),
  /**
   * Where site-absolute image paths in chapters are found: URL prefix → folder, relative
   * to book.yaml (`/insights/: resources/` reads `/insights/a.jpeg` from `resources/a.jpeg`).
   */
  assets: z.record(z.string().startsWith('/'), z.string()).default({}),
  /** Base URL that site-absolute links (`/pricing`) are resolved against. */
  site: z.url().optional(),
  /** Site path at which a chapter is published; links to it become links inside the book. */
  chapterUrl: z.string().startsWith('/').includes('{slug}').optional(),
  /** The editions, by language; the first is the default language. */
  languages: Languages,
  /** Where a chapter's markdown is, relative to book.yaml. */
  source: z.string().includes('{slug}').default('chapters/{lang}/{slug}.md'),
  /** Reading order: a list of slugs or files, front matter, parts and back matter, or a SUMMARY.md. */
  contents: z.union([z.array(Entry).min(1), StructuredContents, SummaryContents]),
  plugins: z.array(Plugin).default([]),
  /** Seconds one book plugin may take on one chapter before that chapter fails. */
  pluginTimeout: z.number().positive().default(60),
  /** Directory whose files override Folio's templates by name (`html/style.css`). */
  templates: z.string().optional(),
  /** Overrides of the generated text, per language: `{nl: {contents: Inhoud}}`. */
  strings: z.record(Language, z.record(z.string(), z.string())).default({}),
  ...targetOptionSchemas,
});

/** The manifest as written (after defaults). */
export type Manifest = z.output<typeof ManifestSchema>;
export type Localized = z.output<typeof Localized>;
export type ManifestPart = z.output<typeof PartWithOpener> | z.output<typeof PartWithTitle>;
export type PluginEntry = z.output<typeof Plugin>;
