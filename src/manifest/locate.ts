import { isMap, isNode, isPair, isScalar, type Document, type LineCounter } from 'yaml';
import type { Point } from 'unist';

type Key = string | number;

/**
 * Finds where `path` is written in a YAML document, as a unist point. With `key: true`
 * it points at the key itself (`titel:`), else at the value. Falls back to the closest
 * ancestor that exists, so every message still lands on a line of the user's file.
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly Key[],
  options: { key?: boolean } = {},
): Point {
  for (let length = path.length; length >= 0; length--) {
    const parentPath = path.slice(0, Math.max(0, length - 1));
    const last = path[length - 1];
    const parent = length === 0 ? undefined : doc.getIn(parentPath, true);
    if (length > 0 && isMap(parent)) {
      const pair = parent.items.find((item) => isPair(item) && keyOf(item.key) === String(last));
      const node = pair && (options.key || !isNode(pair.value) ? pair.key : pair.value);
      if (isNode(node) && node.range) return pointAt(lines, node.range[0]);
    }
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return pointAt(lines, node.range[0]);
  }
  return { line: 1, column: 1 };
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** Converts a character offset to a 1-based line and column. */
export function pointAt(lines: LineCounter, offset: number): Point {
  const { line, col } = lines.linePos(offset);
  return { line, column: col, offset };
}
