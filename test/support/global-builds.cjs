'use strict';
/**
 * The bodies of the tiers' Jest global setups and teardowns. Plain CommonJS: Jest loads a
 * global setup with require() and without its module mapping, so these files use Node's
 * built-ins only and leave Folio's sources to a child process (shared-builds.ts, run with
 * tsx), which builds the tier's shared books once, into a fresh temporary folder. The folder
 * is named by an environment variable, which Jest's workers inherit; test/support/books.ts
 * reads it (builtBook()).
 *
 * The setup starts the child and returns at once: Jest runs the global setups one after
 * the other and starts no test before the last has returned, so waiting here would leave
 * the unit tier, and every file that builds its own books, idle behind the shared builds.
 * The child writes ROOT/built-<name>.json as each book is done (or the setup writes
 * ROOT/failed.txt with its output); builtBook() waits for them. The teardown waits for the
 * child.
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

/**
 * One temporary folder per run, under the system's, made the TMPDIR of Jest, of its
 * workers and of every process they start (Folio, Chromium, Ace), so that whatever a test
 * leaves in its temporary folders goes with the run (removeRunFolder): a whole run left
 * 77 folders, 153 MB, behind in /tmp before. Made by the first global setup that runs (a
 * tier's, or the root's when only the unit tier runs). Owned by this Jest process: a Jest run that
 * a test starts (the CI scripts' test) inherits the variables and makes a folder of its own.
 */
function useRunFolder() {
  if (process.env.FOLIO_TEST_RUN_OWNER === String(process.pid)) return;
  const folder = mkdtempSync(path.join(tmpdir(), 'folio-test-'));
  process.env.FOLIO_TEST_RUN_OWNER = String(process.pid);
  process.env.FOLIO_TEST_RUN_FOLDER = folder;
  process.env.TMPDIR = folder;
}

/** Removes the run's folder, after the tiers' teardowns; FOLIO_KEEP_BUILDS=1 keeps it. */
function removeRunFolder() {
  const folder = process.env.FOLIO_TEST_RUN_FOLDER;
  if (process.env.FOLIO_TEST_RUN_OWNER !== String(process.pid) || !folder) return;
  if (process.env.FOLIO_KEEP_BUILDS) process.stdout.write(`\nkept ${folder}\n`);
  else rmSync(folder, { recursive: true, force: true });
}

/** The children still building, by variable: teardown waits for them. */
const running = new Map();

/** Starts building the books listed by the module `list` (relative to the repository) into a new $variable folder. */
function buildShared(rootDir, list, variable, prefix) {
  useRunFolder();
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  process.env[variable] = root;
  const started = Date.now();
  const args = ['--import', 'tsx', path.join(rootDir, 'test/support/shared-builds.ts'), path.join(rootDir, list), root];
  const done = new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', (failure) => resolve({ code: null, output: `${output}\n${failure.stack ?? failure}` }));
    child.on('close', (code) => resolve({ code, output }));
  }).then(({ code, output }) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) writeFileSync(path.join(root, 'failed.txt'), `Building the shared books of ${list} failed (exit ${code}) after ${seconds} s:\n${output}`);
    if (process.env.FOLIO_TEST_VERBOSE) process.stdout.write(`\n${output}${list}: built in ${seconds} s into ${root}\n`);
  });
  running.set(variable, done);
}

/** Waits for the $variable builds to end, then removes their folder; FOLIO_KEEP_BUILDS=1 keeps it to look at. */
async function removeShared(variable) {
  await running.get(variable);
  running.delete(variable);
  const root = process.env[variable];
  if (!root) return;
  if (process.env.FOLIO_KEEP_BUILDS) process.stdout.write(`\nkept ${root}\n`);
  else rmSync(root, { recursive: true, force: true });
}

module.exports = { buildShared, removeShared, useRunFolder, removeRunFolder };
