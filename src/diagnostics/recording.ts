import { AsyncLocalStorage } from 'node:async_hooks';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** A message some work gave, and whether it was given once per build (warnOnce). */
export interface RecordedMessage {
  file: VFile;
  message: VFileMessage;
  once: boolean;
}

const recording = new AsyncLocalStorage<RecordedMessage[]>();

/**
 * Runs `work` and lists every message it gives, through the helpers of messages.ts, in
 * whatever async code it runs (editions render side by side: each recording sees only
 * its own). A message warnOnce did not repeat, because another edition gave it first,
 * is listed too: it is what this work would have said alone. The build cache keeps the
 * list with an output, so a build that reuses the output still reports it.
 */
export async function recordMessages<Value>(work: () => Promise<Value>): Promise<{ value: Value; messages: RecordedMessage[] }> {
  const messages: RecordedMessage[] = [];
  const value = await recording.run(messages, work);
  return { value, messages };
}

/** Called by messages.ts for each message given. */
export function noteMessage(file: VFile, message: VFileMessage, once: boolean): void {
  recording.getStore()?.push({ file, message, once });
}
