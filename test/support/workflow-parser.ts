import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

type WorkflowParser = typeof import('@actions/workflow-parser');

/**
 * GitHub's own workflow parser and schema (@actions/workflow-parser), loaded through an
 * esbuild bundle: the package imports its JSON schema without an import attribute, which
 * Node's ES modules refuse. The bundle holds the schema, so nothing is fetched.
 */
let loaded: Promise<WorkflowParser> | undefined;

export function workflowParser(): Promise<WorkflowParser> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<WorkflowParser> {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'folio-workflow-parser-')), 'parser.mjs');
  await build({
    stdin: { contents: "export * from '@actions/workflow-parser';", resolveDir: process.cwd() },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    // Its CommonJS dependencies (yaml) still need a require() inside the ES module bundle.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as WorkflowParser;
}
