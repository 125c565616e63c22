/**
 * Which generation of an edition's HTML a page has shown (the page says so once it has
 * swapped it in). After a save the PDF and the EPUB are made once the page shows the new
 * HTML, not at the same moment: they are seconds of work on the server's one thread and
 * in Chromium, on the same two cores, and the page's fetch and swap waited behind them.
 * When no page says so (none is open, or it is gone), they start after `patience` ms.
 */
export class ShownHtml {
  private shown = 0;
  private waiting: { generation: number; done: () => void }[] = [];

  /** A page shows the HTML of `generation`. */
  mark(generation: number): void {
    this.shown = Math.max(this.shown, generation);
    const ready = this.waiting.filter((waiter) => waiter.generation <= this.shown);
    this.waiting = this.waiting.filter((waiter) => waiter.generation > this.shown);
    for (const waiter of ready) waiter.done();
  }

  /** Resolves once a page shows `generation` (or a later one), or after `patience` ms. */
  until(generation: number, patience: number): Promise<void> {
    if (this.shown >= generation) return Promise.resolve();
    return new Promise((resolve) => {
      // Unreferenced: a wait for a page must not keep a stopped preview's process alive.
      const timer = setTimeout(() => done(), patience).unref();
      const done = () => {
        clearTimeout(timer);
        this.waiting = this.waiting.filter((waiter) => waiter.done !== done);
        resolve();
      };
      this.waiting.push({ generation, done });
    });
  }
}
