import { expect, test } from '@jest/globals';
import * as folio from '../../src/index.js';

test('the public API exports exactly these names', () => {
  expect(Object.keys(folio).sort()).toEqual(['FolioError', 'UsageError', 'build', 'formatMessages', 'loadBook']);
});
