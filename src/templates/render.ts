import { readdirSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { format, type Strings } from './strings.js';
import { FolioError } from '../diagnostics/errors.js';
import { describeError } from '../diagnostics/report.js';
import { findTemplate, isBookTemplate } from './files.js';
import { prebuiltTemplate } from './prebuilt.js';

/**
 * Renders `<folder>/<name>.hbs` with Handlebars. Every other `.hbs` file of the folder is a
 * partial, by file name (`{{> chapter}}`), and each can be overridden by the book.
 * `{{t "part" n=2}}` prints the edition's generated text.
 */
export async function renderTemplate(
  dirs: readonly string[],
  folder: string,
  name: string,
  data: object,
  strings: Strings,
): Promise<string> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    format(strings[key] ?? key, options.hash ?? {}),
  );
  // Folio's own templates come precompiled in the bundle; others compile here (partials as
  // they are first used).
  const load = async (file: string) => {
    const found = findTemplate(dirs, `${folder}/${file}`);
    const text = await readFile(found, 'utf8');
    const spec = prebuiltTemplate(found, text);
    return spec ? handlebars.template(spec) : text;
  };
  for (const file of templateNames(dirs, folder)) {
    if (file === `${name}.hbs` || !file.endsWith('.hbs')) continue;
    handlebars.registerPartial(file.slice(0, -4), await load(file));
  }
  const main = await load(`${name}.hbs`);
  const template = typeof main === 'string' ? handlebars.compile(main) : main;
  try {
    return template(data);
  } catch (cause) {
    // Handlebars compiles on first use: a book's own template that does not parse fails here.
    const own = templateNames(dirs, folder)
      .map((file) => findTemplate(dirs, `${folder}/${file}`))
      .filter((file) => file.endsWith('.hbs') && isBookTemplate(file));
    if (own.length === 0) throw cause;
    throw new FolioError(`The book's template ${own.length === 1 ? own[0] : `folder ${folder} (${own.join(', ')})`} cannot be rendered: ${describeError(cause)}`, { cause });
  }
}

/** The names of the files of a template folder, over the book's and Folio's folders. */
function templateNames(dirs: readonly string[], folder: string): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    const full = path.join(dir, folder);
    if (existsSync(full)) for (const file of readdirSync(full)) names.add(file);
  }
  return [...names].sort();
}
