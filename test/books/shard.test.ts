import { describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folio } from '../support/folio.js';

const shelf = 'test/fixtures/shelf/book.yaml';
const temporary = () => mkdtempSync(path.join(tmpdir(), 'folio-shard-'));

describe('folio build --shard', () => {
  test('the shares together, and the index page of the gathering job, are the same files as one build, byte for byte', async () => {
    const whole = temporary();
    const shares = [temporary(), temporary(), temporary()];
    const one = await folio(['build', shelf, '--format', 'html,epub', '--out', whole]);
    expect(one.code).toBe(0);
    const runs = await Promise.all(shares.map((out, index) => folio(['build', shelf, '--format', 'html,epub', '--out', out, '--shard', `${index + 1}/3`])));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    const names = shares.map((out) => readdirSync(out).sort());
    // Weights (chapters + 1): en 5, nl 4, fr 3 one per share; de 2 joins fr (3), ja 1 (no chapters) joins nl (4).
    expect(names).toEqual([
      ['shelf-en.epub', 'shelf-en.html'],
      ['shelf-nl.epub', 'shelf-nl.html'],
      ['shelf-de.epub', 'shelf-de.html', 'shelf-fr.epub', 'shelf-fr.html'],
    ]);
    expect(names.flat().sort()).toEqual(readdirSync(whole).filter((name) => name !== 'index.html').sort());
    for (const [index, out] of shares.entries()) {
      for (const name of names[index]!) expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(whole, name)))).toBe(true);
    }
    // The shares write no index page; gathered in one folder, `folio index` writes the one build's, byte for byte.
    const gathered = temporary();
    for (const share of shares) cpSync(share, gathered, { recursive: true });
    expect((await folio(['index', shelf, '--out', gathered])).code).toBe(0);
    expect(readdirSync(gathered).sort()).toEqual(readdirSync(whole).sort());
    expect(readFileSync(path.join(gathered, 'index.html')).equals(readFileSync(path.join(whole, 'index.html')))).toBe(true);
    // The edition without chapters is reported by the share it fell to, and only there.
    expect(runs.map((run) => run.stderr.includes('ja edition skipped'))).toEqual([false, true, false]);
  });

  test('a share with more jobs than editions builds nothing, and a bad --shard is a usage error', async () => {
    const out = temporary();
    const run = await folio(['build', shelf, '--format', 'html', '--out', out, '--shard', '6/6']);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    expect(await folio(['build', shelf, '--shard', '4/3'])).toMatchObject({ code: 2, stderr: 'error  --shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not 4/3\n' });
  });
});
