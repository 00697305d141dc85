/**
 * The trigger's second phase, its execute(): what the execution does with a delivery after CodeSignal had its
 * 200. It reads the session from the API with the transport's retries (the body is not signed), flags a
 * delivery its session contradicts, and drops a repeat that n8n's database remembers from another process.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MAX_DELIVERIES_IN_DATABASE } from '../../../nodes/CodeSignalTrigger/triggerSettings';
import { dropTriggerState } from '../../../nodes/CodeSignalTrigger/triggerState';
import * as retry from '../../../nodes/shared/retry';
import { processedDataStore } from '../../helpers/deduplication';
import { executeNode, recordLogs } from '../../helpers/n8n';
import { callWebhook } from '../../helpers/n8nWebhook';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from '../../helpers/scriptedServer';
import { API_KEY, samples, signed, triggerSpec, type Envelope } from './trigger';

const finished = samples.companyTestSessionFinished;
const sessionId = String(finished.payload.testSessionId);

const apiSession = (overrides: Record<string, unknown> = {}) => ({
	id: sessionId,
	status: 'over',
	testTaker: { email: 'jane.doe@gmail.com', firstName: 'Jane', lastName: 'Doe' },
	maxScore: 1000,
	createDate: 1553700000000,
	startDate: 1553716000000,
	finishDate: 1553720789347,
	verificationStatus: null,
	test: { id: 'dhey29hcl28hl28', title: 'Software Engineer intern', scoringModel: null },
	result: {
		score: 850,
		solvedTaskCount: 3,
		url: 'https://app.codesignal.com/test-result/x?accessToken=api-token-123',
		taskResults: [],
	},
	...overrides,
});

const answering = (session: unknown): ScriptedAnswer => ({ body: { data: { companyTestSession: session } } });

// n8n's database-backed de-duplication, as every n8n process has it.
beforeAll(processedDataStore);

let api: ScriptedServer | undefined;
let logs: ReturnType<typeof recordLogs>;
let waits: number[];
let workflowCount = 0;
beforeEach(() => {
	logs = recordLogs();
	waits = [];
	// The catch-up waits and the transport's back-off, counted instead of slept.
	jest.spyOn(retry, 'sleep').mockImplementation(async (ms) => void waits.push(ms));
});
afterEach(async () => {
	await api?.close();
	api = undefined;
	logs.restore();
	jest.restoreAllMocks();
});

interface Run {
	parameters?: INodeParameters;
	typeVersion?: number;
	mode?: 'webhook' | 'manual';
	workflowId?: string;
}

/** A delivery through webhook(), then the execution it starts through execute(), as n8n runs them. */
async function deliverAndExecute(answers: (index: number) => ScriptedAnswer, envelope: Envelope = finished, run: Run = {}) {
	api ??= await startScriptedServer(answers);
	const spec = {
		...triggerSpec(run.parameters ?? {}, { endpoint: api.url, requestsPerSecond: 100 }),
		typeVersion: run.typeVersion,
		workflowId: run.workflowId ?? `confirm-workflow-${++workflowCount}`,
		webhookMode: run.mode ?? 'webhook',
		executionMode: run.mode ?? 'webhook',
	};
	const outcome = await callWebhook(spec, signed(envelope));
	expect(outcome.status).toBe(200);
	const started = outcome.workflowData?.[0] ?? [];
	const [output] = await executeNode(spec, started as INodeExecutionData[]);
	return { started, output, item: output[0]?.json as Record<string, any> };
}

const warnings = () => logs.lines.filter((line) => line.level === 'warn').map((line) => line.message);

