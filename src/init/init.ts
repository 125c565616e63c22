import { existsSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'yaml';
import { UsageError } from '../diagnostics/errors.js';
import { writeAtomic } from '../output/write.js';
import { guessBook } from './guess.js';

export interface InitResult {
  /** The book.yaml written. */
  path: string;
  /** What was read from the folder and what was guessed. */
  notes: string[];
}

/**
 * `folio init --from <folder>`: writes `<folder>/book.yaml` for an existing book, so it
 * builds without any file of it edited. An existing book.yaml is kept unless `force`.
 */
export async function initBook(folder: string, options: { force?: boolean } = {}): Promise<InitResult> {
  const root = path.resolve(folder);
  if (!existsSync(root)) throw new UsageError(`No folder ${folder}`);
  const target = path.join(root, 'book.yaml');
  if (existsSync(target) && !options.force) {
    throw new UsageError(`${path.relative(process.cwd(), target) || 'book.yaml'} exists already; add --force to replace it`);
  }
  // Problems of the folder are UsageErrors from guessBook; anything else it throws is a bug.
  const guess = guessBook(root);
  const doc = new Document(guess.manifest);
  doc.commentBefore = ` Written by folio init from the book's own files; see Folio's README for every key.`;
  await writeAtomic(target, doc.toString({ lineWidth: 0 }));
  return { path: target, notes: guess.notes };
}
