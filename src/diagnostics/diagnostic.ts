import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/**
 * One problem of a build as plain data: what every reporter prints, whatever its form
 * (a line for people, a workflow command for GitHub, a JSON record for editors).
 */
export interface Diagnostic {
  /** The file the problem is in, as the build named it (absolute). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The rule id, e.g. `frontmatter-yaml`. */
  rule?: string;
  /** The edition the problem belongs to: a chapter's language, or the edition a message of book.yaml is about. */
  lang?: string;
}

/** A message of book.yaml that is about one edition carries the edition's language here. */
type EditionMessage = VFileMessage & { folioLang?: string };

/** Marks `message` as being about the `lang` edition (so it is counted there and grouped with its repeats). */
export function aboutEdition(message: VFileMessage, lang: string): VFileMessage {
  (message as EditionMessage).folioLang = lang;
  return message;
}

/** The edition `message` is about: its own mark, else the language of its file (a chapter). */
export function editionOf(message: VFileMessage, file?: VFile): string | undefined {
  return (message as EditionMessage).folioLang ?? file?.data.lang;
}

/** Every message of `files`, in the files' order, each file's by line and column. */
export function diagnosticsOf(files: Iterable<VFile>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const messages = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of messages) {
      const end = message.place && 'end' in message.place ? message.place.end : undefined;
      diagnostics.push({
        file: file.path || '<input>',
        line: message.line ?? undefined,
        column: message.line ? (message.column ?? 1) : undefined,
        endLine: end?.line,
        endColumn: end?.column,
        severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
        message: message.reason,
        rule: message.ruleId ?? undefined,
        lang: editionOf(message, file),
      });
    }
  }
  return diagnostics;
}

declare module 'vfile' {
  interface DataMap {
    /** The edition (language) a chapter's file belongs to. */
    lang: string;
  }
}
