import { readFile } from 'node:fs/promises';
import ejs from 'ejs';
import { FolioError } from '../diagnostics/errors.js';
import { findTemplate, isBookTemplate } from './files.js';

/** An EJS template of the EPUB, ready to render: its text (epub-gen-memory takes some as text) and a renderer. */
export interface EjsTemplate {
  text: string;
  render(data: object): string;
}

/**
 * Finds, reads and compiles an EJS template (templates/epub/, overridable by the book like
 * every template). A book's own template that does not compile, or fails as it renders, is
 * the book's problem and is reported as such, naming the file (and, for a failure while
 * rendering, the line, which EJS gives when it knows the file name); one of Folio's own
 * failing is a bug, and stays one.
 */
export async function ejsTemplate(dirs: readonly string[], name: string): Promise<EjsTemplate> {
  const file = findTemplate(dirs, name);
  const text = await readFile(file, 'utf8');
  const own = isBookTemplate(file);
  // The cause's message follows when it is reported (EJS's own: the token, or the line).
  const problem = (what: string, cause: unknown) => (own ? new FolioError(`The book's template ${file} ${what} (fix it, or remove it to use Folio's)`, { cause }) : cause);
  let compiled: ejs.TemplateFunction;
  try {
    compiled = ejs.compile(text, { filename: file });
  } catch (cause) {
    throw problem('does not compile', cause);
  }
  return {
    text,
    render(data) {
      try {
        return compiled(data);
      } catch (cause) {
        throw problem('failed as it rendered', cause);
      }
    },
  };
}
