import { NodeOperationError } from 'n8n-workflow';

import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { runError, runJson, startSandbox } from './harness';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const get = (taskLevelId: string) => ({ resource: 'taskLevel', operation: 'get', taskLevelId });

describe('Task Level → Get', () => {
	it('reads a level with its parent task, environments, unit tests and file changes', async () => {
		const task = sandbox.store.tasks().find((candidate) => candidate.title === 'Inventory Ledger')!;
		const level = sandbox.store.taskLevels.of(task.id)[2];
		expect(await runJson(sandbox, get(level.id))).toEqual([
			{
				id: level.id,
				parentTask: { id: task.id, title: 'Inventory Ledger' },
				executionEnvironments: [
					{
						environment: 'py3',
						environmentType: 'language',
						timeLimit: 20,
						description: 'Level 3: Transfer stock between warehouses.',
						filesOpenByDefault: ['ledger.py'],
						pathsExpandedByDefault: ['tests'],
						ignoredPaths: ['__pycache__'],
						postCreateCommand: null,
						unitTests: [{ title: 'level 3', weight: 3 }],
						diffs: [
							{ action: 'upsertFile', path: 'tests/test_level_3.py', source: expect.stringContaining('def test_level_3') },
							{ action: 'deleteFile', path: 'notes/level_2.md' },
						],
					},
				],
			},
		]);
	});

	it('says "not found" for an unknown level', async () => {
		expect((await runError(sandbox, get('Unknown1234567890'))).message).toBe('Task level "Unknown1234567890" not found');
	});

	it.each([
		['', 'Task Level ID is required'],
		['a b', 'Task Level ID must be a CodeSignal ID (letters and digits only), got "a b"'],
	])('refuses the ID %j before sending anything', async (taskLevelId, message) => {
		const error = await runError(sandbox, get(taskLevelId));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sandbox.stats().requests).toBe(0);
	});
});
