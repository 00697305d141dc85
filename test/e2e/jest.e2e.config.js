/**
 * End-to-end suite against a real n8n (installed once into ~/.cache by scripts/n8n/runtime.ts).
 * Run with `npx jest --config test/e2e/jest.e2e.config.js`; never part of the fast suite.
 */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// Installs the runtimes (minutes, the first time) and packs the package once for every suite.
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	// One n8n at a time on 2 cores.
	maxWorkers: 1,
	testTimeout: 15 * 60 * 1000,
};
