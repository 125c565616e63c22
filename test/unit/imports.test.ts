import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../support/tools.js';

/**
 * The import graph of src/, read with the TypeScript compiler's own pre-processor (every
 * `import`, `import type`, `export … from` and `import()` of a relative path), and its
 * strongly connected components (Tarjan): a component of more than one file, or a file
 * importing itself, is an import circle.
 */
const srcRoot = path.join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.resolve(path.dirname(file), name).replace(/\.js$/, '.ts'))
      .map((target) => (existsSync(target) ? target : existsSync(path.join(target, 'index.ts')) ? path.join(target, 'index.ts') : target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import circles of `graph`: each a list of files, relative to src/. */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) {
        circles.push(component.map((name) => path.relative(srcRoot, name)).sort());
      }
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

describe('the import graph of src/', () => {
  const graph = importGraph(sourceFiles(srcRoot));

  test('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((target) => !existsSync(target)).map((target) => `${path.relative(srcRoot, file)} → ${path.relative(srcRoot, target)}`));
    expect(missing).toEqual([]);
  });

  test('has no import circle', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  test('the check finds a circle when there is one', () => {
    const a = path.join(srcRoot, 'a.ts');
    const b = path.join(srcRoot, 'b.ts');
    const c = path.join(srcRoot, 'c.ts');
    expect(importCircles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(importCircles(new Map([[a, [b]], [b, []], [c, [c]]]))).toEqual([['c.ts']]);
  });
});
