import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Code, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { noteRead } from '../book/reads.js';
import { error } from '../diagnostics/messages.js';

/** `{{#include file.rs:anchor}}`, `{{#rustdoc_include file.rs:2:5}}`: the directive, its file and what to take. */
const directivePattern = /\{\{\s*#(include|rustdoc_include)\s+([^}]+?)\s*\}\}/g;

/**
 * mdBook's `{{#include}}` and `{{#rustdoc_include}}` (book.yaml: `plugins: [folio/mdbook]`).
 * A directive inside a code block is replaced by the lines it names; a paragraph that is
 * only a directive by the included markdown. A file is read relative to the chapter's
 * real path (a chapter may be a symbolic link) and never from outside the book's folder.
 * What rustdoc hides is left out: the book shows the lines the directive names, and in
 * Rust code, as mdBook shows it, not the lines marked hidden with `# `.
 */
export default function remarkMdbook() {
  return function (tree: Root, file: VFile) {
    const root = file.data.bookRoot ?? path.dirname(file.path);
    const include = (target: string, position: Position | undefined): string | undefined => {
      const result = readIncluded(target, file, root);
      if ('error' in result) {
        error(file, result.error, position, 'mdbook-include');
        return undefined;
      }
      return result.text;
    };

    visit(tree, (node, index, parent) => {
      if (node.type === 'code') {
        const code = node as Code;
        // A directive that failed is reported once, as an error, and leaves nothing behind.
        code.value = code.value.replace(directivePattern, (_whole, _name: string, target: string) => include(target, code.position)?.replace(/\n$/, '') ?? '');
        if (code.lang?.split(/[,\s]/)[0]?.toLowerCase() === 'rust') code.value = withoutHiddenLines(code.value);
        return SKIP;
      }
      if (node.type !== 'paragraph' || !parent || index === undefined) return undefined;
      const paragraph = node as Paragraph;
      const only = paragraph.children.length === 1 && paragraph.children[0]!.type === 'text' ? paragraph.children[0].value.trim() : undefined;
      const match = only === undefined ? undefined : /^\{\{\s*#(?:include|rustdoc_include)\s+([^}]+?)\s*\}\}$/.exec(only);
      if (!match) return undefined;
      const text = include(match[1]!, paragraph.position) ?? '';
      const children = unified().use(remarkParse).use(remarkGfm).parse(text).children as RootContent[];
      // The included nodes stand where the directive was written, for any message about them.
      visit({ type: 'root', children } as Root, (inner) => {
        inner.position = paragraph.position;
      });
      (parent.children as RootContent[]).splice(index, 1, ...children);
      return [SKIP, index + children.length];
    });
  };
}

/**
 * Rust code without the lines mdBook hides: `# ` and a lone `#` start a hidden line (a
 * boilerplate `fn main() {`); `##` is an escaped `#`; `#[derive]` and `#!` are code.
 */
export function withoutHiddenLines(code: string): string {
  return code
    .split('\n')
    .filter((line) => !/^\s*#(?: |$)/.test(line))
    .map((line) => line.replace(/^(\s*)##/, '$1#'))
    .join('\n');
}

/** Reads what `target` (`file.rs`, `file.rs:anchor`, `file.rs:2:5`) names, or why it cannot. */
export function readIncluded(target: string, file: VFile, root: string): { text: string } | { error: string } {
  const [name, ...spec] = target.split(':');
  const chapterDir = path.dirname(realpathSync(file.path));
  let resolved: string;
  noteRead(file, path.resolve(chapterDir, name!));
  try {
    resolved = realpathSync(path.resolve(chapterDir, name!));
  } catch {
    return { error: `{{#include ${target}}}: no file ${name} beside the chapter` };
  }
  const realRoot = realpathSync(root);
  if (resolved !== realRoot && !resolved.startsWith(realRoot + path.sep)) {
    return { error: `{{#include ${target}}}: ${name} is outside the book's folder, which a book may not read` };
  }
  const text = readFileSync(resolved, 'utf8');
  const lines = selectLines(text, spec);
  return lines === undefined ? { error: `{{#include ${target}}}: ${name} has no anchor ${spec.join(':')} (// ANCHOR: ${spec[0]})` } : { text: lines };
}

/**
 * The lines of `text` that an include names, as mdBook reads it: nothing (the whole file),
 * `anchor` (between `ANCHOR: anchor` and `ANCHOR_END: anchor`), `N` (line N), `N:M`, `N:`
 * or `:M` (1-based, inclusive). Anchor marker lines are never included. Undefined when
 * the anchor does not exist.
 */
export function selectLines(text: string, spec: readonly string[]): string | undefined {
  const all = text.replace(/\n$/, '').split('\n');
  const isMarker = (line: string) => /\bANCHOR(?:_END)?:\s*\S+/.test(line);
  let lines: string[];
  if (spec.length === 0 || (spec.length === 1 && spec[0] === '')) {
    lines = all;
  } else if (spec.length === 1 && !/^\d+$/.test(spec[0]!)) {
    const anchor = spec[0]!.trim();
    const escaped = anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const start = all.findIndex((line) => new RegExp(`\\bANCHOR:\\s*${escaped}\\b`).test(line));
    if (start === -1) return undefined;
    const end = all.findIndex((line, index) => index > start && new RegExp(`\\bANCHOR_END:\\s*${escaped}\\b`).test(line));
    lines = all.slice(start + 1, end === -1 ? undefined : end);
  } else {
    const from = spec[0] === '' ? 1 : Number(spec[0]);
    const to = spec.length === 1 ? from : spec[1] === '' ? all.length : Number(spec[1]);
    lines = all.slice(Math.max(0, from - 1), to);
  }
  return lines.filter((line) => !isMarker(line)).join('\n') + '\n';
}

declare module 'vfile' {
  interface DataMap {
    /** The folder of book.yaml: what a chapter's plugins may read files from. */
    bookRoot: string;
  }
}
