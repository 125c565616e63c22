/**
 * Named errors, one base class. Expected failures (bad input, a missing tool) are
 * FolioErrors: the printer shows their message and `cause` chain, never a stack.
 * Anything else is a bug in Folio and is printed with its stack.
 */
export class FolioError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command line was wrong: exit code 2. */
export class UsageError extends FolioError {}

/** A target could not write its output. */
export class OutputError extends FolioError {}

/** A book's own plugin threw, rejected or ran out of time on a chapter. */
export class PluginError extends FolioError {
  constructor(
    readonly plugin: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
