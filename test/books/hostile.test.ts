import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import type { Browser } from 'puppeteer';
import { isolatedPage, launchBrowser } from '../../src/browser/browser.js';
import { epubcheckAll, mapLimit, type EpubcheckResult } from '../support/epub.js';
import { repoRoot } from '../support/tools.js';

/**
 * Hostile books, one folder per case under test/hostile/ (book.yaml, chapters, and
 * case.json saying what must happen). Each is copied into a temporary folder beside a
 * canary file with a random token and built by the real command. For every case: the
 * exit code, each expected message located as file:line:column, no stack trace, a
 * summary line, the canary's token in no output (no file outside the book was read into
 * an edition), and nothing remote in any edition. Cases that try to run script open the
 * HTML edition in Chromium (the payloads set document.title) and hover and click every
 * element; their EPUBs go through EPUBCheck.
 */

interface CaseSpec {
  exit: number;
  /** Patterns each of which some line of the output must match. */
  messages: string[];
  /** False when the expected messages have no line (a failure of a whole edition). */
  located?: boolean;
  args?: string[];
  env?: Record<string, string>;
  setup?: { symlinks?: Record<string, string>; fifos?: string[]; executable?: string[] };
  written?: string[];
  browser?: boolean;
  epubcheck?: boolean;
  uniqueIds?: boolean;
  maxLines?: number;
  forbid?: string[];
}

interface Outcome {
  name: string;
  spec: CaseSpec;
  dir: string;
  token: string;
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Map<string, string>;
  epubchecks: Map<string, EpubcheckResult>;
}

const casesDir = path.join(repoRoot, 'test/hostile');
const names = readdirSync(casesDir).filter((name) => existsSync(path.join(casesDir, name, 'case.json'))).sort();
const outcomes = new Map<string, Outcome>();
let scratch: string;

function run(dir: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [path.join(repoRoot, 'scripts/folio.js'), 'build', ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    // Nothing a book does may hang the build: a hard limit well above any case's work.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every output file's text; an EPUB as the text of each of its entries. */
async function readOutputs(dist: string): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  if (!existsSync(dist)) return outputs;
  for (const name of readdirSync(dist)) {
    const bytes = readFileSync(path.join(dist, name));
    if (name.endsWith('.epub')) {
      const zip = await JSZip.loadAsync(bytes);
      for (const entry of Object.values(zip.files)) if (!entry.dir) outputs.set(`${name}!${entry.name}`, await entry.async('string'));
    } else {
      outputs.set(name, bytes.toString('latin1'));
    }
  }
  return outputs;
}

async function buildCase(name: string): Promise<Outcome> {
  const spec = JSON.parse(readFileSync(path.join(casesDir, name, 'case.json'), 'utf8')) as CaseSpec;
  const root = mkdtempSync(path.join(scratch, `${name}-`));
  const dir = path.join(root, 'book');
  cpSync(path.join(casesDir, name), dir, { recursive: true, filter: (source) => path.basename(source) !== 'case.json' });
  const token = `CANARY-${randomBytes(12).toString('hex')}`;
  writeFileSync(path.join(root, 'canary.txt'), `${token}\n`);
  for (const [link, target] of Object.entries(spec.setup?.symlinks ?? {})) {
    mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    symlinkSync(target, path.join(dir, link));
  }
  for (const fifo of spec.setup?.fifos ?? []) execFileSync('mkfifo', [path.join(dir, fifo)]);
  for (const file of spec.setup?.executable ?? []) chmodSync(path.join(dir, file), 0o755);
  const args = spec.args ?? [];
  const formats = args.includes('--format') ? [] : ['--format', 'html,epub'];
  const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, value.replaceAll('{book}', dir)]));
  const result = await run(dir, [...formats, ...args, '--out', 'dist'], env);
  const outputs = await readOutputs(path.join(dir, 'dist'));
  return { name, spec, dir, token, ...result, outputs, epubchecks: new Map() };
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'folio-hostile-'));
  // Two at a time: each build is a process of its own.
  for (const outcome of await mapLimit(names, 2, buildCase)) outcomes.set(outcome.name, outcome);
  // The EPUBs of every case that asks for it, in one EPUBCheck JVM (starting one costs
  // more than checking these small books).
  const checked = [...outcomes.values()]
    .filter(({ spec }) => spec.epubcheck)
    .flatMap((outcome) => {
      const dist = path.join(outcome.dir, 'dist');
      const files = existsSync(dist) ? readdirSync(dist).filter((file) => file.endsWith('.epub')) : [];
      return files.map((file) => ({ outcome, file, path: path.join(dist, file) }));
    });
  if (checked.length > 0) {
    const results = await epubcheckAll(checked.map((each) => each.path));
    checked.forEach(({ outcome, file }, index) => outcome.epubchecks.set(file, results[index]!));
  }
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const remoteUrl = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const remoteCssUrl = /url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const loadingAttributes = ['src', 'srcSet', 'poster', 'href', 'xLinkHref', 'data', 'background', 'action', 'formAction', 'cite', 'longDesc'];

