import type { VFile } from 'vfile';

/**
 * A book that uses a language highlight.js does not know usually does so in many blocks:
 * one warning per language for the whole book (at its first block, counting the rest) says
 * as much as one per block and does not bury the other messages. Merging the messages of
 * several loads (threads) again sums their counts.
 */
export function oneWarningPerLanguage(files: readonly VFile[]): void {
  const first = new Map<string, { message: VFile['messages'][number]; count: number }>();
  for (const file of files) {
    file.messages = file.messages.filter((message) => {
      if (message.ruleId !== 'missing-language') return true;
      const lang = /`([^`]*)`/.exec(message.reason)?.[1] ?? '';
      const count = Number(/\((\d+) blocks in the book/.exec(message.reason)?.[1] ?? 1);
      const seen = first.get(lang);
      if (seen) {
        seen.count += count;
        return false;
      }
      first.set(lang, { message, count });
      return true;
    });
  }
  for (const [lang, { message, count }] of first) {
    const more = count > 1 ? ` (${count} blocks in the book; this is the first)` : '';
    message.reason = message.message = `Code in \`${lang}\` is printed without highlighting: highlight.js has no such language or alias${more}`;
  }
}
