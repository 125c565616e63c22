import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { createLowlight } from 'lowlight';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { grammarsFor, loadGrammars, ownedAliases } from '../book/highlighter.js';

export interface HighlightCodeOptions {
  /** Languages printed as they are, never highlighted (default none). */
  plainText?: readonly string[];
}

type Lowlight = ReturnType<typeof createLowlight>;

/**
 * Highlights each `<pre><code class="language-x">` with highlight.js (through lowlight), as
 * rehype-highlight does with every grammar registered and no guessing, to the byte; but
 * it loads only the grammars the chapter's code needs, when it first needs them. Loading
 * and registering all ~190 grammars took a tenth of a small book's build. Blocks without
 * a language, `no-highlight` and `plainText` ones are left alone; a language highlight.js
 * does not know is a warning at its block (book/code-languages.ts makes it one per book).
 */
export default function rehypeHighlightCode(options?: HighlightCodeOptions) {
  const plainText = options?.plainText ?? [];
  // The grammars of the edition, registered as its chapters need them. A grammar that
  // guesses among all the others (`http`) gets an instance with every grammar, registered
  // in the order rehype-highlight registered them, so that its guesses are the same.
  const some = createLowlight();
  let every: Lowlight | undefined;

  return async function (tree: Root, file: VFile) {
    const blocks: { node: Element; parent: Element; lang: string }[] = [];
    visit(tree, 'element', (node: Element, _, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const lang = language(node);
      if (lang && !plainText.includes(lang)) blocks.push({ node, parent, lang });
    });
    if (blocks.length === 0) return;
    const needed = grammarsFor(blocks.map((block) => block.lang));
    let lowlight: Lowlight = some;
    if (needed === 'all') {
      if (!every) {
        every = createLowlight();
        for (const [name, grammar] of await loadGrammars('all')) every.register(name, grammar);
      }
      lowlight = every;
    } else {
      const loaded = await loadGrammars([...needed].filter((name) => !some.registered(name)));
      for (const [name, grammar] of loaded) some.register(name, grammar);
      // Two grammars may claim one alias; it goes where it went with all of them registered.
      if (loaded.length > 0) some.registerAlias(ownedAliases(needed));
    }
    for (const { node, parent, lang } of blocks) {
      const className = Array.isArray(node.properties.className) ? node.properties.className : (node.properties.className = []);
      if (!className.includes('hljs')) className.unshift('hljs');
      let result: Root;
      try {
        result = lowlight.highlight(lang, toText(node, { whitespace: 'pre' }));
      } catch (cause) {
        if (!/Unknown language/.test((cause as Error).message)) throw cause;
        file.message(`Cannot highlight as \`${lang}\`, it’s not registered`, { ancestors: [parent, node], cause: cause as Error, place: node.position, ruleId: 'missing-language', source: 'rehype-highlight' });
        continue;
      }
      if (result.children.length > 0) node.children = result.children as Element['children'];
    }
  };
}

/** The block's language from its `language-x` (or `lang-x`) class; false for `no-highlight`. */
function language(node: Element): string | false | undefined {
  const list = node.properties.className;
  if (!Array.isArray(list)) return undefined;
  let name: string | undefined;
  for (const item of list) {
    const value = String(item);
    if (value === 'no-highlight' || value === 'nohighlight') return false;
    if (!name && value.startsWith('lang-')) name = value.slice(5);
    if (!name && value.startsWith('language-')) name = value.slice(9);
  }
  return name;
}
