'use strict';
// Jest's root global teardown, after the tiers' own: removes the run's temporary folder (global-builds.cjs).
module.exports = async () => require('./global-builds.cjs').removeRunFolder();
