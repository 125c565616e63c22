'use strict';
const { removeShared } = require('../support/global-builds.cjs');

module.exports = async () => removeShared('FOLIO_TEST_BOOKS');
