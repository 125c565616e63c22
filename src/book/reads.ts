import type { VFile } from 'vfile';

/**
 * Every file a chapter's processing looked at besides the chapter itself (an image it
 * measured, a file it included), found or not, by the path it looked for. The build cache
 * keeps a chapter's tree only as long as each of these is still what it was (or still
 * missing: an image added later must be found then).
 */
export function noteRead(file: VFile, filePath: string): void {
  (file.data.reads ??= []).push(filePath);
}

declare module 'vfile' {
  interface DataMap {
    /** Files the chapter's processing read or looked for (see noteRead). */
    reads: string[];
  }
}
