import { statSync } from 'node:fs';
import mime from 'mime-types';
import { readImageFile } from './svg.js';

const encoded = new Map<string, { stamp: string; uri: string }>();

/**
 * A file as a data URI, for outputs that must be self-contained (an SVG cleaned, see svg.ts). Encoded once per version
 * of the file: every edition of a build embeds the same fonts and cover (the guide's
 * cover alone is 1.2 MB of base64, sixteen times over).
 */
export function dataUri(filePath: string, mediaType: string): string {
  const { mtimeMs, size } = statSync(filePath);
  const stamp = `${mediaType} ${mtimeMs} ${size}`;
  const known = encoded.get(filePath);
  if (known?.stamp === stamp) return known.uri;
  const uri = `data:${mediaType};base64,${readImageFile(filePath).toString('base64')}`;
  encoded.set(filePath, { stamp, uri });
  return uri;
}

/** A local file as a data URI of its own media type (see dataUri). */
export function fileDataUri(filePath: string): string {
  return dataUri(filePath, mime.lookup(filePath) || 'application/octet-stream');
}
