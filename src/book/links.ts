import path from 'node:path';
import type { Element } from 'hast';
import { eachElement } from '../hast/tree.js';
import { warn } from '../diagnostics/messages.js';
import type { Chapter } from './types.js';

/** What link resolution needs to know about the book beyond one edition. */
export interface LinkContext {
  /** Every slug the contents list (present in this edition or not). */
  outlineSlugs: ReadonlySet<string>;
  /** The edition's chapters by slug. */
  chapters: ReadonlyMap<string, Chapter>;
  /** Per chapter, the id the author wrote → the id in the book (see uniqueIds). */
  ids: ReadonlyMap<Chapter, ReadonlyMap<string, string>>;
  /** Base URL of the book's site, for site-absolute links. */
  site?: string;
  /** Site path of a chapter, `/insights/{slug}`. */
  chapterUrl?: string;
  /** The source file of `slug` in this edition's language (for relative `x.md` links). */
  sourceOf(slug: string): string;
}

/**
 * Rewrites the links of a chapter so that every target can use them:
 * - a link to a chapter of the book (`/insights/<slug>` by `chapterUrl`, or a relative
 *   `other.md#anchor`) becomes `#<id>` (targets that split the book into files map the id
 *   to its file);
 * - other site-absolute links (`/pricing`) become absolute on `site`;
 * - a link to an anchor that does not exist is a warning at the link.
 */
export function resolveLinks(chapter: Chapter, context: LinkContext): void {
  const chapterPattern = context.chapterUrl ? patternOf(context.chapterUrl) : undefined;
  const siteOrigin = context.site ? new URL(context.site).origin : undefined;

  eachElement(chapter.tree, (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    const href = node.properties.href;
    const [target, fragment] = splitFragment(href);

    // Same-chapter anchor.
    if (target === '') {
      node.properties.href = `#${anchor(chapter, chapter, fragment, node)}`;
      return;
    }

    // A link into the book's own site, written absolute: treat it as site-absolute.
    let sitePath: string | undefined;
    if (target.startsWith('/') && !target.startsWith('//')) sitePath = target;
    else if (siteOrigin && target.startsWith(siteOrigin + '/')) sitePath = target.slice(siteOrigin.length);

    if (sitePath !== undefined) {
      const slug = chapterPattern?.exec(sitePath.replace(/\/$/, ''))?.[1];
      if (slug && context.outlineSlugs.has(slug)) {
        linkToChapter(node, chapter, slug, fragment, context);
        return;
      }
      if (context.site) node.properties.href = new URL(href, context.site).href;
      else if (!target.startsWith('http')) warn(chapter.file, `Site-absolute link ${href} cannot be resolved: set \`site\` in book.yaml`, node, 'link-site');
      return;
    }

    // A relative link to another chapter's file: `other.md#anchor`, or the page a tool
    // like mdBook makes of it (`other.html`, `index.html` for README.md).
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('//')) {
      const resolved = path.resolve(path.dirname(chapter.file.path), safeDecode(target));
      const names = new Set([resolved, resolved + '.md', resolved.replace(/\.html?$/i, '.md'), resolved.replace(/(^|[\\/])index\.html?$/i, '$1README.md')]);
      const slug = [...context.outlineSlugs].find((candidate) => names.has(context.sourceOf(candidate)));
      if (slug) linkToChapter(node, chapter, slug, fragment, context);
      else {
        // A book has no such file. On the book's site, where the chapter is published, the
        // link still leads somewhere; anywhere else it would not, so its text stays, unlinked.
        const published = onSite(href, chapter.slug, context);
        if (published) {
          warn(chapter.file, `Link to ${target}, which is not a chapter of the book: linked on the site, ${published}`, node, 'link-missing-chapter');
          node.properties.href = published;
        } else {
          warn(chapter.file, `Link to ${target}, which is not a chapter of the book: printed as text. Link to a chapter's .md file or to an absolute URL`, node, 'link-missing-chapter');
          unlink(node);
        }
      }
    }
  });

  function anchor(from: Chapter, to: Chapter, fragment: string | undefined, node: Element): string {
    if (fragment === undefined || fragment === '') return to.slug;
    const id = context.ids.get(to)?.get(decodeURIComponent(fragment));
    if (id) return id;
    const where = from === to ? 'this chapter' : `chapter ${to.slug}`;
    warn(from.file, `Link to #${fragment}, but ${where} has no such anchor; linking to the chapter instead`, node, 'link-missing-anchor');
    return to.slug;
  }

  function linkToChapter(node: Element, from: Chapter, slug: string, fragment: string | undefined, context: LinkContext) {
    const to = context.chapters.get(slug);
    if (to) {
      node.properties.href = `#${anchor(from, to, fragment, node)}`;
      return;
    }
    // Listed in the contents but absent from this edition (already reported once per
    // edition): point readers at the published chapter when the site has one.
    if (context.site && context.chapterUrl) {
      const url = new URL(context.chapterUrl.replace('{slug}', slug), context.site);
      if (fragment) url.hash = fragment;
      node.properties.href = url.href;
    } else {
      unlink(node);
    }
  }
}

/** Where a relative link of a chapter leads on the book's site (by `chapterUrl`), if it stays on the site. */
function onSite(href: string, slug: string, context: LinkContext): string | undefined {
  if (!context.site || !context.chapterUrl) return undefined;
  const site = new URL(context.site);
  const url = new URL(href, new URL(context.chapterUrl.replace('{slug}', slug), site));
  return url.origin === site.origin && url.pathname.startsWith(site.pathname) ? url.href : undefined;
}

/** Turns a link into a span of its text, keeping only what a span may carry. */
function unlink(node: Element): void {
  const { id, className, title, lang, dir } = node.properties;
  node.tagName = 'span';
  node.properties = Object.fromEntries(Object.entries({ id, className, title, lang, dir }).filter(([, value]) => value !== undefined));
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

function splitFragment(href: string): [string, string | undefined] {
  const index = href.indexOf('#');
  return index === -1 ? [href, undefined] : [href.slice(0, index), href.slice(index + 1)];
}

/** `/insights/{slug}` → /^\/insights\/([^/]+)$/ */
function patternOf(template: string): RegExp {
  const [before, after] = template.split('{slug}') as [string, string];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(before)}([^/?#]+)${escape(after.replace(/\/$/, ''))}$`);
}
