// The book the bench measures: its manifest, reading order, and a repaired copy of the corpus.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface Manifest {
  slug: string;
  languages: string[];
  title: string | Record<string, string>;
  contents: string[] | { front?: string[]; parts?: { opener?: string; chapters?: string[] }[]; back?: string[] };
}

export function readManifest(file: string): Manifest {
  return parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The chapters in reading order: front, each part's opener then its chapters, back. */
export function readingOrder({ contents }: Manifest): string[] {
  if (Array.isArray(contents)) return contents;
  const parts = (contents.parts ?? []).flatMap((part) => [...(part.opener ? [part.opener] : []), ...(part.chapters ?? [])]);
  return [...(contents.front ?? []), ...parts, ...(contents.back ?? [])];
}

export function titleFor({ title }: Manifest, lang: string): string {
  return typeof title === 'string' ? title : title[lang] ?? title[lang.split('-')[0]!] ?? Object.values(title)[0]!;
}

/** Where a chapter is, in a `{lang}`/`{slug}` pattern. */
export const chapterPath = (pattern: string, lang: string, slug: string) => pattern.replaceAll('{lang}', lang).replaceAll('{slug}', slug);

/** These sources have an unquoted ": " in `description`, which is invalid YAML, so Folio refuses them. */
const BROKEN = ['es/insights/qualify-your-clients.md', 'it/insights/qualify-your-clients.md'];

/**
 * Copies the corpus's content/ into `dir` and quotes the broken descriptions there, so
 * every language builds and every tool reads the same chapters. Returns the `--source`
 * pattern of the copy.
 */
export function repairedCopy(corpus: string, dir: string): string {
  const content = path.join(dir, 'content');
  cpSync(path.join(corpus, 'content'), content, { recursive: true });
  for (const file of BROKEN) {
    const target = path.join(content, file);
    if (existsSync(target)) writeFileSync(target, quoteDescription(readFileSync(target, 'utf8'), target));
  }
  return path.join(content, '{lang}', 'insights', '{slug}.md');
}

/** Replaces the frontmatter line `description: X` with `description: "X"` (JSON-quoted), unless already quoted. */
export function quoteDescription(source: string, file: string): string {
  const lines = source.split('\n');
  const end = lines.indexOf('---', 1);
  if (lines[0] !== '---' || end < 0) throw new Error(`${file}: no frontmatter to repair`);
  for (let i = 1; i < end; i++) {
    const match = /^description:\s(.*)$/.exec(lines[i]!);
    if (match && !/^["']/.test(match[1]!)) lines[i] = `description: ${JSON.stringify(match[1]!.trim())}`;
  }
  // The copy must now be valid YAML (duplicate keys are only a warning in Folio, so allow them).
  parse(lines.slice(1, end).join('\n'), { uniqueKeys: false });
  return lines.join('\n');
}

/** The frontmatter and body of a chapter; the frontmatter parsed leniently (a repeated key is Folio's warning, not our error). */
export function splitChapter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) return { frontmatter: {}, body: source };
  return { frontmatter: parse(match[1]!, { uniqueKeys: false }) ?? {}, body: source.slice(match[0].length) };
}
