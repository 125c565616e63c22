'use strict';
const { buildShared } = require('../support/global-builds.cjs');

/** Jest global setup of the `corpus` tier: the guide of guide-builds.ts, built once per format (builtBook(name, 'FOLIO_TEST_CORPUS')). */
module.exports = async (_globalConfig, projectConfig) => {
  await buildShared(projectConfig.rootDir, 'test/corpus/guide-builds.ts', 'FOLIO_TEST_CORPUS', 'folio-corpus-');
};
