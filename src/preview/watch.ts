import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Watches folders, one level each (Node's fs.watch on a folder, which on Linux is one
 * inotify watch and sees a file saved in place as well as one replaced by a rename, as
 * editors save), and hands over the changed paths in batches: one save is often several
 * events (truncate, write, rename of a backup), so a batch closes `quietMs` after its
 * last event.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onBatch: (paths: Set<string>) => void,
    private readonly quietMs = 15,
  ) {}

  /** Watches exactly these folders from now on (a folder that does not exist is skipped; its parent usually is watched). */
  watch(dirs: Iterable<string>): void {
    const wanted = new Set(dirs);
    for (const [dir, watcher] of this.watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => this.changed(name ? path.join(dir, name.toString()) : dir));
        watcher.on('error', () => {
          // A folder that went away: the next rebuild watches what exists then.
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch {
        // Not there (yet): nothing to watch.
      }
    }
  }

  get watching(): number {
    return this.watchers.size;
  }

  private changed(file: string): void {
    this.pending.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const batch = this.pending;
      this.pending = new Set();
      this.onBatch(batch);
    }, this.quietMs);
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
