import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { aboutEdition, editionOf } from './diagnostic.js';

/** A message as plain data, to cross between threads (a build thread, a chapter worker). */
export interface SerializedMessage {
  reason: string;
  place?: Point | Position;
  fatal: boolean | null | undefined;
  ruleId?: string;
  source?: string;
  /** The edition a message of book.yaml is about. */
  lang?: string;
}

export function serializeMessage(message: VFileMessage): SerializedMessage {
  return { reason: message.reason, place: message.place, fatal: message.fatal, ruleId: message.ruleId, source: message.source, lang: editionOf(message) };
}

/** Adds `message` back to `file` as the message it was. */
export function restoreMessage(file: VFile, message: SerializedMessage): void {
  const restored = new VFileMessage(message.reason, { place: message.place, ruleId: message.ruleId, source: message.source });
  restored.fatal = message.fatal;
  restored.file = file.path;
  if (message.lang) aboutEdition(restored, message.lang);
  file.messages.push(restored);
}
