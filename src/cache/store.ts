import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** The first bytes of every entry: a file of another shape (or another format version) is a miss. */
const magic = Buffer.from('folio-cache 1\n');
const digestLength = 32;

/**
 * A folder of entries, each a value under a key (a hex hash of everything it was made
 * from). Entries are written to a temporary name and renamed, so a concurrent build or a
 * crash never leaves half an entry under a key; each carries the SHA-256 of its bytes,
 * so a truncated or damaged entry is a miss, never a value. A cache that cannot be
 * written (a read-only folder, a full disk) turns itself off for the rest of the build:
 * the build goes on without it, as a build without a cache.
 */
export class CacheStore {
  private writable = true;

  constructor(
    readonly dir: string,
    /** Told once when the cache cannot be written (shown with --debug). */
    private readonly onProblem: (reason: string) => void = () => undefined,
  ) {}

  private file(kind: string, key: string): string {
    return path.join(this.dir, kind, key.slice(0, 2), key);
  }

  /** The value under `key`, or undefined when there is none or it cannot be trusted. */
  async get<Value>(kind: string, key: string): Promise<Value | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file(kind, key));
    } catch {
      return undefined;
    }
    const start = magic.length + digestLength;
    if (bytes.length < start || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
    const payload = bytes.subarray(start);
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(magic.length, start))) return undefined;
    try {
      return deserialize(payload) as Value;
    } catch {
      return undefined;
    }
  }

  /** Stores `value` under `key`; a failure only turns the cache off. */
  async set(kind: string, key: string, value: unknown): Promise<void> {
    if (!this.writable) return;
    const file = this.file(kind, key);
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      const payload = serialize(value);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, Buffer.concat([magic, createHash('sha256').update(payload).digest(), payload]));
      await rename(temporary, file);
    } catch (cause) {
      await rm(temporary, { force: true }).catch(() => undefined);
      this.writable = false;
      this.onProblem(`the build cache ${this.dir} cannot be written (${cause instanceof Error ? cause.message : String(cause)}); this build goes on without storing anything`);
    }
  }
}

const stores = new Map<string, CacheStore>();

/**
 * One store per folder in a process, so a problem is told once however many parts of the
 * build use it; with `debug` it is told on standard error, else not at all (the build is
 * right either way, only slower).
 */
export function cacheStore(dir: string, debug = false): CacheStore {
  const resolved = path.resolve(dir);
  let store = stores.get(resolved);
  if (!store) stores.set(resolved, (store = new CacheStore(resolved, debug ? (reason) => console.error(`debug  ${reason}`) : undefined)));
  return store;
}
