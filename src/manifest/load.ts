import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { VFile } from 'vfile';
import type { Point } from 'unist';
import { error } from '../diagnostics/messages.js';
import { FolioError } from '../diagnostics/errors.js';
import { yamlReason } from '../diagnostics/yaml.js';
import { explainIssues } from './issues.js';
import { locate, pointAt } from './locate.js';
import { ManifestSchema, type Manifest } from './schema.js';

/** A parsed book.yaml that still knows where each of its keys is written. */
export interface ManifestSource {
  /** book.yaml as a VFile: messages about the manifest go here. */
  file: VFile;
  /** The folder of book.yaml: every path in the manifest is relative to it. */
  root: string;
  /** Where `path` is written in book.yaml (the key with `key: true`). */
  locate(path: readonly (string | number)[], options?: { key?: boolean }): Point;
}

export interface LoadedManifest extends ManifestSource {
  /**
   * The validated manifest. When book.yaml has errors (they are in `file`) this is what
   * could be salvaged to go on checking the chapters, or undefined.
   */
  manifest: Manifest | undefined;
}

/** Reads and validates book.yaml. Problems become messages in `file`, all of them. */
export async function loadManifest(manifestPath: string): Promise<LoadedManifest> {
  const absolute = path.resolve(manifestPath);
  let text: string;
  try {
    // stat first: a FIFO would block the read forever, a folder fail it obscurely.
    if (!(await stat(absolute)).isFile()) throw new FolioError(`The manifest ${manifestPath} is not a file`);
    text = await readFile(absolute, 'utf8');
  } catch (cause) {
    throw new FolioError(`Cannot read the manifest ${manifestPath}: is this the folder of a book?`, { cause });
  }
  return parseManifest(text, absolute);
}

/** Validates manifest text; `filePath` names it in messages and anchors relative paths. */
export function parseManifest(text: string, filePath: string): LoadedManifest {
  const file = new VFile({ path: filePath, value: text });
  // A binary file would be thousands of YAML errors: one line says what it is.
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    const lines = new LineCounter();
    const doc = parseDocument('', { lineCounter: lines });
    error(file, 'book.yaml is not a UTF-8 text file (it holds binary bytes); a manifest is YAML text', { line: 1, column: 1 }, 'manifest-yaml');
    return { file, root: path.dirname(filePath), locate: (keyPath, options) => locate(doc as Document, lines, keyPath, options), manifest: undefined };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const source: ManifestSource = {
    file,
    root: path.dirname(filePath),
    locate: (keyPath, options) => locate(doc as Document, lines, keyPath, options),
  };

  for (const problem of doc.errors) {
    error(file, `Invalid YAML: ${yamlReason(problem.message)}`, pointAt(lines, problem.pos[0]), 'manifest-yaml');
  }
  if (doc.errors.length > 0) return { ...source, manifest: undefined };

  let value: unknown;
  try {
    // yaml stops expanding after 100 aliases (maxAliasCount): a "billion laughs" is refused, not built.
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (cause) {
    error(file, `Invalid YAML: ${cause instanceof Error ? cause.message : String(cause)}`, { line: 1, column: 1 }, 'manifest-yaml');
    return { ...source, manifest: undefined };
  }
  const result = ManifestSchema.safeParse(value);
  if (result.success) return { ...source, manifest: result.data };

  for (const problem of explainIssues(result.error.issues, ManifestSchema, value)) {
    error(file, problem.reason, source.locate(problem.path, { key: problem.atKey }), problem.ruleId);
  }
  return { ...source, manifest: salvage(value) };
}

/**
 * A manifest with errors can still say where the chapters are. Keeping the fields that are
 * valid on their own (and neutral stand-ins for required ones that are not) lets a build
 * go on to report the chapters' problems too, so an author sees every error at once.
 * Nothing is written from a salvaged manifest: book.yaml has errors.
 */
function salvage(value: unknown): Manifest | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const kept: Record<string, unknown> = { slug: 'book', title: '', author: '' };
  for (const [key, field] of Object.entries(value)) {
    const schema = ManifestSchema.shape[key as keyof typeof ManifestSchema.shape];
    if (schema?.safeParse(field).success) kept[key] = field;
  }
  const result = ManifestSchema.safeParse(kept);
  return result.success ? result.data : undefined;
}
