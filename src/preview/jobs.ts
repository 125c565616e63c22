/**
 * Runs one job at a time, the newest winning: starting a job aborts the one running (its
 * signal fires) and a job that was waiting for it is dropped unstarted. A save that
 * comes while the PDF of the save before is printing thus stops that print instead of
 * queueing behind it.
 */
export class LatestJob<Result> {
  private running: { controller: AbortController; done: Promise<unknown> } | undefined;
  private ticket = 0;

  /** Starts `work`; resolves to its result, or to undefined when a newer job superseded it (or it failed after being aborted). */
  async run(work: (signal: AbortSignal) => Promise<Result>): Promise<Result | undefined> {
    const ticket = ++this.ticket;
    const previous = this.running;
    previous?.controller.abort();
    await previous?.done.catch(() => undefined);
    if (ticket !== this.ticket) return undefined; // a newer job came while the old one stopped
    const controller = new AbortController();
    const done = work(controller.signal);
    this.running = { controller, done };
    try {
      const result = await done;
      return controller.signal.aborted ? undefined : result;
    } catch (cause) {
      if (controller.signal.aborted) return undefined;
      throw cause;
    } finally {
      if (this.running?.done === done) this.running = undefined;
    }
  }

  /** Stops the running job, if any. */
  cancel(): void {
    this.ticket++;
    this.running?.controller.abort();
  }
}
