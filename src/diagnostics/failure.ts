import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { FolioError } from './errors.js';
import { error, type Place } from './messages.js';
import { describeBug, describeError, reportRequest, stackFrames } from './report.js';

/** The rule id of a failure that is a bug in Folio, not a problem of the book. */
export const bugRule = 'folio-bug';

/**
 * Records that `what` failed (`en html edition failed`). A FolioError is an expected
 * failure (bad input, a missing tool): its message and causes say what to do. Anything
 * else thrown is a bug in Folio and is reported as one: what was thrown, where (the
 * innermost frames of its stack), and a request to report it. The exception stays on the
 * message as `cause`, for --debug.
 */
export function reportFailure(file: VFile, what: string, cause: unknown, place: Place, ruleId: string): VFileMessage {
  const message = isExpected(cause)
    ? error(file, `${what}: ${causeChain(cause)}`, place, ruleId)
    : error(file, `${what} because of a bug in Folio: ${describeBug(cause)}${whereThrown(cause)}. ${reportRequest} (--debug prints the whole stack)`, place, bugRule);
  message.cause = cause;
  return message;
}

/** True for a failure Folio expects and explains (a FolioError); false for a bug. */
export function isExpected(cause: unknown): cause is FolioError {
  return cause instanceof FolioError;
}

/**
 * A FolioError's message and its causes' (`Cannot start Chromium: spawn ENOENT`). A cause
 * whose words the message before it already gives is not said again.
 */
function causeChain(cause: FolioError): string {
  const reasons: string[] = [];
  for (let at: unknown = cause; at !== undefined && reasons.length < 5; at = at instanceof Error ? at.cause : undefined) {
    const reason = describeError(at);
    if (!reasons.at(-1)?.includes(reason)) reasons.push(reason);
  }
  return reasons.join(': ');
}

/**
 * ` (at f (src/x.ts:1:2) ← g (src/y.ts:3:4) ← …)`: the innermost frames of an error's
 * stack on one line; '' without a stack.
 */
export function whereThrown(cause: unknown, frames = 3): string {
  const lines = stackFrames(cause).slice(0, frames);
  return lines.length > 0 ? ` (at ${lines.join(' ← ')})` : '';
}
