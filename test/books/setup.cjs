'use strict';
const { buildShared } = require('../support/global-builds.cjs');

/**
 * Jest global setup of the `books` tier: starts building the fixture books of fixture-builds.ts in the background and
 * returns; builtBook(name) waits for each book.
 */
module.exports = async (_globalConfig, projectConfig) => {
  buildShared(projectConfig.rootDir, 'test/books/fixture-builds.ts', 'FOLIO_TEST_BOOKS', 'folio-books-');
};
