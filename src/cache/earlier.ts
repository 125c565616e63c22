import { hashOf } from './keys.js';
import { cacheStore, type CacheStore } from './store.js';
import { folioFingerprint } from './version.js';

/**
 * What the last build of a print edition learned, kept by the edition's name rather than
 * its content, for the next build to try:
 * - `plans`: the page plan (where every opener lands, which blank pages put them on
 *   right-hand pages). The next build prints once with it and keeps that print only when
 *   it can show that it is the print a build from scratch would make (see
 *   targets/pdf/print-book.ts). A plan that no longer holds costs the print it was tried
 *   in, never a wrong file.
 * - `hyphens`: the edition's text and its hyphenated form (see targets/pdf/hyphenate.ts).
 *   Text that changed is not found and is hyphenated again.
 */
export class EarlierStore {
  constructor(
    private readonly store: CacheStore,
    private readonly kind: 'plans' | 'hyphens',
  ) {}

  private key(name: string): string {
    return hashOf(this.kind, folioFingerprint(), name);
  }

  /** The value kept under `name` (the book, edition and kind of print), as it was kept. */
  get(name: string): Promise<unknown> {
    return this.store.get(this.kind, this.key(name));
  }

  set(name: string, value: unknown): Promise<void> {
    return this.store.set(this.kind, this.key(name), value);
  }
}

/** Both stores of a build with a cache folder, else none: the fields of a RenderContext. */
export function earlierStores(dir: string | undefined): { plans?: EarlierStore; hyphens?: EarlierStore } {
  return dir ? { plans: new EarlierStore(cacheStore(dir), 'plans'), hyphens: new EarlierStore(cacheStore(dir), 'hyphens') } : {};
}