describe('CodeSignal Trigger: reading the session in the execution', () => {
	it('adds the session as the API returns it, and says the result is ready because the API says so', async () => {
		const { item, output } = await deliverAndExecute(() => answering(apiSession()));
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(item).toMatchObject({
			event: 'companyTestSessionFinished',
			resultReady: true,
			session: { id: sessionId, score: 850, maxScore: 1000, scorePercent: 85, resultReady: true },
			apiCheck: { matchesEvent: true, problem: null },
		});
		expect(JSON.parse(api!.arrived[0].body)).toMatchObject({ operationName: 'GetTestSession', variables: { id: sessionId } });
		expect(api!.arrived[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(JSON.stringify(item)).not.toContain('accessToken');
	});

	it('keeps the API result link only when result links are asked for', async () => {
		const { item } = await deliverAndExecute(() => answering(apiSession()), finished, {
			parameters: { options: { includeResultUrl: true } },
		});
		expect(item.session).toMatchObject({ resultUrl: apiSession().result.url });
	});

	it('retries a server error with the transport, with no time budget tighter than CodeSignal needs', async () => {
		const { item } = await deliverAndExecute((index) =>
			index < 3 ? { status: 503, body: 'unavailable' } : answering(apiSession()),
		);
		expect(item).toMatchObject({ resultReady: true, session: { id: sessionId } });
		expect(api!.arrived).toHaveLength(4);
	});

	it('fails the execution when the read fails for good, saying what to do, and without the key', async () => {
		api = await startScriptedServer(() => ({ status: 401, body: { errors: [{ message: 'Invalid API key' }] } }));
		const error = await deliverAndExecute(() => ({})).catch((failure: Error & { description?: string }) => failure);
		expect(error).toBeInstanceOf(Error);
		const failure = error as Error & { description?: string };
		expect(failure.message).toMatch(/^CodeSignal rejected the API key \(HTTP 401\) while trying to read the test session/);
		expect(failure.description).toContain('will not send it again: retry this execution');
		expect(JSON.stringify(failure)).not.toContain(API_KEY);
	});

	it('waits for an API that lags behind the event, then reads the finished session', async () => {
		const { item } = await deliverAndExecute((index) =>
			answering(index < 2 ? apiSession({ status: 'active', finishDate: null, result: null }) : apiSession()),
		);
		expect(item).toMatchObject({ resultReady: true, apiCheck: { matchesEvent: true } });
		expect(waits.slice(0, 2)).toEqual([2000, 4000]);
	});

	it('flags a Result Ready delivery whose session is still active, and never calls its result ready', async () => {
		const active = apiSession({ status: 'active', finishDate: null, result: null });
		const { item } = await deliverAndExecute(() => answering(active), finished, { parameters: { events: ['resultReady'] } });
		expect(item).toMatchObject({
			resultReady: false,
			session: { status: 'active' },
			apiCheck: { matchesEvent: false, problem: 'CodeSignal says the session is "active", not finished with a result' },
		});
		expect(api!.arrived).toHaveLength(4);
		expect(warnings()).toEqual([expect.stringContaining('is flagged: CodeSignal says the session is "active"')]);
	});

	it('flags a delivery naming a session CodeSignal does not have (a replayed signature with another id)', async () => {
		const { item } = await deliverAndExecute(() => answering(null));
		expect(item).toMatchObject({
			resultReady: false,
			session: null,
			apiCheck: { matchesEvent: false, problem: `CodeSignal has no test session "${sessionId}"` },
		});
	});

	it('flags a verified Pre-Screen result whose verification is still pending', async () => {
		const verifiedEvent = samples.preScreenResultVerified;
		const pending = apiSession({ id: verifiedEvent.payload.testSessionId, verificationStatus: 'pending' });
		const { item } = await deliverAndExecute(() => answering(pending), verifiedEvent);
		expect(item.apiCheck).toEqual({
			matchesEvent: false,
			problem: 'CodeSignal says the session is "over" with verification "pending", not verified',
		});
		expect(item.resultReady).toBe(false);
	});

	it('does not call the API for events that are not about a test session', async () => {
		const { item } = await deliverAndExecute(() => ({ body: {} }), samples.liveInterviewFinished);
		expect(item).not.toHaveProperty('session');
		expect(api!.arrived).toHaveLength(0);
	});

	it('reads nothing when "Read Session From the API" is off, or in versions 1 and 2 unless asked', async () => {
		const off = await deliverAndExecute(() => answering(apiSession()), finished, { parameters: { options: { readSession: false } } });
		expect(off.item).not.toHaveProperty('session');
		const v2 = await deliverAndExecute(() => answering(apiSession()), finished, { typeVersion: 2 });
		expect(v2.item).not.toHaveProperty('session');
		expect(api!.arrived).toHaveLength(0);
		const v2Asked = await deliverAndExecute(() => answering(apiSession()), finished, {
			typeVersion: 2,
			parameters: { options: { fetchSession: true } },
		});
		expect(v2Asked.item).toMatchObject({ resultReady: true, session: { id: sessionId } });
	});
});

describe('CodeSignal Trigger: repeats that reached another n8n process', () => {
	it('runs a delivery once: its repeat in another process starts an execution that emits nothing', async () => {
		const workflowId = 'shared-across-processes';
		const first = await deliverAndExecute(() => answering(apiSession()), finished, { workflowId });
		expect(first.output).toHaveLength(1);
		// Another webhook process (or this one after a restart) has no memory of it: n8n's database has.
		dropTriggerState(workflowId, 'node-under-test');
		const repeat = await deliverAndExecute(() => answering(apiSession()), finished, { workflowId });
		expect(repeat.started).toHaveLength(1);
		expect(repeat.output).toHaveLength(0);
		expect(api!.arrived).toHaveLength(1);
	});

	it('runs both of two sessions that finished in the same millisecond, though they share a signature', async () => {
		const workflowId = 'same-millisecond';
		const other = { ...finished, payload: { ...finished.payload, testSessionId: 'other-session-id' } };
		const first = await deliverAndExecute(() => answering(apiSession()), finished, { workflowId });
		// The second reached the other webhook process, which has no memory of the first.
		dropTriggerState(workflowId, 'node-under-test');
		const second = await deliverAndExecute(() => answering(apiSession({ id: 'other-session-id' })), other, { workflowId });
		expect(first.output).toHaveLength(1);
		expect(second.output).toHaveLength(1);
		expect(second.item.testSessionId).toBe('other-session-id');
	});

	it('lets a retried execution run after a read that failed', async () => {
		const workflowId = 'retried-after-failure';
		api = await startScriptedServer((index) => (index === 0 ? { status: 400, body: { errors: [{ message: 'boom' }] } } : answering(apiSession())));
		await expect(deliverAndExecute(() => ({}), finished, { workflowId })).rejects.toThrow('boom');
		dropTriggerState(workflowId, 'node-under-test');
		const retried = await deliverAndExecute(() => ({}), finished, { workflowId });
		expect(retried.output).toHaveLength(1);
	});

	it('keeps the record of every delivery when the executions of one process record them at once', async () => {
		const workflowId = 'recorded-at-once';
		const run = { workflowId, parameters: { options: { readSession: false } } };
		// One (unused) API for all, started before the deliveries run side by side.
		api = await startScriptedServer(() => ({}));
		const deliveries = Array.from({ length: 8 }, (_, index) => ({
			...finished,
			triggeredOn: finished.triggeredOn + index,
			payload: { ...finished.payload, testSessionId: `session-${index}` },
		}));
		const firsts = await Promise.all(deliveries.map((delivery) => deliverAndExecute(() => ({}), delivery, run)));
		// Their repeats reach another process (or this one after a restart): n8n's database must know every one.
		dropTriggerState(workflowId, 'node-under-test');
		const repeats = await Promise.all(deliveries.map((delivery) => deliverAndExecute(() => ({}), delivery, run)));
		expect(firsts.map(({ output }) => output.length)).toEqual(deliveries.map(() => 1));
		expect(repeats.map(({ output }) => output.length)).toEqual(deliveries.map(() => 0));
	});

	it("keeps only the latest 1,000 deliveries in n8n's database, which n8n reads and writes whole for each one", async () => {
		const workflowId = 'long-memory';
		const store = await processedDataStore();
		const listKey = `${workflowId}:n:node-under-test`;
		const earlier = Array.from({ length: 1_500 }, (_, index) => `earlier-delivery-hash-${index}`);
		store.lists.set(listKey, earlier);
		const run = { workflowId, parameters: { options: { readSession: false } } };
		const first = await deliverAndExecute(() => ({}), finished, run);
		expect(first.output).toHaveLength(1);
		const list = store.lists.get(listKey)!;
		expect(list).toHaveLength(MAX_DELIVERIES_IN_DATABASE);
		expect(list.slice(0, -1)).toEqual(earlier.slice(-(MAX_DELIVERIES_IN_DATABASE - 1)));
		// Still the check across processes: its repeat in another process runs nothing.
		dropTriggerState(workflowId, 'node-under-test');
		expect((await deliverAndExecute(() => ({}), finished, run)).output).toHaveLength(0);
		// A smaller Remembered Deliveries applies to the database too.
		const fewer = { workflowId, parameters: { options: { readSession: false, maxRememberedDeliveries: 10 } } };
		const other = { ...finished, triggeredOn: finished.triggeredOn + 1, payload: { ...finished.payload, testSessionId: 'other' } };
		await deliverAndExecute(() => ({}), other, fewer);
		expect(store.lists.get(listKey)).toHaveLength(10);
	});

	it('keeps test executions out of the shared memory', async () => {
		const workflowId = 'tried-in-the-editor';
		expect((await deliverAndExecute(() => answering(apiSession()), finished, { workflowId, mode: 'manual' })).output).toHaveLength(1);
		expect((await deliverAndExecute(() => answering(apiSession()), finished, { workflowId })).output).toHaveLength(1);
	});
});
