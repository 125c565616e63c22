import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import { error, warn } from '../diagnostics/messages.js';
import { yamlReason } from '../diagnostics/yaml.js';

/**
 * Parses the YAML frontmatter (found by remark-frontmatter) into `file.data.frontmatter`.
 * Positions are mapped back into the chapter, so a problem reads as
 * `chapters/nl/x.md:3:14`. Invalid YAML is an error; a duplicate key is a warning and
 * the later value wins, as most YAML readers on the web would do.
 */
export default function remarkFrontmatterData() {
  return function (tree: Root, file: VFile) {
    const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
    file.data.frontmatter = {};
    file.data.frontmatterPlaces = {};
    if (!node) return;

    // The YAML text starts on the line after the opening `---`.
    const firstLine = (node.position?.start.line ?? 1) + 1;
    const lines = new LineCounter();
    const doc = parseDocument(node.value, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    const place = (offset: number) => {
      const { line, col } = lines.linePos(offset);
      return { line: firstLine + line - 1, column: col };
    };

    for (const problem of doc.errors) {
      error(file, `Invalid frontmatter: ${yamlReason(problem.message)}. Quote the value if it contains ": " or "#".`, place(problem.pos[0]), 'frontmatter-yaml');
    }
    if (doc.errors.length > 0) {
      file.data.frontmatterInvalid = true;
      return;
    }

    if (isMap(doc.contents)) {
      const seen = new Map<string, number>();
      for (const pair of doc.contents.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = place(pair.key.range?.[0] ?? 0);
        if (seen.has(key)) {
          warn(file, `Duplicate key \`${key}\` in frontmatter (first on line ${seen.get(key)}); the later value wins`, at, 'frontmatter-duplicate-key');
        }
        seen.set(key, at.line);
        const value = isNode(pair.value) ? pair.value.range?.[0] : undefined;
        file.data.frontmatterPlaces![key] = value === undefined ? at : place(value);
      }
    }

    let data: unknown;
    try {
      // yaml stops expanding after 100 aliases (maxAliasCount): a "billion laughs" is refused, not built.
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      error(file, `Invalid frontmatter: ${cause instanceof Error ? cause.message : String(cause)}`, place(0), 'frontmatter-yaml');
      return;
    }
    if (data === null || data === undefined) return;
    if (typeof data !== 'object' || Array.isArray(data)) {
      error(file, 'Frontmatter must be a map of keys to values (`title: …`)', place(0), 'frontmatter-yaml');
      file.data.frontmatterInvalid = true;
      return;
    }
    file.data.frontmatter = data as Record<string, unknown>;
  };
}

declare module 'vfile' {
  interface DataMap {
    /** The chapter's frontmatter, parsed. */
    frontmatter: Record<string, unknown>;
    /** True when the frontmatter could not be read (its title is then unknown, not missing). */
    frontmatterInvalid: boolean;
    /** Where each top-level key's value starts, for messages about a value. */
    frontmatterPlaces: Record<string, { line: number; column: number }>;
  }
}
