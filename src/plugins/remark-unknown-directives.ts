import type { Code, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../diagnostics/messages.js';

/** mdBook's `{{#name …}}` and GitBook's or Liquid's `{% name … %}`, in the text. */
const textDirective = /\{\{\s*#[\w-]+[^}]*\}\}|\{%-?\s*[\w-]+[^%]*%\}/g;
/** mdBook's directives on a line of their own in a code block (where `{% … %}` may well be code). */
const codeDirective = /^\s*\{\{\s*#(?:include|rustdoc_include|playground|playpen|title)\b[^}]*\}\}\s*$/m;

/**
 * Directives of other book tools that no plugin of this book understood are printed as
 * they are, so each is a warning at its place: the author learns which plugin to add
 * (`folio/mdbook`) or what to rewrite, instead of finding `{{#include …}}` in print.
 */
export default function remarkUnknownDirectives() {
  return function (tree: Root, file: VFile) {
    visit(tree, (node) => {
      if (node.type === 'text') {
        for (const match of (node as Text).value.matchAll(textDirective)) {
          const hint = match[0].startsWith('{%') ? 'a GitBook or Liquid tag' : 'an mdBook directive (folio/mdbook reads {{#include}} and {{#rustdoc_include}})';
          warn(file, `${match[0]} is ${hint}, which Folio prints as text: remove it or rewrite it in markdown`, node, 'directive-unknown');
        }
      } else if (node.type === 'code') {
        const match = codeDirective.exec((node as Code).value);
        if (match) warn(file, `${match[0].trim()} is an mdBook directive, which Folio prints as code: add folio/mdbook to book.yaml's plugins`, node, 'directive-unknown');
      }
    });
  };
}
