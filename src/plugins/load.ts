import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import type { PluggableList, Plugin } from 'unified';
import { error } from '../diagnostics/messages.js';
import type { ManifestSource } from '../manifest/load.js';
import type { PluginEntry } from '../manifest/schema.js';
import type { BookRoots } from '../book/roots.js';
import { guardPlugin, type GuardOptions } from './guard.js';
import remarkDropPreamble from './remark-drop-preamble.js';
import remarkMdbook from './remark-mdbook.js';

/** Plugins that come with Folio, named `folio/<name>` in book.yaml. */
export const builtInPlugins: Readonly<Record<string, Plugin>> = {
  'folio/remark-drop-preamble': remarkDropPreamble as unknown as Plugin,
  'folio/mdbook': remarkMdbook as unknown as Plugin,
};

/**
 * Imports the book's unified plugins. `folio/<name>` is one of Folio's own, a name
 * starting with `.` or `/` is a file relative to book.yaml, anything else a package
 * resolved from the book's folder. A plugin that cannot be loaded is an error at its
 * line in book.yaml.
 */
export async function loadPlugins(entries: readonly PluginEntry[], source: ManifestSource, roots: BookRoots, guard: GuardOptions): Promise<PluggableList> {
  const plugins: PluggableList = [];
  for (const [index, entry] of entries.entries()) {
    const [name, options] = typeof entry === 'string' ? [entry, undefined] : entry;
    const at = source.locate(['plugins', index]);
    if (name.startsWith('folio/')) {
      const plugin = builtInPlugins[name];
      if (plugin) plugins.push(options === undefined ? plugin : [plugin, options]); // Folio's own: not guarded
      else error(source.file, `Folio has no plugin ${name}; its plugins are ${Object.keys(builtInPlugins).join(', ')}`, at, 'plugin-load');
      continue;
    }
    try {
      const url = moduleUrl(name, source.root);
      // A plugin is code: only one inside the book's folders (its node_modules included) is imported.
      const checked = url.startsWith('file:') ? roots.check(fileURLToPath(url)) : undefined;
      if (checked && !checked.ok) {
        error(source.file, `Plugin ${name} is ${checked.problem}`, at, 'plugin-load');
        continue;
      }
      const module = await importPlugin(url);
      const plugin: unknown = module.default;
      if (typeof plugin !== 'function') {
        error(source.file, `Plugin ${name} has no default export that is a unified plugin (a function)`, at, 'plugin-load');
        continue;
      }
      const guarded = guardPlugin(name, plugin as Plugin, guard);
      plugins.push(options === undefined ? guarded : [guarded, options]);
    } catch (cause) {
      // The whole first paragraph: Node's "Cannot find module … imported from …" spans lines.
      const reason = cause instanceof Error ? cause.message.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ') : String(cause);
      // TypeScript is loaded for a plugin named .ts (see importPlugin), not for one that only imports it.
      const hint = (cause as NodeJS.ErrnoException)?.code === 'ERR_UNKNOWN_FILE_EXTENSION' ? '; a plugin that imports TypeScript must be a .ts file itself' : '';
      error(source.file, `Cannot load plugin ${name}: ${reason}${hint}`, at, 'plugin-load');
    }
  }
  return plugins;
}

function moduleUrl(name: string, root: string): string {
  if (name.startsWith('.') || path.isAbsolute(name)) return pathToFileURL(path.resolve(root, name)).href;
  return resolveModule(name, pathToFileURL(path.join(root, 'book.yaml')).href);
}

/**
 * True where TypeScript loads already: Folio itself then runs from its `.ts` sources,
 * under tsx or a test runner that compiles them (the `folio` command runs a bundle).
 */
const typescriptLoads = import.meta.url.endsWith('.ts');

/** A TypeScript module, by its name (`.ts`, `.mts`, `.cts`). */
const isTypeScript = (file: string): boolean => /\.[mc]?tsx?$/.test(file);

/**
 * Imports a plugin module. Node cannot import TypeScript by itself, so a plugin written in
 * it is imported with tsx's tsImport(), which compiles it (and the TypeScript it imports)
 * for this one import, in a namespace of its own: each build runs the plugin as it is now.
 * tsImport, not a loader registered for the whole process: that loader compiled a `.ts`
 * file outside a `"type": "module"` package as CommonJS it could not load, and a book's
 * folder seldom has a package.json, so any plugin with a type in it failed ("Unexpected
 * token ':'"). Loaded as CommonJS, the module's exports are its default: unwrapped here.
 *
 * A local JavaScript plugin is imported by a URL that carries a hash of its bytes: Node
 * keeps every module it imported for the life of the process, so a process that builds
 * again (a preview) would otherwise run the plugin as it was at the first build. The
 * modules it imports in turn are Node's to keep.
 */
async function importPlugin(url: string): Promise<{ default?: unknown }> {
  if (!url.startsWith('file:')) return import(url);
  const file = fileURLToPath(url);
  if (isTypeScript(file) && !typescriptLoads) {
    const { tsImport } = await import('tsx/esm/api');
    const namespace = (await tsImport(url, import.meta.url)) as { default?: unknown };
    const commonJs = namespace.default as { __esModule?: boolean; default?: unknown } | undefined;
    return commonJs?.__esModule ? { default: commonJs.default } : namespace;
  }
  const version = createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16);
  return import(`${url}?version=${version}`);
}
