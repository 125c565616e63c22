import path from 'node:path';
import type { VFile } from 'vfile';
import { diagnosticsOf, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A build's problems for the page: files named from the book's folder, where the author works. */
export function pageDiagnostics(files: readonly VFile[], manifest: string): Diagnostic[] {
  const bookFolder = path.dirname(path.resolve(manifest));
  return diagnosticsOf(files).map((item) => ({ ...item, file: path.relative(bookFolder, item.file) || item.file }));
}

/** A build's problems for the terminal, one line each as `folio build` prints them (files from the current folder). */
export function terminalLines(files: readonly VFile[]): string[] {
  return diagnosticsOf(files).map((item) => `${path.relative(process.cwd(), item.file) || item.file}${item.line ? `:${item.line}:${item.column ?? 1}` : ''}  ${item.severity}  ${item.message}  ${item.rule ?? ''}`.trimEnd());
}
