'use strict';
const { buildShared } = require('../support/global-builds.cjs');

/** Jest global setup of the `books` tier: the fixture books of fixture-builds.ts, built once (builtBook()). */
module.exports = async (_globalConfig, projectConfig) => {
  await buildShared(projectConfig.rootDir, 'test/books/fixture-builds.ts', 'FOLIO_TEST_BOOKS', 'folio-books-');
};
