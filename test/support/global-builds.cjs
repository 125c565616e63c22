'use strict';
/**
 * The bodies of the tiers' Jest global setups and teardowns. Plain CommonJS: Jest loads a
 * global setup with require() and without its module mapping, so these files use Node's
 * built-ins only and leave Folio's sources to a child process (shared-builds.ts, run with
 * tsx), which builds the tier's shared books once, into a fresh temporary folder. The folder
 * is named by an environment variable, which Jest's workers inherit; test/support/books.ts
 * reads it (builtBook()).
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

/** Builds the books listed by the module `list` (relative to the repository) into a new $variable folder. */
async function buildShared(rootDir, list, variable, prefix) {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  process.env[variable] = root;
  const started = Date.now();
  const args = ['--import', 'tsx', path.join(rootDir, 'test/support/shared-builds.ts'), path.join(rootDir, list), root];
  const { code, output } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
  if (code !== 0) throw new Error(`Building the shared books of ${list} failed (exit ${code}):\n${output}`);
  if (process.env.FOLIO_TEST_VERBOSE) process.stdout.write(`\n${output}built in ${((Date.now() - started) / 1000).toFixed(1)} s into ${root}\n`);
}

/** Removes the $variable folder; FOLIO_KEEP_BUILDS=1 keeps it to look at. */
function removeShared(variable) {
  const root = process.env[variable];
  if (!root) return;
  if (process.env.FOLIO_KEEP_BUILDS) process.stdout.write(`\nkept ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}

module.exports = { buildShared, removeShared };
