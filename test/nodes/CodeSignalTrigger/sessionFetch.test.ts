/**
 * "Fetch full session from the API": bounded so that CodeSignal gets its 200 within about 2 seconds whatever
 * the API does, and never turning a valid delivery into a failure.
 */
import { recordLogs } from '../../helpers/n8n';
import { callWebhook } from '../../helpers/n8nWebhook';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from '../../helpers/scriptedServer';
import { API_KEY, samples, signed, triggerSpec } from './trigger';

const finished = samples.companyTestSessionFinished;
const sessionId = String(finished.payload.testSessionId);

const apiSession = {
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
};

let api: ScriptedServer | undefined;
let logs: ReturnType<typeof recordLogs>;
beforeEach(() => (logs = recordLogs()));
afterEach(async () => {
	await api?.close();
	api = undefined;
	logs.restore();
});

async function deliverWithApi(answers: (index: number) => ScriptedAnswer, options = {}, envelope = finished) {
	api = await startScriptedServer(answers);
	const spec = triggerSpec({ options: { fetchSession: true, ...options } }, { endpoint: api.url, requestsPerSecond: 100 });
	const startedAt = Date.now();
	const outcome = await callWebhook(spec, signed(envelope));
	expect(outcome.status).toBe(200);
	expect(outcome.workflowData).toHaveLength(1);
	return { item: outcome.workflowData![0][0].json, elapsedMs: Date.now() - startedAt };
}

describe('CodeSignal Trigger: fetching the session', () => {
	it('adds the session as the API returns it, scores included', async () => {
		const { item } = await deliverWithApi(() => ({ body: { data: { companyTestSession: apiSession } } }));
		expect(item).toMatchObject({
			session: { id: sessionId, score: 850, maxScore: 1000, scorePercent: 85, resultReady: true },
			sessionError: null,
		});
		expect(JSON.parse(api!.arrived[0].body)).toMatchObject({ operationName: 'GetTestSession', variables: { id: sessionId } });
		expect(api!.arrived[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(JSON.stringify(item)).not.toContain('accessToken');
	});

	it('keeps the API result link only when result links are asked for', async () => {
		const { item } = await deliverWithApi(() => ({ body: { data: { companyTestSession: apiSession } } }), {
			includeResultUrl: true,
		});
		expect(item.session).toMatchObject({ resultUrl: apiSession.result.url });
	});

	it('still runs within about 2 seconds when the API does not answer, saying why', async () => {
		const { item, elapsedMs } = await deliverWithApi(() => ({ delayMs: 6000, body: {} }));
		expect(item).toMatchObject({
			event: 'companyTestSessionFinished',
			session: null,
			sessionError: 'CodeSignal did not answer within 2000 ms; read the session by its testSessionId later',
		});
		expect(elapsedMs).toBeGreaterThanOrEqual(1900);
		expect(elapsedMs).toBeLessThan(4000);
	});

	it('retries a server error within the budget', async () => {
		const { item } = await deliverWithApi((index) =>
			index === 0 ? { status: 503, body: 'unavailable' } : { body: { data: { companyTestSession: apiSession } } },
		);
		expect(item).toMatchObject({ session: { id: sessionId }, sessionError: null });
	});

	it('still runs when the API rejects the key, saying why without the key', async () => {
		const { item } = await deliverWithApi(() => ({ status: 401, body: { errors: [{ message: 'Invalid API key' }] } }));
		expect(item.session).toBeNull();
		expect(item.sessionError).toMatch(/^Could not read the session from CodeSignal: CodeSignal rejected the API key \(HTTP 401\)/);
		expect(JSON.stringify(item)).not.toContain(API_KEY);
	});

	it('says so when CodeSignal has no such session', async () => {
		const { item } = await deliverWithApi(() => ({ body: { data: { companyTestSession: null } } }));
		expect(item).toMatchObject({ session: null, sessionError: `CodeSignal has no test session "${sessionId}"` });
	});

	it('does not call the API for events that are not about a test session', async () => {
		const { item } = await deliverWithApi(() => ({ body: {} }), {}, samples.liveInterviewFinished);
		expect(item).not.toHaveProperty('session');
		expect(api!.arrived).toHaveLength(0);
	});
});
