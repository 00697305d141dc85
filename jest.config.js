/** Fast suite: unit tests and tests against the in-process sandbox servers. The real-n8n suite is test/e2e. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
		// CodeSignal's schema, imported as its text (the build bundles it the same way).
		'\\.graphql$': '<rootDir>/test/helpers/textModule.js',
	},
	moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
	testTimeout: 60000,
};
