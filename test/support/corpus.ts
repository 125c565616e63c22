import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusRoot } from './tools.js';

/** The 16 languages of the guide, in book.yaml's order. */
export const guideLanguages = ['en', 'de', 'es', 'fr', 'id', 'it', 'ja', 'km', 'ko', 'nl', 'pl', 'pt', 'ru', 'sv', 'zh', 'zh-TW'];

/** The reading order of the print edition (the corpus README), by slug. */
export const guideReadingOrder = [
  'introduction', 'no-rules-here',
  'building-momentum', 'ideal-scenario', 'wildly-different', 'book-write-winning-proposals',
  'working-with-humans', 'nurturing-top-talent', 'delegation-entrepreneurship', 'qualify-your-clients',
  'run-things-effectively', 'cash-is-king', 'keep-it-simple', 'effective-project-management',
  'final-thoughts', 'what-comes-next', 'concise-reference-guide',
];

/**
 * A copy of the guide's sources in which the one defect that stops two editions is
 * repaired: es and it have an unquoted ": " in the frontmatter `description` of
 * qualify-your-clients.md, which Folio rightly refuses. Tests that must see all 16
 * editions build from this copy; the source pattern is returned.
 */
export function repairedCorpus(copy = mkdtempSync(path.join(tmpdir(), 'folio-corpus-'))): string {
  cpSync(path.join(corpusRoot, 'content'), copy, { recursive: true });
  for (const lang of ['es', 'it']) {
    const file = path.join(copy, lang, 'insights/qualify-your-clients.md');
    const text = readFileSync(file, 'utf8').replace(/^description: (.*)$/m, (_, value: string) => `description: ${JSON.stringify(value)}`);
    writeFileSync(file, text);
  }
  return path.join(copy, '{lang}/insights/{slug}.md');
}
