/**
 * Deliveries made by the CodeSignal sandbox's webhook sender (signed as CodeSignal signs, with the custom header),
 * POSTed over loopback to a server that hands each request to the trigger's webhook() as n8n does.
 */
import { codeSignalEvent } from '../../../nodes/CodeSignalTrigger/events';
import { startCodeSignalSandbox, WEBHOOK_EVENTS, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { processedDataStore } from '../../helpers/deduplication';
import { executeNode, recordLogs, type NodeUnderTest } from '../../helpers/n8n';
import { startWebhookServer, type WebhookCallOutcome, type WebhookServer } from '../../helpers/n8nWebhook';
import { ORGANIZATION_ID, PRODUCTION_URL, SECRET, triggerSpec } from './trigger';

let sandbox: CodeSignalSandbox;
let server: WebhookServer;
let spec: NodeUnderTest;
let logs: ReturnType<typeof recordLogs>;

beforeAll(processedDataStore);

const legacyEvents = WEBHOOK_EVENTS.filter((event) => event.startsWith('certification'));

beforeEach(async () => {
	logs = recordLogs();
	sandbox = await startCodeSignalSandbox({ seed: 7, rateLimit: { perSecond: 1000 } });
	spec = {
		...triggerSpec({ events: ['*'], legacyEvents }, { endpoint: sandbox.graphqlUrl, apiKey: sandbox.apiKey }),
		executionMode: 'webhook',
	};
	server = await startWebhookServer(spec);
	// As set up in CodeSignal: the node's production URL (reached here through a loopback "proxy").
	sandbox.webhooks.configure({
		endpointUrl: PRODUCTION_URL,
		deliverTo: server.url,
		secret: SECRET,
		headers: { 'x-endorsed-organization-id': ORGANIZATION_ID },
		timeScale: 0.001,
	});
});

afterEach(async () => {
	await sandbox.close();
	await server.close();
	logs.restore();
});

const executions = () => server.calls.filter((call) => call.workflowData !== undefined);

/** The execution a delivery started, from the trigger's execute() on: its one item. */
async function executed(call: WebhookCallOutcome) {
	const [output] = await executeNode(spec, call.workflowData![0]);
	expect(output).toHaveLength(1);
	return output[0].json;
}

describe('CodeSignal Trigger with the CodeSignal sandbox', () => {
	it('answers the ping sent when the webhook is saved with 200 and runs nothing', async () => {
		expect(await sandbox.webhooks.ping()).toEqual({ status: 200 });
		expect(server.calls).toHaveLength(1);
		expect(executions()).toHaveLength(0);
	});

	it.each([...WEBHOOK_EVENTS])('accepts a %s delivery and runs once with its ids', async (event) => {
		const payload = sandbox.webhooks.payloadFor(event);
		const answer = await sandbox.webhooks.deliverOnce(event, payload, { triggeredOn: 1_767_225_600_000 });
		expect(answer.status).toBe(200);
		expect(executions()).toHaveLength(1);
		const item = executions()[0].workflowData![0][0].json;
		expect(item).toMatchObject({
			event,
			triggeredOn: 1_767_225_600_000,
			organizationId: ORGANIZATION_ID,
			testSessionId: payload.testSessionId ?? null,
			interviewId: payload.interviewId ?? null,
			externalId: payload.externalId ?? null,
		});
		const executedItem = await executed(executions()[0]);
		if (codeSignalEvent(event)?.subject === 'testSession') {
			expect(executedItem).toMatchObject({ session: { id: payload.testSessionId } });
		} else {
			expect(executedItem).not.toHaveProperty('session');
		}
	});

	it('answers 401 to a tampered or missing signature and 403 to another organization', async () => {
		const event = 'companyTestSessionStarted';
		const payload = sandbox.webhooks.payloadFor(event);
		expect((await sandbox.webhooks.deliverOnce(event, payload, { signature: 'ab'.repeat(32) })).status).toBe(401);
		expect((await sandbox.webhooks.deliverOnce(event, payload, { signature: null })).status).toBe(401);
		const otherOrganization = { headers: { 'x-endorsed-organization-id': '999' } };
		expect((await sandbox.webhooks.deliverOnce(event, payload, otherOrganization)).status).toBe(403);
		expect(executions()).toHaveLength(0);
		expect(logs.lines.map((line) => line.message)).toEqual([
			expect.stringContaining('(HTTP 401): The X-CodeSignal-Signature header does not match'),
			expect.stringContaining('(HTTP 401): The X-CodeSignal-Signature header is missing'),
			expect.stringContaining('(HTTP 403)'),
		]);
	});

	it('runs once when a session finishes, the result read from the API', async () => {
		const test = sandbox.store.tests().find((candidate) => !candidate.proctored)!;
		const [session] = sandbox.store.addSessions(test.id, 1, { status: 'pending' });
		sandbox.store.finishSession(session.id);
		await sandbox.webhooks.idle();

		expect(sandbox.webhooks.log().map((entry) => entry.status)).toEqual([200]);
		expect(executions()).toHaveLength(1);
		const item = await executed(executions()[0]);
		expect(item).toMatchObject({
			event: 'companyTestSessionFinished',
			testSessionId: session.id,
			resultReady: true,
			session: { id: session.id, status: 'over', resultReady: true },
			apiCheck: { matchesEvent: true, problem: null },
		});
		expect((item.session as { score: number }).score).toBe((item.payload as { score: number }).score);
	});

	it('loses nothing while the set-up is wrong: CodeSignal retries until it is fixed, and the delivery runs once', async () => {
		sandbox.webhooks.configure({
			endpointUrl: PRODUCTION_URL,
			deliverTo: server.url,
			secret: 'the-old-secret',
			headers: { 'x-endorsed-organization-id': ORGANIZATION_ID },
			timeScale: 0.01,
		});
		const event = 'preScreenResultVerified';
		sandbox.webhooks.emit(event, sandbox.webhooks.payloadFor(event));
		while (sandbox.webhooks.log().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
		sandbox.webhooks.configure({
			endpointUrl: PRODUCTION_URL,
			deliverTo: server.url,
			secret: SECRET,
			headers: { 'x-endorsed-organization-id': ORGANIZATION_ID },
			timeScale: 0.01,
		});
		await sandbox.webhooks.idle();

		const statuses = sandbox.webhooks.log().map((entry) => entry.status);
		expect(statuses[0]).toBe(401);
		expect(statuses.at(-1)).toBe(200);
		expect(statuses.filter((status) => status === 200)).toHaveLength(1);
		expect(executions()).toHaveLength(1);
		expect(executions()[0].workflowData![0][0].json.event).toBe(event);
	});
});
