import { createHash } from 'node:crypto';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { builtInTemplates, isBookTemplate } from './files.js';

/**
 * Folio's own Handlebars templates compiled, and its locale table parsed, ahead of the
 * build. Each build used to compile the print templates (about 0.07 s) and parse
 * templates/locales.yaml (0.05–0.1 s of a cold YAML parser) before Chromium could be given
 * the page: time on the path of every PDF. The `folio` command's bundle fills this in
 * (scripts/prebuilt.js); run from the sources, as the tests do, there is nothing here and
 * everything is compiled as it is read. An entry is used only for the text it was made
 * from (its SHA-256), so an edited file is compiled afresh, never served stale.
 */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface Prebuilt {
  /** By path under templates/, with `/`: `pdf/book.hbs`. */
  handlebars: Readonly<Record<string, { sha256: string; spec: TemplateSpecification }>>;
  locales: { sha256: string; table: Record<string, Record<string, string>> };
}

/** Replaced as the sources are bundled; undefined when they are run as they are. */
export const prebuilt: Prebuilt | undefined = undefined;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The compiled form of one of Folio's own template files, when the bundle has it for this text. */
export function prebuiltTemplate(file: string, text: string): TemplateSpecification | undefined {
  if (!prebuilt || isBookTemplate(file)) return undefined;
  const entry = prebuilt.handlebars[path.relative(builtInTemplates, file).split(path.sep).join('/')];
  return entry && entry.sha256 === sha256(text) ? entry.spec : undefined;
}

/** The parsed locale table, when the bundle has it for this text of templates/locales.yaml. */
export function prebuiltLocales(text: string): Prebuilt['locales']['table'] | undefined {
  return prebuilt && prebuilt.locales.sha256 === sha256(text) ? prebuilt.locales.table : undefined;
}
