import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CssNode } from 'css-tree';
import { VFile } from 'vfile';
import { error } from '../diagnostics/messages.js';

/**
 * A book's own stylesheet (`html.stylesheet`, `pdf.stylesheet`) goes into the editions as
 * it is, so it may not load anything either: every `@import`, and every `url()` or
 * `image-set()` source that is not a `data:` URL (a remote one would be fetched by the
 * reader's browser; a relative one names a file the self-contained edition does not
 * carry), is an error at its line and column in the stylesheet. Parsed by css-tree, the
 * way a browser reads CSS.
 */
export function checkStylesheet(filePath: string): VFile | undefined {
  const text = readFileSync(filePath, 'utf8');
  const file = new VFile({ path: filePath, value: text });
  const { parse, walk } = createRequire(import.meta.url)('css-tree') as typeof import('css-tree');
  const refuse = (node: CssNode, what: string) =>
    error(file, `${what}: an edition loads nothing; embed it as a data: URL or leave it out`, node.loc?.start, 'stylesheet-remote');
  walk(parse(text, { positions: true, parseValue: true, onParseError: () => undefined }), (node: CssNode) => {
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') refuse(node, 'An @import');
    else if (node.type === 'Url' && !/^\s*(?:data:|#)/i.test(node.value)) refuse(node, `url(${node.value})`);
    else if (node.type === 'Function' && /image-set$|^image$|^cross-fade$/i.test(node.name)) {
      walk(node, (inner: CssNode) => {
        if (inner.type === 'String' && !/^\s*data:/i.test(inner.value)) refuse(inner, `${node.name}("${inner.value}")`);
      });
    }
  });
  return file.messages.length > 0 ? file : undefined;
}
