import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { warn } from '../diagnostics/messages.js';

/** Elements a book cannot carry: code that would run, remote content, page-level tags. */
const removed: Record<string, string> = {
  script: 'scripts do not run in a book',
  noscript: 'scripts do not run in a book',
  iframe: 'an edition must not load other pages',
  object: 'an edition must not load other pages',
  embed: 'an edition must not load other pages',
  style: 'put styles in the book’s `stylesheet` instead',
  link: 'put styles in the book’s `stylesheet` instead',
  meta: 'it belongs in the page head, which Folio writes',
  base: 'it belongs in the page head, which Folio writes',
};

const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref'];

/**
 * Raw HTML written in a chapter is kept, but nothing in it may run: script-like elements,
 * event handler attributes (`onclick`) and `javascript:` URLs are removed, each with a
 * warning at its place in the markdown, so the author knows what left the book.
 */
export default function rehypeRemoveScripts() {
  return function (tree: Root, file: VFile) {
    visit(tree, 'element', (node: Element, index, parent) => {
      const reason = removed[node.tagName];
      if (reason && parent && index !== undefined) {
        warn(file, `Removed <${node.tagName}> from the chapter: ${reason}`, node, 'html-removed');
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on[A-Z]/.test(name)) {
          warn(file, `Removed the ${name.toLowerCase()} attribute of <${node.tagName}>: scripts do not run in a book`, node, 'html-removed');
          delete node.properties[name];
        } else if (urlProperties.includes(name) && typeof value === 'string' && /^\s*javascript:/i.test(value)) {
          warn(file, `Removed a javascript: URL from <${node.tagName}>: scripts do not run in a book`, node, 'html-removed');
          delete node.properties[name];
        }
      }
      return undefined;
    });
  };
}
