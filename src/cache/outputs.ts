import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { readFile, stat as statNumbers } from 'node:fs/promises';
import path from 'node:path';
import type { Book, Edition } from '../book/types.js';
import { warnOnce } from '../diagnostics/messages.js';
import { recordMessages, type RecordedMessage } from '../diagnostics/recording.js';
import { restoreMessage, serializeMessage, type SerializedMessage } from '../diagnostics/serialize.js';
import { outputKey } from './output-key.js';
import { cacheStore, type CacheStore } from './store.js';

/** What an output's entry holds: each file's hash and size, and the messages its rendering gave. */
interface OutputEntry {
  /** Each file's hash and size, and its size, time and inode once written (`stamp`): a file with that stamp is not read again. */
  files: { suffix: string; sha256: string; size: number; stamp?: string }[];
  messages: { chapter: number | undefined; message: SerializedMessage; once: boolean }[];
}

/** An output found in the cache: the files that hold it already, and its messages. */
export interface CachedOutput {
  paths: string[];
  replay(): void;
}

/**
 * The files of each edition and format, kept between builds by a key of everything they
 * were made from (see outputKey). A hit is only a hit when the files at the output paths
 * are still the bytes the entry names: then nothing is rendered and nothing is written,
 * and the messages the rendering gave are given again. The bytes themselves are not kept:
 * a missing or changed file is rendered again.
 */
export class OutputCache {
  private readonly keys = new Map<Edition, Map<string, Promise<string>>>();
  private readonly found = new Map<string, Promise<OutputEntry | undefined>>();

  constructor(private readonly store: CacheStore) {}

  /** The job's key (made once per build: the build asks before it renders, see needsBrowser). */
  key(job: OutputJob): Promise<string> {
    let keys = this.keys.get(job.edition);
    if (!keys) this.keys.set(job.edition, (keys = new Map()));
    let key = keys.get(job.format);
    if (!key) keys.set(job.format, (key = outputKey(job.book, job.edition, job.format, job.needsBrowser)));
    return key;
  }

  /** Whether any of these jobs must be printed: the build then starts Chromium at once. */
  async needsBrowser(jobs: readonly OutputJob[]): Promise<boolean> {
    const printed = jobs.filter((job) => job.needsBrowser);
    const hits = await Promise.all(printed.map(async (job) => Boolean(await this.lookup(await this.key(job), job))));
    return hits.includes(false);
  }

  async lookup(key: string, { stem, book, edition }: OutputJob): Promise<CachedOutput | undefined> {
    const id = `${key}\0${stem}`;
    let found = this.found.get(id);
    if (!found) this.found.set(id, (found = this.entry(key, stem)));
    const entry = await found;
    if (!entry) return undefined;
    return {
      paths: entry.files.map((file) => `${stem}${file.suffix}`),
      replay: () => {
        for (const { chapter, message, once } of entry.messages) {
          const file = chapter === undefined ? book.manifestFile : edition.chapters[chapter]!.file;
          if (once) warnOnce(file, message.reason, message.place, message.ruleId ?? '');
          else restoreMessage(file, message);
        }
      },
    };
  }

  private async entry(key: string, stem: string): Promise<OutputEntry | undefined> {
    const entry = await this.store.get<OutputEntry>('outputs', key);
    if (!entry || !(await Promise.all(entry.files.map((file) => holds(`${stem}${file.suffix}`, file)))).every(Boolean)) return undefined;
    return entry;
  }

  /** Keeps an output rendered from `key`, unless a message of it went to a file no edition owns. */
  async keep(key: string, files: ReadonlyMap<string, string | Uint8Array>, messages: readonly RecordedMessage[], { book, edition, stem }: OutputJob): Promise<void> {
    const owners = new Map<unknown, number | undefined>([[book.manifestFile, undefined], ...edition.chapters.map((chapter, index) => [chapter.file, index] as const)]);
    if (messages.some(({ file, message }) => !owners.has(file) || message.fatal)) return;
    const stamps = await Promise.all([...files.keys()].map((suffix) => stat(`${stem}${suffix}`).then(stampOf, () => undefined)));
    await this.store.set('outputs', key, {
      files: [...files].map(([suffix, data], index) => ({ suffix, sha256: sha256(data), size: Buffer.byteLength(data), stamp: stamps[index] })),
      messages: messages.map(({ file, message, once }) => ({ chapter: owners.get(file), message: serializeMessage(message), once })),
    } satisfies OutputEntry);
  }
}

/**
 * Whether a build may find every output unchanged, so that it starts Chromium only once a
 * print is found missing: it has an output cache that holds outputs of an earlier build.
 */
export function mayReuse(dir: string | undefined): boolean {
  return Boolean(outputCache(dir)) && existsSync(path.join(dir!, 'outputs'));
}

/** The output cache of a build with a cache folder, else none. */
export function outputCache(dir: string | undefined): OutputCache | undefined {
  // A build asked to keep its print HTML (benchmarks) must print.
  return dir && !process.env.FOLIO_PRINT_HTML_DIR ? new OutputCache(cacheStore(dir)) : undefined;
}

/** Nanosecond times: a rewrite within the same millisecond still shows. */
const stat = (file: string) => statNumbers(file, { bigint: true });
const stampOf = (info: BigIntStats) => `${info.size}:${info.mtimeNs}:${info.ino}`;

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Whether the file at `file` is the bytes an entry names. */
async function holds(file: string, expected: OutputEntry['files'][number]): Promise<boolean> {
  try {
    const info = await stat(file);
    if (Number(info.size) !== expected.size) return false;
    // The very file this cache saw written (same size, time to the nanosecond, inode): no need to read it.
    if (expected.stamp !== undefined && stampOf(info) === expected.stamp) return true;
    return sha256(await readFile(file)) === expected.sha256;
  } catch {
    return false;
  }
}

/** One file set to make: an edition in a format, written at `${stem}${suffix}`. */
export interface OutputJob {
  book: Book;
  edition: Edition;
  format: string;
  needsBrowser: boolean;
  stem: string;
}

type Files = ReadonlyMap<string, string | Uint8Array>;

/**
 * Makes a job's files through the cache: the files already there when the entry holds
 * (`unchanged`, nothing written), else `render` and `write`, and the entry kept. Without a
 * cache, render and write. Messages are recorded either way, so a build with a cache and
 * one without give the same messages.
 */
export async function renderThrough(
  cache: OutputCache | undefined,
  job: OutputJob,
  render: () => Promise<Files>,
  write: (files: Files) => Promise<string[]>,
): Promise<{ paths: string[]; unchanged: boolean }> {
  const key = cache && (await cache.key(job));
  const cached = key && (await cache.lookup(key, job));
  if (cached) {
    cached.replay();
    return { paths: cached.paths, unchanged: true };
  }
  const { value: files, messages } = await recordMessages(render);
  const paths = await write(files);
  if (key) await cache.keep(key, files, messages, job);
  return { paths, unchanged: false };
}
