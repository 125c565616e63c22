#!/usr/bin/env node
// `npm test`: the typecheck (tsc --noEmit) and the tests (Jest, with the arguments given)
// at the same time, and a failure of either fails the run. One after the other, the
// typecheck held up every test for its whole run on one core while the other idled.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs node with `args` in the repository, its output passed through; resolves to its exit code. */
function node(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (failure) => {
      process.stderr.write(`${failure.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// `--no-typecheck` leaves the typecheck out, for a run of a few tests whose typecheck ran
// elsewhere (the CI scripts' test runs `npm test` again in a copy of the repository).
const args = process.argv.slice(2);
const typechecked = !args.includes('--no-typecheck');
const [typecheck, tests] = await Promise.all([
  typechecked ? node([path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']) : 0,
  node(['--experimental-vm-modules', path.join(root, 'node_modules/jest/bin/jest.js'), ...args.filter((arg) => arg !== '--no-typecheck')]),
]);
if (typecheck !== 0) process.stderr.write(`\nThe typecheck (tsc --noEmit) failed: see its errors above.\n`);
process.exit(typecheck || tests);
