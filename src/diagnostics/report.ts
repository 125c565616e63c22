import path from 'node:path';
import { inspect } from 'node:util';
import type { VFile } from 'vfile';
import { FolioError } from './errors.js';
import { packageRoot } from '../package-root.js';

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
 * "(via …)" lines. Anything else is a bug in Folio: what was thrown, where (its stack, the
 * innermost frames, all of them under `--debug`), and a request to report it.
 */
export function formatError(error: unknown, debug = false): string {
  if (!(error instanceof FolioError)) {
    const frames = stackFrames(error);
    const shown = debug ? frames : frames.slice(0, 8);
    return [
      `error  Folio stopped because of a bug: ${describeBug(error)}`,
      ...shown.map((frame) => `    at ${frame}`),
      ...(shown.length < frames.length ? [`    … ${frames.length - shown.length} more (--debug shows them)`] : []),
      `  ${reportRequest}.`,
    ].join('\n');
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

/** `TypeError: x is not a function`: a bug's kind and message. */
export function describeBug(cause: unknown): string {
  return cause instanceof Error && cause.name !== 'Error' ? `${cause.name}: ${describeError(cause)}` : describeError(cause);
}

/** What to do about a bug, said wherever one is reported. */
export const reportRequest = 'This is a bug in Folio, not a problem of your book: please report it, with this message';

/** The frames of an error's stack (`f (src/x.ts:1:2)`), paths inside Folio's folder made relative to it. */
export function stackFrames(cause: unknown): string[] {
  const stack = cause instanceof Error ? cause.stack : undefined;
  return (stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .map((line) => line.slice(3).replaceAll(`file://${packageRoot}${path.sep}`, '').replaceAll(`${packageRoot}${path.sep}`, ''));
}
