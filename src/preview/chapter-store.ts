import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import type { ChapterStore } from '../book/load.js';
import type { Chapter } from '../book/types.js';
import { cloneTree } from '../hast/tree.js';
import { restoreMessage, serializeMessage, type SerializedMessage } from '../diagnostics/serialize.js';

interface Kept {
  chapter: Omit<Chapter, 'file' | 'ids'>;
  ids: string[];
  file: { path: string; value: string; data: VFile['data']; messages: SerializedMessage[] };
}

/**
 * The chapters of the preview's last load, so that a save reprocesses only the chapter
 * that changed: on the guide, processing every chapter again took seconds, one chapter a
 * tenth of that. A chapter is kept by its file, language, place in the contents and
 * bytes; anything else it is made from (book.yaml, plugins, images it measures, included
 * files) is not in the key, so the session calls `clear()` whenever a file other than a
 * chapter changes. Each `get` hands out a deep copy: the edition's passes (unique ids,
 * links, table numbers) change the chapter they are given.
 */
export class ChapterMemory implements ChapterStore {
  private kept = new Map<string, Kept>();
  private used = new Set<string>();
  /** Chapters made, and taken from memory, since the last `counts()`: for the terminal line and the tests. */
  private made = 0;
  private reused = 0;

  async get(request: Parameters<ChapterStore['get']>[0], make: () => Promise<Chapter>): Promise<Chapter> {
    const key = keyOf(request);
    this.used.add(key);
    const known = this.kept.get(key);
    if (known) {
      this.reused++;
      return revive(known);
    }
    const chapter = await make();
    this.made++;
    const kept = keep(chapter);
    this.kept.set(key, kept);
    return revive(kept);
  }

  /** Forgets every chapter (something they are made from, other than their own text, changed). */
  clear(): void {
    this.kept.clear();
    this.used.clear();
  }

  /** After a load: keeps only the chapters it used, so an edited chapter's older versions go. */
  prune(): void {
    for (const key of this.kept.keys()) if (!this.used.has(key)) this.kept.delete(key);
    this.used.clear();
  }

  counts(): { made: number; reused: number } {
    const counts = { made: this.made, reused: this.reused };
    this.made = this.reused = 0;
    return counts;
  }
}

/** The key of a chapter: everything loadBook passes to make it, the text by its hash. */
export function keyOf({ lang, filePath, bytes, entry }: Parameters<ChapterStore['get']>[0]): string {
  const digest = createHash('sha256').update(bytes).digest('hex');
  return JSON.stringify([lang, filePath, digest, entry.slug, entry.role, entry.number ?? null, entry.part ?? null, entry.file ?? null, entry.label ?? null]);
}

/** Keeps a chapter just made (nothing else holds it yet: it is kept as it is, and only ever handed out as copies). */
function keep(chapter: Chapter): Kept {
  const { file, ids, ...rest } = chapter;
  return {
    chapter: rest,
    ids: [...ids],
    file: { path: file.path, value: String(file.value), data: structuredClone(file.data), messages: file.messages.map(serializeMessage) },
  };
}

/**
 * A copy the edition's passes may change: the tree by cloneTree (new nodes, properties and
 * child lists; positions and text values, which no pass changes, shared), which on the
 * guide is an order of magnitude cheaper than structuredClone and makes far less garbage.
 */
function revive(kept: Kept): Chapter {
  const file = new VFile({ path: kept.file.path, value: kept.file.value, data: structuredClone(kept.file.data) });
  for (const message of kept.file.messages) restoreMessage(file, message);
  const { tree, titleNodes, frontmatter, ...rest } = kept.chapter;
  return {
    ...rest,
    tree: cloneTree(tree),
    titleNodes: titleNodes && cloneTree({ type: 'root', children: titleNodes }).children as Chapter['titleNodes'],
    frontmatter: structuredClone(frontmatter),
    ids: new Set(kept.ids),
    file,
  };
}
