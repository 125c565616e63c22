import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guideLanguages } from '../support/corpus.js';
import { corpusAvailable, corpusSource, repoRoot, runProcess, type ProcessRun } from '../support/tools.js';

/**
 * Every step of the workflows is a script of scripts/ci/; here each runs as a job would
 * run it: in a fresh copy of the repository (its files as git sees them, committed or
 * not, without node_modules), with the guide's sources beside it, as root, with the
 * variables GitHub Actions sets.
 */
const describeGuide = corpusAvailable || process.env.CI === 'true' ? describe : describe.skip;

let clone: string;
let github: Record<string, string>;

function step(script: string, env: Record<string, string> = {}, args: string[] = []): Promise<ProcessRun> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GITHUB_') && name !== 'npm_config_prefix'));
  return runProcess(path.join(clone, script), args, { cwd: clone, env: { ...base, ...github, ...env } });
}

describeGuide('scripts/ci on a copy of the repository with the guide’s sources', () => {
  beforeAll(() => {
    const top = mkdtempSync(path.join(tmpdir(), 'folio-ci-'));
    clone = path.join(top, 'repo');
    mkdirSync(clone);
    // book.yaml finds the cover at ../shared, as in this repository.
    symlinkSync(path.resolve(repoRoot, '../shared'), path.join(top, 'shared'));
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) if (existsSync(path.join(repoRoot, file))) cpSync(path.join(repoRoot, file), path.join(clone, file), { recursive: true });
    github = { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: clone, GITHUB_STEP_SUMMARY: path.join(top, 'summary.md'), FOLIO_SOURCE: path.join('..', path.relative(path.resolve(repoRoot, '..'), corpusSource)) };
  });
  // The copy holds a whole node_modules (over 300 MB): leave nothing behind on a shared machine.
  afterAll(() => rmSync(path.dirname(clone), { recursive: true, force: true }));

  test('install-system-packages.sh installs the README’s Debian packages (here: all present already)', async () => {
    const run = await step('scripts/ci/install-system-packages.sh', { FOLIO_APT_UPDATE: '0' });
    expect(run.stderr).not.toMatch(/^E:/m);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 newly installed/);
  }, 400_000);

  test('install.sh: npm ci', async () => {
    const run = await step('scripts/ci/install.sh');
    expect(run.code).toBe(0);
    expect(existsSync(path.join(clone, 'node_modules/.bin/tsc'))).toBe(true);
  }, 600_000);

  test('check.sh: the guide’s two broken editions are annotations, and the job fails', async () => {
    const run = await step('scripts/ci/check.sh');
    expect(run.code).toBe(1);
    for (const lang of ['es', 'it']) {
      expect(run.stdout).toMatch(new RegExp(`^::error file=\\.\\./shared/corpora/agency-success-guide/content/${lang}/insights/qualify-your-clients\\.md,line=3,col=14,title=frontmatter-yaml::`, 'm'));
    }
    expect(readFileSync(github.GITHUB_STEP_SUMMARY!, 'utf8')).toContain('### Folio check: 14 checked, 2 with errors');
  });

  test('build.sh as a matrix of four shares, then gather.sh: every edition once, and the index page', async () => {
    const shares = path.join(path.dirname(clone), 'shares');
    const codes: Array<number | null> = [];
    for (const index of [1, 2, 3, 4]) {
      const run = await step('scripts/ci/build.sh', { SHARD: `${index}/4`, FOLIO_FORMATS: 'html,epub' });
      codes.push(run.code);
      cpSync(path.join(clone, 'dist'), path.join(shares, String(index)), { recursive: true });
      rmSync(path.join(clone, 'dist'), { recursive: true });
    }
    // The shares with es or it fail (their errors), the others pass.
    expect(codes.filter((code) => code === 1).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((code) => code === 0 || code === 1)).toBe(true);
    const files = [1, 2, 3, 4].flatMap((index) => readdirSync(path.join(shares, String(index))));
    const written = guideLanguages.filter((lang) => lang !== 'es' && lang !== 'it');
    expect(files.sort()).toEqual(written.flatMap((lang) => [`agency-success-guide-${lang}.epub`, `agency-success-guide-${lang}.html`]).sort());
    // download-artifact with merge-multiple: every share into dist/.
    for (const index of [1, 2, 3, 4]) cpSync(path.join(shares, String(index)), path.join(clone, 'dist'), { recursive: true });
    const gather = await step('scripts/ci/gather.sh');
    expect(gather.code).toBe(0);
    expect(gather.stdout).toMatch(/^index {7}dist\/index\.html {2}14 editions$/m);
    const index = readFileSync(path.join(clone, 'dist/index.html'), 'utf8');
    for (const lang of written) expect(index).toContain(`href="agency-success-guide-${lang}.html"`);
  });

  test('previous-editions.sh fetches the published editions the index links; build.sh then says what changed', async () => {
    // The gathered dist/ of the test above, published on a local web server.
    const site = path.join(path.dirname(clone), 'site');
    cpSync(path.join(clone, 'dist'), site, { recursive: true });
    const server = createServer((request, response) => {
      const file = path.join(site, decodeURIComponent(new URL(request.url!, 'http://x').pathname));
      if (!file.startsWith(site) || !existsSync(file)) return void response.writeHead(404).end();
      response.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const fetched = await step('scripts/ci/previous-editions.sh', { FOLIO_PUBLISHED_URL: url });
      expect(fetched.code).toBe(0);
      expect(readdirSync(path.join(clone, 'previous')).sort()).toEqual(guideLanguages.filter((lang) => lang !== 'es' && lang !== 'it').map((lang) => `agency-success-guide-${lang}.html`).sort());
      const run = await step('scripts/ci/build.sh', { SHARD: '1/4', FOLIO_FORMATS: 'html', FOLIO_COMPARE: 'previous' });
      expect(run.stdout).toMatch(/^changes {5}en {4}unchanged$/m);
      // Before the first publication: nothing fetched, nothing compared, no failure.
      const none = await step('scripts/ci/previous-editions.sh', { FOLIO_PUBLISHED_URL: `${url}nothing-here/` });
      expect(none).toMatchObject({ code: 0, stdout: expect.stringContaining('No published editions at') });
      expect((await step('scripts/ci/build.sh', { SHARD: '1/4', FOLIO_FORMATS: 'html', FOLIO_COMPARE: 'previous' })).stdout).not.toContain('changes');
    } finally {
      server.close();
    }
  });

  test('test.sh: the README’s build, then the tests it is given', async () => {
    rmSync(path.join(clone, 'dist'), { recursive: true, force: true });
    // The typecheck of this very tree is part of the run this test is in.
    const run = await step('scripts/ci/test.sh', {}, ['--no-typecheck', 'test/unit/shard.test.ts']);
    expect(run.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(clone, 'dist')).sort()).toEqual(['agency-success-guide-nl.epub', 'agency-success-guide-nl.html', 'agency-success-guide-nl.pdf', 'index.html']);
  }, 300_000);
});
