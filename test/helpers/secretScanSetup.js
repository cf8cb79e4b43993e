// @ts-check
/** Jest globalSetup: see secretScanGlobal.js. */
module.exports = require('./secretScanGlobal').setup;
