/** The execution environments of the catalogue's filesystem and database tasks, as the schema shapes them. */
import type { TaskRecord } from './model';

export function filesystemTaskFields(functionName: string): Partial<TaskRecord> {
	return {
		executionEnvironments: [
			{
				title: 'TypeScript',
				key: 'ts',
				environment: 'ts',
				environmentType: 'language',
				description: 'Node 20 with TypeScript and Mocha.',
				files: [
					{
						isFolder: false,
						path: `src/${functionName}.ts`,
						source: `export function ${functionName}() {\n  // TODO\n}\n`,
					},
					{
						isFolder: false,
						path: 'package.json',
						source: '{ "name": "task", "private": true }\n',
					},
				],
				pathsExpandedByDefault: ['src'],
				filesOpenByDefault: [`src/${functionName}.ts`],
				testingTool: 'mochaTs',
				timeLimit: 20,
				unitTests: [
					{ title: 'returns the first page', weight: 1 },
					{ title: 'handles an empty list', weight: 1 },
				],
				ignoredPaths: ['node_modules'],
				postCreateCommand: 'npm install',
			},
		],
		enableNetwork: false,
		persistentSessionSupport: false,
		persistentSessionPreview: false,
		hasAiChecker: false,
	};
}

export function databaseEnvironments() {
	return {
		mysql: {
			setupScript:
				'CREATE TABLE orders (id INT PRIMARY KEY, amount DECIMAL(10,2), created_at DATETIME);',
			teardownScript: 'DROP TABLE orders;',
			tests: [{ input: 'orders: 3 rows over 2 months', output: '2 rows' }],
			description: 'MySQL 8',
			tableNames: ['orders'],
		},
		psql: null,
		mssql: null,
	};
}