/** What in a page would load from elsewhere: every URL attribute but a link's href, and CSS url(). */
function remoteReferences(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      for (const key of loadingAttributes) {
        if ((child.tagName === 'a' || child.tagName === 'area') && key === 'href') continue;
        const value = child.properties[key];
        const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
        if (value !== undefined && remoteUrl.test(text)) found.push(`<${child.tagName} ${key}="${text}">`);
      }
      if (typeof child.properties.style === 'string' && remoteCssUrl.test(child.properties.style)) found.push(`<${child.tagName} style="${child.properties.style}">`);
      if (child.tagName === 'style') {
        const css = child.children.map((text) => ('value' in text ? text.value : '')).join('');
        if (remoteCssUrl.test(css)) found.push('<style> with a remote url()');
      }
      walk(child);
      if (child.tagName === 'template' && child.content) walk(child.content);
    }
  };
  walk(fromHtml(html));
  return found;
}

function idsOf(html: string): string[] {
  const ids: string[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.properties.id !== undefined) ids.push(String(child.properties.id));
      walk(child);
    }
  };
  walk(fromHtml(html));
  return ids;
}

describe.each(names)('hostile book: %s', (name) => {
  const outcome = () => outcomes.get(name)!;

  test('exit code, located messages, no stack trace, a summary line', () => {
    const { spec, code, stdout, stderr } = outcome();
    const output = `${stdout}\n${stderr}`;
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect({ code, output }).toEqual({ code: spec.exit, output: expect.any(String) });
    expect(output).not.toMatch(/^\s+at /m);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/\d+ errors?, \d+ warnings?/);
    for (const pattern of spec.messages) {
      const line = lines.find((each) => new RegExp(pattern).test(each));
      expect({ pattern, line: line ?? output }).toEqual({ pattern, line: expect.stringMatching(new RegExp(pattern)) });
      if (spec.located !== false) expect(line).toMatch(/^\S+:\d+:\d+\s{2}(error|warning)\s/);
    }
    if (spec.maxLines) expect(lines.length).toBeLessThanOrEqual(spec.maxLines);
    for (const text of spec.forbid ?? []) expect(output).not.toContain(text);
    for (const file of spec.written ?? []) expect([...outcome().outputs.keys()].some((key) => key === file || key.startsWith(`${file}!`))).toBe(true);
  });

  test('no file outside the book reaches any output; nothing remote in any edition', () => {
    const { token, outputs, stdout, stderr } = outcome();
    expect(`${stdout}${stderr}`).not.toContain(token);
    for (const [file, text] of outputs) {
      expect({ file, canary: text.includes(token) }).toEqual({ file, canary: false });
      if (/\.(x?html)$/.test(file)) expect({ file, remote: remoteReferences(text) }).toEqual({ file, remote: [] });
      if (file.endsWith('.css')) expect({ file, remote: remoteCssUrl.test(text) }).toEqual({ file, remote: false });
    }
  });

  test('ids are never empty and never repeated', () => {
    if (!outcome().spec.uniqueIds) return;
    for (const [file, text] of outcome().outputs) {
      if (!/\.x?html$/.test(file)) continue;
      const ids = idsOf(text);
      expect(ids.filter((id) => id.trim() === '')).toEqual([]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    }
  });

  test('EPUBCheck finds nothing', () => {
    const { spec, epubchecks } = outcome();
    if (!spec.epubcheck) return;
    expect(epubchecks.size).toBeGreaterThan(0);
    for (const [file, result] of epubchecks) expect({ file, ...result }).toEqual({ file, fatals: 0, errors: 0, warnings: 0, messages: [] });
  });
});

describe('hostile HTML runs no script in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const scripted = names.filter((name) => (JSON.parse(readFileSync(path.join(casesDir, name, 'case.json'), 'utf8')) as CaseSpec).browser);
  test.each(scripted)('%s: document.title unchanged after load, hovers and clicks on every element', async (name) => {
    const { outputs } = outcomes.get(name)!;
    const html = [...outputs].find(([file]) => file.endsWith('.html'))?.[1];
    expect(html).toBeDefined();
    const expected = /<title>([^<]*)<\/title>/.exec(html!)![1]!;
    const page = await isolatedPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.setContent(Buffer.from(html!, 'latin1').toString('utf8'), { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await page.title()).toBe(expected);
      const handles = await page.$$('body *');
      for (const handle of handles) {
        const box = await handle.boundingBox();
        if (!box || box.width === 0 || box.height === 0) continue;
        await handle.hover().catch(() => undefined);
        await handle.click().catch(() => undefined);
        await handle.focus().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await page.title()).toBe(expected);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
