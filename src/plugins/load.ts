import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import type { PluggableList, Plugin } from 'unified';
import { error } from '../diagnostics/messages.js';
import { packageRoot } from '../package-root.js';
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
      error(source.file, `Cannot load plugin ${name}: ${reason}`, at, 'plugin-load');
    }
  }
  return plugins;
}

function moduleUrl(name: string, root: string): string {
  if (name.startsWith('.') || path.isAbsolute(name)) return pathToFileURL(path.resolve(root, name)).href;
  return resolveModule(name, pathToFileURL(path.join(root, 'book.yaml')).href);
}

let typescriptLoader: Promise<void> | undefined;

/**
 * Imports a plugin module. Node cannot import TypeScript by itself, so when a local
 * plugin, or any file it imports, is TypeScript (esbuild lists its import graph), tsx is
 * registered as the loader first, unless TypeScript loads already. Only then: the loader
 * slows every later import of the build by about a second, and most books have none.
 */
async function importPlugin(url: string): Promise<{ default?: unknown }> {
  if (url.startsWith('file:') && (await importsTypeScript(fileURLToPath(url)))) {
    typescriptLoader ??= canImportTypeScript().then(async (can) => {
      if (!can) (await import('tsx/esm/api')).register();
    });
    await typescriptLoader;
  }
  return import(url);
}

/** True where TypeScript loads already (under tsx, or a test runner that compiles it). */
async function canImportTypeScript(): Promise<boolean> {
  try {
    await import(pathToFileURL(path.join(packageRoot, 'src/plugins/typescript-probe.ts')).href);
    return true;
  } catch {
    return false;
  }
}

async function importsTypeScript(file: string): Promise<boolean> {
  if (/\.[mc]?tsx?$/.test(file)) return true;
  const { build } = await import('esbuild');
  const { metafile } = await build({ entryPoints: [file], bundle: true, write: false, metafile: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'silent' });
  return Object.keys(metafile.inputs).some((input) => /\.[mc]?tsx?$/.test(input));
}
