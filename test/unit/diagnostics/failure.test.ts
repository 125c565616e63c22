import { expect, test } from '@jest/globals';
import { VFile } from 'vfile';
import { FolioError, OutputError } from '../../../src/diagnostics/errors.js';
import { bugRule, isExpected, reportFailure } from '../../../src/diagnostics/failure.js';
import { formatError } from '../../../src/diagnostics/report.js';

function bug(): TypeError {
  try {
    (undefined as unknown as { title: string }).title.trim();
  } catch (caught) {
    return caught as TypeError;
  }
  throw new Error('unreachable');
}

test('a FolioError is the problem it states, with its causes, under the given rule', () => {
  const file = new VFile({ path: '/book/book.yaml' });
  const cause = new OutputError('Cannot write dist/x.html', { cause: new Error('EACCES: permission denied') });
  const message = reportFailure(file, 'en html edition failed', cause, { line: 3, column: 1 }, 'target-failed');
  expect(message.reason).toBe('en html edition failed: Cannot write dist/x.html: EACCES: permission denied');
  expect(message.ruleId).toBe('target-failed');
  expect(message.fatal).toBe(true);
  expect(message.line).toBe(3);
  expect(message.cause).toBe(cause);
  expect(message.reason).not.toMatch(/bug|\bat /);
});

test('anything else thrown is a bug in Folio: its kind, where it was thrown, a request to report it', () => {
  const file = new VFile({ path: '/book/book.yaml' });
  const thrown = bug();
  const message = reportFailure(file, 'en html edition failed', thrown, undefined, 'target-failed');
  expect(message.ruleId).toBe(bugRule);
  expect(message.fatal).toBe(true);
  expect(message.reason).toMatch(/^en html edition failed because of a bug in Folio: TypeError: Cannot read properties of undefined \(reading 'title'\) \(at .*failure\.test\.ts:\d+:\d+/);
  expect(message.reason).toMatch(/please report it/);
  // One line, whatever the stack: reporters print a message per line.
  expect(message.reason).not.toContain('\n');
  expect(message.cause).toBe(thrown);
  // Not only Errors are thrown.
  expect(reportFailure(file, 'nl edition failed', { code: 7 }, undefined, 'edition-failed').reason).toMatch(/^nl edition failed because of a bug in Folio: \{ code: 7 \}\. /);
});

test('isExpected tells a FolioError (and its subclasses) from the rest', () => {
  expect(isExpected(new FolioError('x'))).toBe(true);
  expect(isExpected(new OutputError('x'))).toBe(true);
  expect(isExpected(new Error('x'))).toBe(false);
  expect(isExpected('x')).toBe(false);
});

test('the command prints a bug with its stack and a request to report it; a FolioError without one', () => {
  const printed = formatError(bug());
  const lines = printed.split('\n');
  expect(lines[0]).toBe("error  Folio stopped because of a bug: TypeError: Cannot read properties of undefined (reading 'title')");
  expect(lines[1]).toMatch(/^ {4}at .*failure\.test\.ts:\d+:\d+/);
  expect(lines.at(-1)).toMatch(/please report it/);
  const expected = formatError(new FolioError('Cannot read the manifest book.yaml', { cause: new Error('ENOENT') }));
  expect(expected).toBe('error  Cannot read the manifest book.yaml\n  1. (via Error) ENOENT');
});

test("a cause the FolioError's message already gives is not said twice", () => {
  const file = new VFile({ path: '/book/book.yaml' });
  const parse = new Error('Parse error on line 2');
  const cause = new FolioError(`The book's template theme/x.hbs cannot be rendered: ${parse.message}`, { cause: parse });
  expect(reportFailure(file, 'en html edition failed', cause, undefined, 'target-failed').reason).toBe("en html edition failed: The book's template theme/x.hbs cannot be rendered: Parse error on line 2");
});
