// What the bundle carries ready-made (see src/templates/prebuilt.ts): every Handlebars
// template of templates/ precompiled, and templates/locales.yaml parsed, each with the
// SHA-256 of the text it was made from. An esbuild plugin: as it bundles that module, it
// fills in the module's `prebuilt`, which is undefined when the sources run as they are.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const templates = fileURLToPath(new URL('../templates/', import.meta.url));
const unset = 'export const prebuilt: Prebuilt | undefined = undefined;';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Every file the prebuilt module is made from, by path under templates/ with `/`. */
export function prebuiltSources() {
  return readdirSync(templates, { recursive: true })
    .map((file) => String(file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.hbs') || file === 'locales.yaml')
    .sort();
}

/** The `prebuilt` export, filled in, as TypeScript source. */
async function prebuiltExport() {
  // Loaded only to bundle: `folio` reads this file at every start (prebuiltSources).
  const [{ default: Handlebars }, { parse }] = await Promise.all([import('handlebars'), import('yaml')]);
  const read = (file) => readFileSync(path.join(templates, file), 'utf8');
  const handlebars = prebuiltSources()
    .filter((file) => file.endsWith('.hbs'))
    // Handlebars.precompile gives a template as JavaScript source, an object literal with
    // functions, made with the options Handlebars.compile uses at run time: the defaults.
    .map((file) => `    ${JSON.stringify(file)}: { sha256: ${JSON.stringify(sha256(read(file)))}, spec: ${Handlebars.precompile(read(file))} },`);
  const locales = read('locales.yaml');
  return [
    'export const prebuilt: Prebuilt | undefined = {',
    `  handlebars: {\n${handlebars.join('\n')}\n  },`,
    `  locales: { sha256: ${JSON.stringify(sha256(locales))}, table: ${JSON.stringify(parse(locales))} },`,
    '};',
  ].join('\n');
}

export const prebuiltPlugin = {
  name: 'folio-prebuilt',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]templates[\\/]prebuilt\.ts$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(unset)) throw new Error(`${args.path} no longer declares \`${unset}\`: scripts/prebuilt.js cannot fill it in`);
      const filled = await prebuiltExport();
      return { contents: source.replace(unset, () => filled), loader: 'ts', watchFiles: prebuiltSources().map((file) => path.join(templates, file)) };
    });
  },
};
