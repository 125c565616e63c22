import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { builtBook } from '../support/books.js';
import { repoRoot } from '../support/tools.js';

const execFileAsync = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `folio` command, as a user would. */
async function folio(args: string[], cwd = repoRoot, env: Record<string, string | undefined> = {}): Promise<Run> {
  const environment = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete environment[name];
  try {
    // Inside GitHub Actions the default reporter is github; these tests read the pretty one.
    const { stdout, stderr } = await execFileAsync('node', [path.join(repoRoot, 'scripts/folio.js'), ...args], { cwd, env: { ...environment, GITHUB_ACTIONS: '' } });
    return { code: 0, stdout, stderr };
  } catch (caught) {
    const failure = caught as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const fixture = (name: string) => path.join('test/fixtures', name, 'book.yaml');
const temporary = () => mkdtempSync(path.join(tmpdir(), 'folio-cli-'));

describe('folio build', () => {
  test('builds each edition, prints one line per file and a summary, exits 0 with warnings', async () => {
    const out = temporary();
    const run = await folio(['build', fixture('mini'), '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^en {4}html {2}\S*mini-en\.html {2}6 chapters {2}\d+ ms$/m);
    expect(run.stdout).toMatch(/^nl {4}html {2}\S*mini-nl\.html {2}5\/6 chapters {2}\d+ ms$/m);
    expect(run.stdout).toMatch(/wrote 2 files; 0 errors, 3 warnings; [\d.]+ s/);
    // The same broken link in both languages: one line naming both.
    expect(run.stderr).toMatch(/^test\/fixtures\/mini\/chapters\/\{lang\}\/first-steps\.md:19:58 {2}warning {2}Link to #nowhere, .* \(en, nl\) {2}link-missing-anchor$/m);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'mini-en.html', 'mini-nl.html']);
  });

  test('an edition with errors is not written, the others are, and the exit code is 1', async () => {
    const out = temporary();
    const run = await folio(['build', fixture('bad-frontmatter'), '--format', 'html', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        'test/fixtures/bad-frontmatter/chapters/en/broken.md:3:14  error  Invalid frontmatter: Nested mappings are not allowed in compact mappings. Quote the value if it contains ": " or "#".  frontmatter-yaml',
        'test/fixtures/bad-frontmatter/chapters/en/doubled.md:4:1  warning  Duplicate key `category` in frontmatter (first on line 3); the later value wins  frontmatter-duplicate-key',
      ]),
    );
    expect(readdirSync(out).sort()).toEqual(['bad-frontmatter-nl.html', 'index.html']);
  });

  test('a failed build leaves what an earlier build wrote, and no temporary file', async () => {
    const book = temporary();
    cpSync(path.join(repoRoot, 'test/fixtures/bad-frontmatter'), book, { recursive: true });
    const out = path.join(book, 'dist');
    // First a good build of the English edition…
    writeFileSync(path.join(book, 'chapters/en/broken.md'), '---\ntitle: Fixed\n---\n\nFixed.\n');
    expect((await folio(['build', '--lang', 'en', '--format', 'html'], book)).code).toBe(0);
    const before = readFileSync(path.join(out, 'bad-frontmatter-en.html'));
    // …then the chapter breaks: the build fails and the earlier file is untouched.
    writeFileSync(path.join(book, 'chapters/en/broken.md'), '---\ntitle: [broken\n---\n');
    expect((await folio(['build', '--lang', 'en', '--format', 'html'], book)).code).toBe(1);
    expect(readFileSync(path.join(out, 'bad-frontmatter-en.html'))).toEqual(before);
    expect(readdirSync(out)).toEqual(['bad-frontmatter-en.html']);
  });

  test("a book's own EPUB template that does not compile: an error of the book naming the file, not a bug; the HTML is still written", async () => {
    const book = temporary();
    cpSync(path.join(repoRoot, 'test/fixtures/features'), book, { recursive: true });
    mkdirSync(path.join(book, 'theme/epub'), { recursive: true });
    writeFileSync(path.join(book, 'theme/epub/chapter.ejs'), '<section>\n<%= page.title %>\n<% if (page.x { %>\n</section>\n');
    writeFileSync(path.join(book, 'book.yaml'), `${readFileSync(path.join(book, 'book.yaml'), 'utf8')}templates: theme\n`);
    const run = await folio(['build', '--lang', 'en', '--format', 'html,epub'], book);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.split('  ')[1] === 'error');
    expect(errors).toEqual([expect.stringMatching(/^book\.yaml {2}error {2}en epub edition failed: The book's template .*theme\/epub\/chapter\.ejs does not compile \(fix it, or remove it to use Folio's\): Unexpected token '\{' in .*chapter\.ejs while compiling ejs.* {2}target-failed$/)]);
    expect(readdirSync(path.join(book, 'dist'))).toEqual(['features-en.html']);
  });

  test('the same sources give byte-identical files, in every format (the default), in another process', async () => {
    const out = temporary();
    const shared = builtBook('mini');
    expect((await folio(['build', fixture('mini'), '--out', out], repoRoot, { SOURCE_DATE_EPOCH: undefined })).code).toBe(0);
    // The command also writes the index page of a book in several languages (its bytes: the index tests).
    expect(readdirSync(out).sort()).toEqual(['index.html', 'mini-en.epub', 'mini-en.html', 'mini-en.pdf', 'mini-nl.epub', 'mini-nl.html', 'mini-nl.pdf']);
    for (const name of readdirSync(out).filter((file) => file !== 'index.html')) {
      expect([name, readFileSync(path.join(out, name)).equals(readFileSync(path.join(shared.outDir, name)))]).toEqual([name, true]);
    }
  });

  test('html and epub built on two threads: the same files, lines and messages as on one', async () => {
    const [threaded, single] = [temporary(), temporary()];
    const runs = [
      await folio(['build', fixture('features'), '--format', 'html,epub', '--jobs', '2', '--out', threaded]),
      await folio(['build', fixture('features'), '--format', 'html,epub', '--jobs', '1', '--out', single]),
    ];
    // Times, and the order in which files finish, differ from run to run; nothing else may.
    // The command prints paths relative to where it runs (../folio-cli-…/ when the clone is
    // under the temporary folder too), so both spellings of each folder become OUT.
    const stable = (text: string) => {
      let out = text.replace(/\d+ ms$/gm, 'N ms').replace(/; [\d.]+ s$/m, '');
      for (const dir of [threaded, single]) out = out.replaceAll(dir, 'OUT').replaceAll(path.relative(repoRoot, dir), 'OUT');
      return out.split('\n').sort();
    };
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(stable(runs[0]!.stdout)).toEqual(stable(runs[1]!.stdout));
    expect(runs[0]!.stderr).toBe(runs[1]!.stderr);
    // Three removals in each of the two languages: three lines, each naming both.
    expect(runs[0]!.stderr.match(/\(en, fr\) {2}html-removed$/gm)).toHaveLength(3);
    expect(readdirSync(threaded).sort()).toEqual(['features-en.epub', 'features-en.html', 'features-fr.epub', 'features-fr.html', 'index.html']);
    for (const name of readdirSync(threaded)) {
      expect(readFileSync(path.join(threaded, name)).equals(readFileSync(path.join(single, name)))).toBe(true);
    }
  });

  test('--version and -V print the version of package.json and exit 0', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(await folio([flag])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('usage errors exit 2 with a message that says what to do', async () => {
    const format = await folio(['build', '--format', 'html,docx']);
    expect(format).toMatchObject({ code: 2, stderr: 'error  Unknown format docx; available: html, epub, pdf, print\n' });
    const jobs = await folio(['build', '--jobs', 'two']);
    expect(jobs).toMatchObject({ code: 2, stderr: 'error  --jobs must be a positive whole number, not two\n' });
    const lang = await folio(['build', '--lang', 'xx']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang xx: not a language of this book');
    const option = await folio(['build', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--bogus'");
    const missing = await folio(['build', 'no/such/book.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read the manifest no/such/book.yaml');
  });
});

describe('folio check', () => {
  test('reports every manifest problem at file:line:column and the missing chapter, writes nothing, exits 1', async () => {
    const run = await folio(['check', fixture('bad-manifest')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'test/fixtures/bad-manifest/book.yaml:2:1  error  Missing key `author` (a string)  manifest-missing-key',
      'test/fixtures/bad-manifest/book.yaml:4:1  error  Unknown key `autor`; did you mean `author`?  manifest-unknown-key',
      'test/fixtures/bad-manifest/book.yaml:6:7  error  `date` must be YYYY, YYYY-MM or YYYY-MM-DD  manifest-invalid',
      'test/fixtures/bad-manifest/book.yaml:7:1  warning  en edition is partial: 1 of 2 chapters missing at test/fixtures/bad-manifest/chapters/{lang}/{slug}.md (missing)  edition-incomplete',
    ]);
    expect(readdirSync(path.join(repoRoot, 'test/fixtures/bad-manifest'))).not.toContain('dist');
  });

  test('--strict makes a missing chapter an error', async () => {
    const book = temporary();
    cpSync(path.join(repoRoot, 'test/fixtures/bad-manifest'), book, { recursive: true });
    writeFileSync(path.join(book, 'book.yaml'), 'slug: ok\ntitle: OK\nauthor: A\nlanguages: [en]\ncontents: [exists, missing]\n');
    expect((await folio(['check'], book)).code).toBe(0);
    const strict = await folio(['check', '--strict'], book);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^book\.yaml:5:1 {2}error {2}en edition is partial: 1 of 2 chapters missing .*\(missing\) {2}edition-incomplete$/m);
  });
});
