/** Tests are plain JavaScript against the built package in dist/ (npm test builds first). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 60000,
	// Secrets scan: every test file's output, items, errors and log lines are captured, and after
	// the run scanned for the simulator's client secrets and every token it issued.
	globalSetup: '<rootDir>/test/helpers/secretScanSetup.js',
	setupFilesAfterEnv: ['<rootDir>/test/helpers/secretScan.js'],
	globalTeardown: '<rootDir>/test/helpers/secretScanTeardown.js',
};
