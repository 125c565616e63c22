import { hashOf } from './keys.js';
import { cacheStore, type CacheStore } from './store.js';
import { folioFingerprint } from './version.js';

/**
 * The page plan of each print edition's last build (where every opener lands, which
 * blank pages put them on right-hand pages), by the edition's name rather than its
 * content: the next build prints once with it and keeps that print only when it can show
 * that it is the print a build from scratch would make (see targets/pdf/print-book.ts).
 * A plan that no longer holds costs the print it was tried in, never a wrong file.
 */
export class PlanStore {
  constructor(private readonly store: CacheStore) {}

  private key(name: string): string {
    return hashOf('plan', folioFingerprint(), name);
  }

  /** The plan kept under `name` (the book, edition and kind of print), as it was kept. */
  get(name: string): Promise<unknown> {
    return this.store.get('plans', this.key(name));
  }

  set(name: string, plan: unknown): Promise<void> {
    return this.store.set('plans', this.key(name), plan);
  }
}

/** The plans of a build with a cache folder, else none. */
export function planStore(dir: string | undefined): PlanStore | undefined {
  return dir ? new PlanStore(cacheStore(dir)) : undefined;
}
