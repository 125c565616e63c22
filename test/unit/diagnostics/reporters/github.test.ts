import { describe, expect, test } from '@jest/globals';
import type { Diagnostic } from '../../../../src/diagnostics/diagnostic.js';
import { escapeData, escapeProperty, repositoryRoot, workflowCommand } from '../../../../src/diagnostics/reporters/github.js';

const root = '/repo';

describe('workflow commands', () => {
  test('a located error: ::error file=…,line=…,col=…,title=…::message, the path relative to the repository', () => {
    const error: Diagnostic = {
      file: '/repo/chapters/es/qualify-your-clients.md',
      line: 3,
      column: 14,
      severity: 'error',
      message: 'Invalid frontmatter: Nested mappings are not allowed in compact mappings. Quote the value if it contains ": " or "#".',
      rule: 'frontmatter-yaml',
      lang: 'es',
    };
    expect(workflowCommand(error, root)).toBe(
      '::error file=chapters/es/qualify-your-clients.md,line=3,col=14,title=frontmatter-yaml::Invalid frontmatter: Nested mappings are not allowed in compact mappings. Quote the value if it contains ": " or "#".',
    );
  });

  test('a warning, and a message without a place or rule', () => {
    const warning: Diagnostic = { file: '/repo/chapters/nl/x.md', line: 4, column: 1, severity: 'warning', message: 'Duplicate key `category`', rule: 'frontmatter-duplicate-key' };
    expect(workflowCommand(warning, root)).toBe('::warning file=chapters/nl/x.md,line=4,col=1,title=frontmatter-duplicate-key::Duplicate key `category`');
    expect(workflowCommand({ file: '/repo/book.yaml', severity: 'info', message: 'Note' }, root)).toBe('::notice file=book.yaml::Note');
  });

  test('escaping: % CR LF in the message; and : , in properties too', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const odd: Diagnostic = { file: '/repo/chap,ters/a:b.md', line: 1, column: 2, severity: 'error', message: 'line one\nline two 50%', rule: 'r,1' };
    expect(workflowCommand(odd, root)).toBe('::error file=chap%2Cters/a%3Ab.md,line=1,col=2,title=r%2C1::line one%0Aline two 50%25');
  });

  test('the repository root: GITHUB_WORKSPACE, else git, else the working directory', () => {
    expect(repositoryRoot({ GITHUB_WORKSPACE: '/w/book' }, '/elsewhere')).toBe('/w/book');
    expect(repositoryRoot({}, '/')).toBe('/');
  });
});
