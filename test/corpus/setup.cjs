'use strict';
const { buildShared } = require('../support/global-builds.cjs');

/**
 * Jest global setup of the `corpus` tier: starts building the guide of guide-builds.ts,
 * once per format, in the background and returns; builtBook(name, 'FOLIO_TEST_CORPUS')
 * waits for each format.
 */
module.exports = async (_globalConfig, projectConfig) => {
  buildShared(projectConfig.rootDir, 'test/corpus/guide-builds.ts', 'FOLIO_TEST_CORPUS', 'folio-corpus-');
};
