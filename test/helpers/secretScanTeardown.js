// @ts-check
/** Jest globalTeardown: see secretScanGlobal.js. */
module.exports = require('./secretScanGlobal').teardown;
