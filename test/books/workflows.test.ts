import { describe, expect, test } from '@jest/globals';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { workflowParser } from '../support/workflow-parser.js';
import { repoRoot } from '../support/tools.js';

const workflows = ['editions.yml', 'test.yml'];
const read = (name: string) => readFileSync(path.join(repoRoot, '.github/workflows', name), 'utf8');

/** The errors GitHub's parser finds in a workflow, against GitHub's workflow schema. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await workflowParser();
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length === 0 && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((error) => error.Message));
  }
  return errors;
}

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
  strategy?: { matrix: Record<string, unknown[]> };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (name: string) => parse(read(name)) as Workflow;

describe('the workflows', () => {
  test.each(workflows)('%s validates against GitHub’s workflow schema', async (name) => {
    expect(await workflowErrors(name, read(name))).toEqual([]);
  });

  test('the validator refuses a broken workflow (an unknown key, an unknown context)', async () => {
    const broken = read('test.yml').replace('runs-on:', 'run-on:').replace('${{ matrix.node }}', '${{ matrx.node }}');
    const errors = await workflowErrors('broken.yml', broken);
    expect(errors.join('\n')).toMatch(/run-on/);
    expect(errors.join('\n')).toMatch(/matrx/);
  });

  test('every run: step is a script of scripts/ci/, and every script there is a step', () => {
    const runs = workflows.flatMap((name) => Object.values(workflow(name).jobs).flatMap((job) => (job.steps ?? []).flatMap((step) => (step.run ? [step.run] : []))));
    for (const run of runs) {
      expect(run).toMatch(/^scripts\/ci\/[a-z-]+\.sh$/);
      accessSync(path.join(repoRoot, run), constants.X_OK);
    }
    const scripts = readdirSync(path.join(repoRoot, 'scripts/ci')).filter((name) => name.endsWith('.sh') && name !== 'lib.sh');
    expect([...new Set(runs)].sort()).toEqual(scripts.map((name) => `scripts/ci/${name}`).sort());
  });

  test('a pull request’s book cannot publish or write: read-only token, no secrets, publishing only on push', () => {
    for (const name of workflows) {
      const text = read(name);
      const parsed = workflow(name);
      expect(parsed.permissions).toEqual({ contents: 'read' });
      expect(Object.keys(parsed.on)).not.toContain('pull_request_target');
      expect(text).not.toMatch(/secrets\./);
      for (const job of Object.values(parsed.jobs)) {
        for (const step of job.steps ?? []) if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
        // A job that may write runs only for a push to the default branch or a v* tag.
        if (job.permissions) expect(job.if).toMatch(/github\.event_name == 'push' && github\.ref == format\('refs\/heads\/\{0\}', github\.event\.repository\.default_branch\)|startsWith\(github\.ref, 'refs\/tags\/v'\)/);
      }
    }
    const { pages, release } = workflow('editions.yml').jobs;
    expect(pages!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(release!.permissions).toEqual({ contents: 'write' });
  });

  test('test.yml runs on Node 20, 22 and 24; editions.yml caches npm and Folio’s cache folder', () => {
    expect(workflow('test.yml').jobs.test!.strategy!.matrix.node).toEqual([20, 22, 24]);
    const caches = workflow('editions.yml').jobs.build!.steps!.filter((step) => step.uses?.startsWith('actions/cache@')).map((step) => step.with);
    expect(caches).toEqual([
      expect.objectContaining({ path: '~/.npm', key: "npm-${{ hashFiles('package-lock.json') }}" }),
      expect.objectContaining({ path: 'node_modules/.cache/folio', key: expect.stringContaining("hashFiles('package-lock.json')") }),
    ]);
    expect(caches[1]!.key).toContain("hashFiles('src/**', 'templates/**', 'book.yaml', 'chapters/**')");
  });

  test('the Debian packages installed are the ones the README names', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const command = /apt-get install -y ([^`]+?)\n```/.exec(readme)![1]!.replace(/\\\n/g, ' ');
    const listed = readFileSync(path.join(repoRoot, 'scripts/ci/debian-packages.txt'), 'utf8').split('\n').filter(Boolean);
    expect(listed.sort()).toEqual(command.split(/\s+/).filter(Boolean).sort());
  });
});
