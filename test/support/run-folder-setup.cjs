'use strict';
// Jest's root global setup, after the tiers' own: the run's temporary folder (global-builds.cjs), when no tier made it.
module.exports = async () => require('./global-builds.cjs').useRunFolder();
