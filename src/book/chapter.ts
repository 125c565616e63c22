import type { Root } from 'hast';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { FolioError, PluginError } from '../diagnostics/errors.js';
import { reportFailure } from '../diagnostics/failure.js';
import { error } from '../diagnostics/messages.js';
import { decodeChapter } from './read-chapter.js';
import { nestingLimit, textTooDeep } from '../plugins/remark-depth-limit.js';
import type { OutlineEntry } from './outline.js';
import { takeTitle } from './title.js';
import type { ChapterProcessor } from './processor.js';
import type { Chapter } from './types.js';

/**
 * Turns one chapter's text into HAST, once, and takes out its title (see title.ts).
 * Problems (bad frontmatter, no title)
 * are messages in the chapter's VFile; the chapter is returned all the same so that
 * every problem of the build can be reported together.
 */
export async function loadChapter(
  processor: ChapterProcessor,
  filePath: string,
  bytes: Buffer,
  entry: OutlineEntry,
  lang: string,
  root: string,
): Promise<Chapter> {
  // The edition's language travels with the file (a reporter names it beside a message),
  // and the book's folder (an include is read only from inside it).
  const file = new VFile({ path: filePath, data: { lang, bookRoot: root } });
  file.value = decodeChapter(bytes, file);
  let tree: Root = { type: 'root', children: [] };
  try {
    const deep = textTooDeep(String(file.value));
    if (deep) error(file, `The chapter nests quotes or lists more than ${nestingLimit} deep on this line; no edition can lay that out: flatten it`, deep, 'nesting-depth');
    else tree = (await processor.run(processor.parse(file), file)) as Root;
  } catch (cause) {
    chapterFailed(file, cause);
  }
  const frontmatter = file.data.frontmatter ?? {};
  const given = frontmatter.title;
  const written = typeof given === 'string' ? given.trim() : '';
  const title = takeTitle(tree, written || undefined, entry.label);
  // Reported whatever else is wrong with the chapter: every problem shows in one build.
  if (!title && !file.data.frontmatterInvalid) {
    const wrong = given === undefined || given === null || typeof given === 'string' ? undefined : Array.isArray(given) ? 'a list' : typeof given === 'object' ? 'a map' : `a ${typeof given}`;
    const reason = wrong
      ? `The chapter's \`title\` is ${wrong}; it must be text: \`title: My chapter\``
      : 'The chapter has no title: start it with a `# Heading`, or add `title: …` to its frontmatter';
    error(file, reason, wrong ? (file.data.frontmatterPlaces?.title ?? { line: 1, column: 1 }) : { line: 1, column: 1 }, 'chapter-title');
  }
  return {
    slug: entry.slug,
    lang,
    role: entry.role,
    number: entry.number,
    file,
    title: title?.text ?? entry.slug,
    titleNodes: title?.nodes,
    titleAnchor: title?.anchor,
    frontmatter,
    tree,
    ids: new Set(),
  };
}

/**
 * A chapter whose pipeline stopped: a fatal message from a Folio plugin (the nesting
 * limit) is reported as it is; a book plugin's failure names the plugin; anything else
 * (a bug) is still an error at the chapter rather than the end of the build.
 */
function chapterFailed(file: VFile, cause: unknown): void {
  if (cause instanceof VFileMessage) {
    if (!file.messages.includes(cause)) file.messages.push(cause);
    cause.fatal = true;
    return;
  }
  if (cause instanceof FolioError) {
    error(file, cause.message, { line: 1, column: 1 }, cause instanceof PluginError ? 'plugin-failed' : 'chapter-failed').cause = cause;
    return;
  }
  // Not a message and not a FolioError (a book's plugin is guarded into a PluginError): a bug in Folio.
  reportFailure(file, 'The chapter could not be processed', cause, { line: 1, column: 1 }, 'chapter-failed');
}
