import { expect, test } from '@jest/globals';
import { all } from 'lowlight';
import { describeGrammars, grammarsModule } from '../../../scripts/code-grammars.js';
import { codeGrammars } from '../../../src/book/code-grammars.js';
import { grammarOf, grammarsFor, loadGrammars } from '../../../src/book/highlighter.js';

test('the grammar table is what the installed highlight.js says (else: npx tsx scripts/code-grammars.ts)', async () => {
  const { readFile } = await import('node:fs/promises');
  const committed = await readFile(new URL('../../../src/book/code-grammars.ts', import.meta.url), 'utf8');
  expect(committed).toBe(grammarsModule(describeGrammars(all)));
  expect(Object.keys(codeGrammars)).toEqual(Object.keys(all));
});

test('a language reaches its grammar by name or alias, in any case; unknown ones reach none', () => {
  expect(grammarOf('rust')).toBe('rust');
  expect(grammarOf('TS')).toBe('typescript');
  expect(grammarOf('yml')).toBe('yaml');
  expect(grammarOf('hs')).toBe('haskell');
  // Claimed by two grammars: the one registered last with all of them wins, as before.
  expect(grammarOf('ml')).toBe('sml');
  expect(grammarOf('ls')).toBe('livescript');
  expect(grammarOf('foolang')).toBeUndefined();
  expect(grammarOf('constructor')).toBeUndefined();
  expect(grammarOf('../../package.json')).toBeUndefined();
});

test('a grammar comes with the grammars it embeds, and one that guesses among all of them needs all', () => {
  expect(grammarsFor(['bash', 'sql'])).toEqual(new Set(['bash', 'sql']));
  expect(grammarsFor(['html'])).toEqual(new Set(['xml', 'css', 'handlebars', 'javascript', 'graphql']));
  expect(grammarsFor(['foolang'])).toEqual(new Set());
  expect(grammarsFor(['bash', 'http'])).toBe('all');
});

test('grammars load by name in the table order, and all of them as lowlight had them', async () => {
  const some = await loadGrammars(['yaml', 'bash']);
  expect(some.map(([name]) => name)).toEqual(['bash', 'yaml']);
  expect(some[0]![1]).toBe(all.bash);
  const every = await loadGrammars('all');
  expect(every.map(([name]) => name)).toEqual(Object.keys(all));
});
