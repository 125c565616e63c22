import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { noteMessage } from './recording.js';

/** Where a message points: a node with a position, a point or a range. */
export type Place = Node | Point | Position | undefined;

function placeOf(place: Place): Point | Position | undefined {
  if (!place) return undefined;
  if ('type' in place) return place.position;
  return place;
}

/** Adds an error (fatal: true) to `file`, located at `place`, with a rule id. */
export function error(file: VFile, reason: string, place: Place, ruleId: string): VFileMessage {
  const message = file.message(reason, { place: placeOf(place), ruleId, source: 'folio' });
  message.fatal = true;
  noteMessage(file, message, false);
  return message;
}

/** Adds a warning (fatal: false) to `file`, located at `place`, with a rule id. */
export function warn(file: VFile, reason: string, place: Place, ruleId: string): VFileMessage {
  const message = file.message(reason, { place: placeOf(place), ruleId, source: 'folio' });
  noteMessage(file, message, false);
  return message;
}

/**
 * A warning about the book as a whole, given once however many editions come upon it
 * (every edition of a book shares its cover, say).
 */
export function warnOnce(file: VFile, reason: string, place: Place, ruleId: string): void {
  const given = file.messages.find((message) => message.reason === reason && message.ruleId === ruleId);
  noteMessage(file, given ?? file.message(reason, { place: placeOf(place), ruleId, source: 'folio' }), true);
}

/** Counts errors and warnings over any number of files. */
export function countMessages(files: Iterable<VFile>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal) errors++;
      else if (message.fatal === false) warnings++;
    }
  }
  return { errors, warnings };
}

/** True when any of `files` holds an error. */
export function hasErrors(files: Iterable<VFile>): boolean {
  return countMessages(files).errors > 0;
}
