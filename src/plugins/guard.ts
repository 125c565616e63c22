import type { Plugin, Transformer } from 'unified';
import { PluginError } from '../diagnostics/errors.js';

/** Seconds a book plugin may take on one chapter (book.yaml `pluginTimeout`). */
export const defaultPluginTimeout = 60;

export interface GuardOptions {
  /** Seconds one run of the plugin's transformer may take on a chapter. */
  timeout: number;
  /** Told as each run starts and ends: a watchdog outside the thread can stop a synchronous endless loop. */
  onRun?(plugin: string, running: boolean): void;
}

/**
 * A book plugin wrapped so that whatever it does fails only the chapter, by name: an
 * exception in its attacher or transformer, a rejected promise, or a promise that does
 * not settle within the time limit (without the timer an unsettled promise would let
 * Node exit silently, code 13). A synchronous endless loop cannot be interrupted from
 * inside the thread; `onRun` lets the thread's owner stop it (see book/chapter-worker.ts).
 */
export function guardPlugin(name: string, plugin: Plugin, options: GuardOptions): Plugin {
  return function (this: unknown, ...parameters: unknown[]) {
    let transformer: unknown;
    try {
      transformer = (plugin as (...args: unknown[]) => unknown).apply(this, parameters);
    } catch (cause) {
      const failure = new PluginError(name, `Plugin ${name} failed to start: ${reasonOf(cause)}`, { cause });
      return () => {
        throw failure;
      };
    }
    if (typeof transformer !== 'function') return transformer as undefined;
    const run = transformer as (...args: unknown[]) => unknown;
    return (async (tree, file) => {
      options.onRun?.(name, true);
      let timer: NodeJS.Timeout | undefined;
      try {
        const work = new Promise<unknown>((resolve, reject) => {
          const result = run(tree, file, (error: unknown, next: unknown) => (error ? reject(error) : resolve(next)));
          if (run.length < 3) resolve(result);
        });
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new PluginError(name, `Plugin ${name} took longer than ${options.timeout} s (pluginTimeout) on this chapter`)), options.timeout * 1000);
        });
        return (await Promise.race([work, limit])) as never;
      } catch (cause) {
        if (cause instanceof PluginError) throw cause;
        throw new PluginError(name, `Plugin ${name} failed on this chapter: ${reasonOf(cause)}`, { cause });
      } finally {
        clearTimeout(timer);
        options.onRun?.(name, false);
      }
    }) satisfies Transformer;
  } as Plugin;
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message.split('\n')[0]}` : String(cause);
}
