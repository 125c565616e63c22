import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mime from 'mime-types';

/** A built EPUB opened for the preview: its files by their path in the package, and its reading order. */
export interface EpubFiles {
  files: Map<string, { data: Uint8Array; type: string }>;
  /** The spine: each document's path in the package and its title from the nav (else its file name). */
  spine: { href: string; title: string }[];
}

/**
 * Opens the EPUB the epub target made, as an e-reader does: META-INF/container.xml names
 * the package document, whose spine gives the reading order. The preview's EPUB view
 * shows these very documents, with the package's stylesheet, fonts and images.
 */
export async function openEpub(bytes: Uint8Array): Promise<EpubFiles> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, { data: Uint8Array; type: string }>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files.set(entry.name, { data: await entry.async('uint8array'), type: mediaType(entry.name) });
  }
  const text = (name: string) => new TextDecoder().decode(files.get(name)?.data ?? new Uint8Array());
  const xml = (name: string) => new DOMParser().parseFromString(text(name) || '<none/>', 'application/xml');
  const opfPath = xml('META-INF/container.xml').getElementsByTagName('rootfile')[0]?.getAttribute('full-path') ?? '';
  const opf = xml(opfPath);
  const base = path.posix.dirname(opfPath);
  const items = new Map<string, { href: string; properties: string }>();
  for (const item of Array.from(opf.getElementsByTagName('item'))) {
    items.set(item.getAttribute('id') ?? '', { href: path.posix.join(base, item.getAttribute('href') ?? ''), properties: item.getAttribute('properties') ?? '' });
  }
  const titles = navTitles(files, [...items.values()].find((item) => item.properties.split(/\s+/).includes('nav'))?.href);
  const spine = Array.from(opf.getElementsByTagName('itemref')).flatMap((ref) => {
    const item = items.get(ref.getAttribute('idref') ?? '');
    return item ? [{ href: item.href, title: titles.get(item.href) ?? documentTitle(files, item.href) ?? path.posix.basename(item.href) }] : [];
  });
  return { files, spine };
}

/** The nav's label for each document it links to. */
function navTitles(files: EpubFiles['files'], navPath: string | undefined): Map<string, string> {
  const titles = new Map<string, string>();
  const nav = navPath && files.get(navPath);
  if (!nav || !navPath) return titles;
  const document = new DOMParser().parseFromString(new TextDecoder().decode(nav.data), 'application/xhtml+xml');
  for (const link of Array.from(document.getElementsByTagName('a'))) {
    const href = path.posix.join(path.posix.dirname(navPath), (link.getAttribute('href') ?? '').split('#')[0]!);
    if (!titles.has(href)) titles.set(href, (link.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  if (!titles.has(navPath)) titles.set(navPath, 'Contents');
  return titles;
}

/** A document's own <title>, for the pages the nav does not list (the title page, the copyright page). */
function documentTitle(files: EpubFiles['files'], href: string): string | undefined {
  const file = files.get(href);
  const title = file && new DOMParser().parseFromString(new TextDecoder().decode(file.data), 'application/xhtml+xml').getElementsByTagName('title')[0]?.textContent?.trim();
  return title || undefined;
}

function mediaType(name: string): string {
  if (name.endsWith('.xhtml')) return 'application/xhtml+xml';
  return mime.lookup(name) || 'application/octet-stream';
}
