import mime from 'mime-types';
import { readImageFile } from './svg.js';

/**
 * Files as data URIs, for outputs that must be self-contained (an SVG cleaned, see
 * svg.ts), each file encoded once: every edition of a build embeds the same fonts and
 * cover (the guide's cover alone is 1.2 MB of base64, sixteen times over). One per build
 * (see build-context.ts), so a file changed between two builds is read again.
 */
export class DataUris {
  private readonly encoded = new Map<string, string>();

  /** `filePath` as a data URI of `mediaType`. */
  of(filePath: string, mediaType: string): string {
    const key = `${mediaType} ${filePath}`;
    let uri = this.encoded.get(key);
    if (uri === undefined) {
      uri = `data:${mediaType};base64,${readImageFile(filePath).toString('base64')}`;
      this.encoded.set(key, uri);
    }
    return uri;
  }

  /** A local file as a data URI of its own media type (by its name). */
  file = (filePath: string): string => this.of(filePath, mime.lookup(filePath) || 'application/octet-stream');
}
