import path from 'node:path';
import { inspect } from 'node:util';
import type { VFile } from 'vfile';
import { FolioError } from './errors.js';

/**
 * One line per message, `file:line:column  severity  message  rule-id`: the shape
 * editors and CI annotators already understand (vfile-reporter's fields, one per line,
 * so each line can be pasted or clicked on its own).
 */
export function formatMessages(files: Iterable<VFile>, cwd = process.cwd()): string[] {
  const lines: string[] = [];
  for (const file of files) {
    const name = file.path ? path.relative(cwd, file.path) || file.path : '<input>';
    const messages = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const message of messages) {
      const where = message.line ? `${name}:${message.line}:${message.column ?? 1}` : name;
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info';
      lines.push(`${where}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd());
    }
  }
  return lines;
}

/**
 * Prints an exception: a FolioError as its message plus its `cause` chain as numbered
 * "(via …)" lines; anything else (a bug) as one line, with its stack only under
 * `--debug` (`debug`): a stack is noise to an author and may show a build machine's paths.
 */
export function formatError(error: unknown, debug = false): string {
  if (!(error instanceof FolioError)) {
    if (debug && error instanceof Error && error.stack) return error.stack;
    return `error  Folio stopped: ${describeError(error)} (run with --debug to see where)`;
  }
  const lines = [`error  ${error.message}`];
  let cause = error.cause;
  for (let depth = 1; cause !== undefined && depth < 10; depth++) {
    const name = cause instanceof Error ? cause.name : 'Error';
    const text = cause instanceof Error ? cause.message : String(cause);
    lines.push(`  ${depth}. (via ${name}) ${text}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines.join('\n');
}

/**
 * One line that says what went wrong, whatever was thrown: an Error's message (its
 * blank-line-separated advice and empty lines folded away), or any other value shown as
 * data rather than "[object Object]".
 */
export function describeError(cause: unknown): string {
  if (cause instanceof Error) {
    const text = cause.message.replace(/\n\s*TROUBLESHOOTING:.*$/s, '').replace(/\s*\n\s*/g, ' ').trim();
    return text || cause.name;
  }
  if (typeof cause === 'string') return cause;
  return inspect(cause, { depth: 2, breakLength: Infinity });
}
