import { SandboxStore, startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data } from './helpers';

describe('CodeSignal sandbox: task levels', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	const progressive = () => sandbox.store.tasks().find((task) => task.title === 'Inventory Ledger')!;

	it("lists a progressive task's levels in order, and reads each by its ID with its parent task", async () => {
		const { task } = await data(sandbox, 'query ($id: ID!) { task(id: $id) { levels { id } } }', { id: progressive().id });
		expect(task.levels).toHaveLength(4);
		const { taskLevel } = await data(
			sandbox,
			`query ($id: ID!) { taskLevel(taskLevelId: $id) {
				id parentTask { id title }
				executionEnvironments { environment value { description unitTests { weight }
					diffs { __typename action path ... on AddOrReplaceTaskLevelDiff { source } } } }
			} }`,
			{ id: task.levels[1].id },
		);
		expect(taskLevel).toMatchObject({
			id: task.levels[1].id,
			parentTask: { id: progressive().id, title: 'Inventory Ledger' },
			executionEnvironments: [
				{
					environment: 'py3',
					value: {
						description: 'Level 2: Report items below their threshold.',
						unitTests: [{ weight: 2 }],
						diffs: [
							{ __typename: 'AddOrReplaceTaskLevelDiff', action: 'upsertFile', path: 'tests/test_level_2.py', source: expect.any(String) },
							{ __typename: 'DeleteTaskLevelDiff', action: 'deleteFile', path: 'notes/level_1.md' },
						],
					},
				},
			],
		});
	});

	it('gives other tasks no levels, an unknown level null, and the same IDs for the same seed', async () => {
		const other = sandbox.store.tasks().find((task) => task.title === 'Balanced Brackets')!;
		expect((await data(sandbox, 'query ($id: ID!) { task(id: $id) { levels { id } } }', { id: other.id })).task.levels).toEqual([]);
		expect((await data(sandbox, 'query { taskLevel(taskLevelId: "NoSuchLevel") { id } }')).taskLevel).toBeNull();
		const levelIds = (seed: number) => {
			const store = new SandboxStore({ seed });
			return store.taskLevels.of(store.tasks().find((task) => task.title === 'Inventory Ledger')!.id).map((level) => level.id);
		};
		expect(levelIds(9)).toEqual(levelIds(9));
	});
});
