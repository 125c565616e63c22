import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** A request's path, split and decoded, or why it is refused. */
export type RequestPath = { ok: true; segments: string[]; trailingSlash: boolean; query: URLSearchParams } | { ok: false; status: 400 | 403; reason: string };

/**
 * Splits the path of a request exactly as it arrived (a client may send `/../book.yaml` or
 * `/%2e%2e/book.yaml` unnormalized), decoding each segment once. A segment that is or
 * decodes to `.` or `..`, or that decodes to something holding a slash, a backslash or a
 * NUL, refuses the whole request (403) rather than being normalized away: no route has a
 * reason to receive one, so it is an attempt to leave a folder. Only origin-form targets
 * (`/…`) are taken.
 */
export function splitRequestPath(target: string): RequestPath {
  if (!target.startsWith('/')) return { ok: false, status: 400, reason: 'not a path' };
  const end = target.search(/[?#]/);
  const rawPath = end === -1 ? target : target.slice(0, end);
  const query = new URLSearchParams(end === -1 || target[end] === '#' ? '' : target.slice(end + 1).split('#')[0]);
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'bad percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return { ok: false, status: 403, reason: 'leaves its folder' };
    if (segment !== '') segments.push(segment);
  }
  return { ok: true, segments, trailingSlash: rawPath.endsWith('/'), query };
}

/**
 * The file `segments` name inside `base`, only if it is a regular file that is really
 * there: after following symlinks it must still be inside `base` (a link out of the
 * folder is refused like `..`). Undefined for anything else, folders included: the
 * preview lists no folder.
 */
export function fileInside(base: string, segments: readonly string[]): string | undefined {
  let realBase: string;
  let real: string;
  try {
    realBase = realpathSync(base);
    real = realpathSync(path.join(base, ...segments));
  } catch {
    return undefined;
  }
  if (!real.startsWith(realBase + path.sep)) return undefined;
  return statSync(real).isFile() ? real : undefined;
}

/** The host names the preview answers to: a page of another site that rebinds its name to 127.0.0.1 gets nothing. */
export function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
