import type { Diagnostic } from '../diagnostic.js';

/** A diagnostic as printed: one problem, or one situation that several editions share. */
export interface Grouped extends Diagnostic {
  /** The editions that share it, when more than one does. */
  langs?: string[];
}

/**
 * Joins the diagnostics that say one thing about several editions into one: the same
 * rule, place and words once the edition's language is taken out of the message and out
 * of the file's path (`chapters/de/x.md` and `chapters/fr/x.md` are `chapters/{lang}/x.md`).
 * A book with sixteen languages of which fifteen have no chapters yet then gets one
 * line naming the fifteen, not fifteen lines a newcomer reads as fifteen problems.
 * Errors in different files stay apart: each is a file to fix, named so an editor can
 * open it. The first of a group keeps its place in the order. With `acrossFiles: false` only the
 * repeats within one file are joined (an annotation must name a real file). The
 * languages of a group are listed in the order of `languages` (the manifest's).
 */
export function groupRepeats(diagnostics: readonly Diagnostic[], options: { acrossFiles?: boolean; languages?: readonly string[] } = {}): Grouped[] {
  const acrossFiles = options.acrossFiles ?? true;
  const groups = new Map<string, { first: Diagnostic; file: string; message: string; langs: string[] }>();
  const output: Array<Diagnostic | string> = [];
  for (const diagnostic of diagnostics) {
    const { lang } = diagnostic;
    // An error is a file to fix: it keeps its own clickable line.
    const joinFiles = acrossFiles && diagnostic.severity !== 'error';
    const file = lang && joinFiles ? withoutLang(diagnostic.file, lang) : diagnostic.file;
    const message = lang ? messageWithoutLang(diagnostic.message, lang) : diagnostic.message;
    if (!lang || (file === diagnostic.file && message === diagnostic.message)) {
      output.push(diagnostic);
      continue;
    }
    const key = JSON.stringify([diagnostic.severity, diagnostic.rule, diagnostic.line, diagnostic.column, file, message]);
    const group = groups.get(key);
    if (group) {
      group.langs.push(lang);
    } else {
      groups.set(key, { first: diagnostic, file, message, langs: [lang] });
      output.push(key);
    }
  }
  return output.map((item) => {
    if (typeof item !== 'string') return item;
    const { first, file, message, langs } = groups.get(item)!;
    if (langs.length === 1) return first;
    // Threads report in their own order; people read the manifest's.
    const order = options.languages ?? [];
    if (order.length > 0) langs.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const list = langs.join(', ');
    const joined = message.startsWith('{lang} ')
      ? `${list} ${message.slice('{lang} '.length).replace(/^edition /, 'editions ')}`
      : `${message} (${list})`;
    return { ...first, file, message: joined, lang: undefined, langs };
  });
}

/** `chapters/nl/x.md` → `chapters/{lang}/x.md` (a path segment that is the language). */
function withoutLang(text: string, lang: string): string {
  return text.replace(new RegExp(`(^|[/\\\\])${escape(lang)}(?=[/\\\\])`, 'g'), '$1{lang}');
}

/** The message with the language taken out: as its first word, and in paths. */
function messageWithoutLang(message: string, lang: string): string {
  const rest = message.startsWith(`${lang} `) ? `{lang} ${message.slice(lang.length + 1)}` : message;
  return withoutLang(rest, lang);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
