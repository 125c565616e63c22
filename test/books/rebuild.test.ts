import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build as bundle } from 'esbuild';
import { bundleOptions } from '../../scripts/bundle-options.js';
import { repoRoot } from '../support/tools.js';

/**
 * One process that builds a book twice, as a preview does, under plain Node as the
 * `folio` command runs (Jest keeps a module's source by its path, so this cannot be
 * tested in Jest's own module system): a book plugin changed between the builds runs as
 * it is now in the second.
 */

let root: string;
let child: ChildProcessWithoutNullStreams;
let answers: AsyncIterator<string>;
let entry: string;

const plugin = (stamp: string) =>
  `export default function stamp() {\n  return (tree) => {\n    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: '${stamp}' }] });\n  };\n}\n`;

async function rebuild(): Promise<string> {
  child.stdin.write('build\n');
  const { value, done } = await answers.next();
  if (done) throw new Error('the build process ended');
  const answer = JSON.parse(value) as { written: string[]; messages: string[] };
  expect(answer.messages.filter((line) => / error /.test(line))).toEqual([]);
  return readFileSync(path.join(root, 'dist/stamped-en.html'), 'utf8');
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'folio-rebuild-'));
  mkdirSync(path.join(root, 'chapters/en'), { recursive: true });
  writeFileSync(path.join(root, 'book.yaml'), 'slug: stamped\ntitle: Stamped\nauthor: Ada\nlanguages: [en]\ncontents: [one]\nplugins: [./stamp.js]\n');
  writeFileSync(path.join(root, 'chapters/en/one.md'), '# One\n\nText.\n');
  // Bundled as scripts/folio.js bundles the command, inside Folio's folder (it finds its templates from there).
  entry = path.join(repoRoot, 'node_modules/.cache/folio-test', `rebuild-${process.pid}.mjs`);
  await bundle({ ...bundleOptions, entryPoints: [path.join(repoRoot, 'test/support/rebuild.ts')], outfile: entry });
  child = spawn(process.execPath, [entry, path.join(root, 'book.yaml'), path.join(root, 'dist')], { cwd: root });
  answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
}, 120_000);

afterAll(() => {
  child?.stdin.end('stop\n');
  rmSync(root, { recursive: true, force: true });
  rmSync(entry, { force: true });
});

test('a plugin changed between two builds runs as it is now', async () => {
  writeFileSync(path.join(root, 'stamp.js'), plugin('STAMP-FIRST'));
  expect(await rebuild()).toContain('<p>STAMP-FIRST</p>');
  writeFileSync(path.join(root, 'stamp.js'), plugin('STAMP-SECOND'));
  const second = await rebuild();
  expect(second).toContain('<p>STAMP-SECOND</p>');
  expect(second).not.toContain('STAMP-FIRST');
  // Unchanged, the same module serves the next build (its URL names its bytes).
  expect(await rebuild()).toContain('<p>STAMP-SECOND</p>');
});
