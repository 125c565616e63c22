import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import type { PluggableList, Plugin } from 'unified';
import { error } from '../diagnostics/messages.js';
import type { ManifestSource } from '../manifest/load.js';
import type { PluginEntry } from '../manifest/schema.js';

/**
 * Imports the book's unified plugins. A name starting with `.` or `/` is a file relative
 * to book.yaml, anything else a package resolved from the book's folder. A plugin that
 * cannot be loaded is an error at its line in book.yaml.
 */
export async function loadPlugins(entries: readonly PluginEntry[], source: ManifestSource): Promise<PluggableList> {
  const plugins: PluggableList = [];
  for (const [index, entry] of entries.entries()) {
    const [name, options] = typeof entry === 'string' ? [entry, undefined] : entry;
    const at = source.locate(['plugins', index]);
    try {
      const module = await import(moduleUrl(name, source.root));
      const plugin: unknown = module.default;
      if (typeof plugin !== 'function') {
        error(source.file, `Plugin ${name} has no default export that is a unified plugin (a function)`, at, 'plugin-load');
        continue;
      }
      plugins.push(options === undefined ? (plugin as Plugin) : [plugin as Plugin, options]);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      error(source.file, `Cannot load plugin ${name}: ${reason}`, at, 'plugin-load');
    }
  }
  return plugins;
}

function moduleUrl(name: string, root: string): string {
  if (name.startsWith('.') || path.isAbsolute(name)) return pathToFileURL(path.resolve(root, name)).href;
  return resolveModule(name, pathToFileURL(path.join(root, 'book.yaml')).href);
}
