/**
 * Test Session → Get Finished Between, in n8n's real execution context against the CodeSignal sandbox.
 * The operation runs inside a node made of the CodeSignal node's description and this operation alone.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { CodeSignalApi } from '../../../credentials/CodeSignalApi.credentials';
import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import * as getFinishedBetween from '../../../nodes/CodeSignal/actions/testSession/getFinishedBetween.operation';
import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { executeNode } from '../../helpers/n8n';

const TIME_ZONE = 'America/New_York';
let sandbox: CodeSignalSandbox;

beforeEach(async () => {
	sandbox = await startCodeSignalSandbox({
		seed: 21,
		dataset: { tests: 3, sessionsPerTest: 0, proctoredTests: 0 },
		rateLimit: { perSecond: 1000 },
	});
});
afterEach(async () => await sandbox.close());

function nodeWithOperation(): INodeType {
	const { description } = new CodeSignal();
	return {
		description: {
			...description,
			properties: [
				...description.properties.filter((property) => property.name === 'resource'),
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					options: [{ name: 'Get Finished Between', value: 'getFinishedBetween' }],
					default: 'getFinishedBetween',
				},
				...getFinishedBetween.description,
			],
		},
		async execute(this: IExecuteFunctions) {
			return [await getFinishedBetween.execute.call(this, this.getInputData())];
		},
	};
}

async function run(parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail = false) {
	const [output] = await executeNode(
		{
			nodeType: nodeWithOperation(),
			parameters: { resource: 'testSession', operation: 'getFinishedBetween', detail: 'summary', ...parameters },
			credentials: { codeSignalApi: { apiKey: sandbox.apiKey, endpoint: sandbox.graphqlUrl, requestsPerSecond: 100 } },
			credentialTypes: [new CodeSignalApi()],
			timezone: TIME_ZONE,
			continueOnFail,
		},
		items,
	);
	return output;
}

const at = (iso: string) => Date.parse(iso);
const ids = (output: INodeExecutionData[]) => output.map((item) => item.json.id);

describe('Test Session → Get Finished Between', () => {
	it('honours an explicit offset and the workflow\'s time zone: start included, end excluded', async () => {
		const [test] = sandbox.store.tests();
		const sessions = sandbox.store.addSessions(test.id, 5, {
			finishDates: [
				at('2026-09-27T21:59:59.999Z'), // before the start, 2026-09-28T00:00:00+02:00
				at('2026-09-27T22:00:00Z'), // the start itself
				at('2026-09-28T02:00:00Z'),
				at('2026-09-28T03:59:59.999Z'), // just before the end, midnight in New York
				at('2026-09-28T04:00:00Z'), // the end itself
			],
		});
		const output = await run({ finishedAfter: '2026-09-28T00:00:00+02:00', finishedBefore: '2026-09-28T00:00:00', returnAll: true });
		expect(ids(output)).toEqual([sessions[3].id, sessions[2].id, sessions[1].id]);
		expect(output[0].json.finishedAt).toBe('2026-09-27T23:59:59.999-04:00');
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('returns the newest sessions of the window across the chosen tests, with a limit', async () => {
		const [first, second, third] = sandbox.store.tests();
		const base = at('2026-09-01T00:00:00Z');
		for (const [index, test] of [first, second, third].entries()) {
			sandbox.store.addSessions(test.id, 30, { finishDates: Array.from({ length: 30 }, (_, n) => base + (n * 3 + index) * 60_000) });
		}
		const output = await run({
			finishedAfter: '2026-09-01T00:00:00Z',
			finishedBefore: '2026-10-01T00:00:00Z',
			tests: 'selected',
			testIds: [first.id, third.id],
			returnAll: false,
			limit: 7,
		});
		const expected = [first, third]
			.flatMap((test) => sandbox.store.listSessions(test.id))
			.sort((a, b) => b.finishDate! - a.finishDate!)
			.slice(0, 7);
		expect(ids(output)).toEqual(expected.map((session) => session.id));
		expect(output.some((item) => (item.json.test as IDataObject).id === second.id)).toBe(false);
	});

	it('runs once per input item, each with its own window', async () => {
		const [test] = sandbox.store.tests();
		const [early, late] = sandbox.store.addSessions(test.id, 2, {
			finishDates: [at('2026-09-10T12:00:00Z'), at('2026-09-20T12:00:00Z')],
		});
		const output = await run(
			{ finishedAfter: '={{ $json.from }}', finishedBefore: '={{ $json.to }}', returnAll: true },
			[
				{ json: { from: '2026-09-10T00:00:00Z', to: '2026-09-11T00:00:00Z' } },
				{ json: { from: '2026-09-20T00:00:00Z', to: '2026-09-21T00:00:00Z' } },
			],
		);
		expect(output.map((item) => [item.json.id, (item.pairedItem as { item: number }).item])).toEqual([
			[early.id, 0],
			[late.id, 1],
		]);
	});

	it('says what is wrong with the window, per item when continuing on failure', async () => {
		await expect(run({ finishedAfter: '', returnAll: true })).rejects.toThrow('Finished After is required');
		const output = await run(
			{ finishedAfter: '2026-09-02T00:00:00Z', finishedBefore: '2026-09-01T00:00:00Z', returnAll: true },
			[{ json: {} }],
			true,
		);
		expect(output).toEqual([
			{ json: { error: 'Finished Before must be later than Finished After' }, pairedItem: { item: 0 } },
		]);
	});
});
