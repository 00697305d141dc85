import {
	codeSignalSignature,
	retryDelaySeconds,
	startCodeSignalSandbox,
	WEBHOOK_EVENTS,
	type CodeSignalSandbox,
} from '../../../sandbox/codesignal';
import samples from '../../fixtures/codesignal-webhook-samples.json';
import { DOCUMENTED_SIGNATURE as DOCUMENTED } from '../../fixtures/documentedSignature';
import { data, startReceiver, type Receiver } from './helpers';

describe('CodeSignal webhook signature and retry schedule', () => {
	it('matches the documented test vector', () => {
		const { secret, url, event, triggeredOn, signature } = DOCUMENTED;
		expect(codeSignalSignature(secret, url, event, triggeredOn)).toBe(signature);
	});

	it('waits (failCount-1)^4 + 15 + random(30)*failCount seconds', () => {
		expect(retryDelaySeconds(1, 0)).toBe(15);
		expect(retryDelaySeconds(2, 29)).toBe(1 + 15 + 58);
		expect(retryDelaySeconds(24, 10)).toBe(23 ** 4 + 15 + 240);
	});
});

describe('CodeSignal sandbox: webhook delivery', () => {
	let sandbox: CodeSignalSandbox;
	let receiver: Receiver | undefined;

	beforeEach(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
		receiver = undefined;
	});
	afterEach(async () => {
		await sandbox.close();
		await receiver?.close();
	});

	function bodies() {
		return receiver!.requests.map(
			(request) => JSON.parse(request.body) as { event: string; triggeredOn: number; payload: any },
		);
	}

	it('POSTs {event, triggeredOn, payload}, signed over the configured URL, with the custom headers', async () => {
		receiver = await startReceiver();
		sandbox.webhooks.configure({
			endpointUrl: DOCUMENTED.url,
			deliverTo: receiver.url,
			secret: DOCUMENTED.secret,
			headers: { 'x-endorsed-organization-id': '4242' },
		});
		const payload = sandbox.webhooks.payloadFor(DOCUMENTED.event);
		sandbox.webhooks.emit(DOCUMENTED.event, payload, DOCUMENTED.triggeredOn);
		await sandbox.webhooks.idle();

		expect(receiver.requests).toHaveLength(1);
		const [request] = receiver.requests;
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers['x-codesignal-signature']).toBe(DOCUMENTED.signature);
		expect(request.headers['x-endorsed-organization-id']).toBe('4242');
		expect(JSON.parse(request.body)).toEqual({
			event: DOCUMENTED.event,
			triggeredOn: DOCUMENTED.triggeredOn,
			payload,
		});
		expect(sandbox.webhooks.log()).toEqual([
			{
				event: DOCUMENTED.event,
				triggeredOn: DOCUMENTED.triggeredOn,
				attempt: 1,
				status: 200,
				at: expect.any(Number),
			},
		]);
	});

	it('sends no signature without a secret, and only the configured event types', async () => {
		receiver = await startReceiver();
		sandbox.webhooks.configure({
			endpointUrl: receiver.url,
			events: ['companyTestSessionFinished'],
			timeScale: 0.001,
		});
		sandbox.webhooks.emit(
			'companyTestSessionCreated',
			sandbox.webhooks.payloadFor('companyTestSessionCreated'),
		);
		sandbox.webhooks.emit(
			'companyTestSessionFinished',
			sandbox.webhooks.payloadFor('companyTestSessionFinished'),
		);
		await sandbox.webhooks.idle();
		expect(bodies().map((body) => body.event)).toEqual(['companyTestSessionFinished']);
		expect(receiver.requests[0].headers['x-codesignal-signature']).toBeUndefined();
	});

	it('pings with an empty JSON POST and reports the status', async () => {
		receiver = await startReceiver((index) => (index === 0 ? 200 : 500));
		sandbox.webhooks.configure({
			endpointUrl: receiver.url,
			headers: { 'x-endorsed-organization-id': '7' },
		});
		expect(await sandbox.webhooks.ping()).toEqual({ status: 200 });
		expect(await sandbox.webhooks.ping()).toEqual({ status: 500 });
		expect(receiver.requests[0]).toMatchObject({
			method: 'POST',
			body: '',
			headers: expect.objectContaining({
				'content-type': 'application/json',
				'x-endorsed-organization-id': '7',
			}),
		});
	});

	it('retries a failing event with back-off while later events wait behind it', async () => {
		receiver = await startReceiver((index) => [500, 503][index] ?? 200);
		sandbox.webhooks.configure({ endpointUrl: receiver.url, timeScale: 0.001 });
		sandbox.webhooks.emit('companyTestSessionCreated', { testSessionId: 'first' }, 1);
		sandbox.webhooks.emit('companyTestSessionStarted', { testSessionId: 'second' }, 2);
		await sandbox.webhooks.idle();

		expect(
			sandbox.webhooks.log().map(({ event, attempt, status }) => [event, attempt, status]),
		).toEqual([
			['companyTestSessionCreated', 1, 500],
			['companyTestSessionCreated', 2, 503],
			['companyTestSessionCreated', 3, 200],
			['companyTestSessionStarted', 1, 200],
		]);
		expect(bodies().map((body) => body.payload.testSessionId)).toEqual([
			'first',
			'first',
			'first',
			'second',
		]);
		// At least 15 s and 16 s, scaled by 0.001 (timers may fire a millisecond early).
		const [first, second, third] = receiver.requests.map((request) => request.receivedAt);
		expect(second - first).toBeGreaterThanOrEqual(14);
		expect(third - second).toBeGreaterThanOrEqual(15);
	});

	it('disables the webhook and drops its queue after 25 failed attempts', async () => {
		receiver = await startReceiver(() => 500);
		sandbox.webhooks.configure({ endpointUrl: receiver.url, timeScale: 0.000001 });
		sandbox.webhooks.emit('companyTestSessionCreated', { testSessionId: 'stuck' });
		sandbox.webhooks.emit('companyTestSessionStarted', { testSessionId: 'behind' });
		await sandbox.webhooks.idle();

		expect(sandbox.webhooks.disabled).toBe(true);
		expect(sandbox.webhooks.queued()).toBe(0);
		expect(sandbox.webhooks.log().map((entry) => entry.attempt)).toEqual(
			Array.from({ length: 25 }, (_, index) => index + 1),
		);
		expect(new Set(bodies().map((body) => body.payload.testSessionId))).toEqual(new Set(['stuck']));

		sandbox.webhooks.emit('companyTestSessionStarted', { testSessionId: 'ignored' });
		expect(sandbox.webhooks.queued()).toBe(0);
		sandbox.webhooks.configure({ endpointUrl: receiver.url });
		expect(sandbox.webhooks.disabled).toBe(false);
	});

	it('lets a test send one tampered delivery', async () => {
		receiver = await startReceiver();
		sandbox.webhooks.configure({ endpointUrl: receiver.url, secret: 'shh' });
		expect(
			await sandbox.webhooks.deliverOnce(
				'companyTestSessionFinished',
				{},
				{ signature: 'forged', rawBody: '{"x":1}' },
			),
		).toEqual({
			status: 200,
			body: 'ok',
		});
		await sandbox.webhooks.deliverOnce(
			'companyTestSessionFinished',
			{},
			{ signature: null, headers: { 'x-extra': 'y' } },
		);
		expect(receiver.requests[0]).toMatchObject({
			body: '{"x":1}',
			headers: expect.objectContaining({ 'x-codesignal-signature': 'forged' }),
		});
		expect(receiver.requests[1].headers['x-codesignal-signature']).toBeUndefined();
		expect(receiver.requests[1].headers['x-extra']).toBe('y');
	});

	it('announces what happens in the store: creation (echoing externalId) and a finished result', async () => {
		receiver = await startReceiver();
		sandbox.webhooks.configure({ endpointUrl: receiver.url, timeScale: 0.001 });
		const test = sandbox.store.tests()[0];
		const { createCompanyTestSession: created } = await data(
			sandbox,
			'mutation ($fields: TestSessionInput!) { createCompanyTestSession(sessionFields: $fields) { id } }',
			{
				fields: {
					testId: test.id,
					candidateEmail: 'jo@example.com',
					candidateFirstName: 'Jo',
					candidateLastName: 'March',
					externalId: 'ext-9',
				},
			},
		);
		sandbox.store.startSession(created.id);
		const finished = sandbox.store.finishSession(created.id);
		await sandbox.webhooks.idle();

		const [creation, start, finish] = bodies();
		expect([creation.event, start.event, finish.event]).toEqual([
			'companyTestSessionCreated',
			'companyTestSessionStarted',
			'companyTestSessionFinished',
		]);
		expect(creation.payload).toEqual({
			testSessionId: created.id,
			testId: test.id,
			testTitle: test.title,
			candidateEmail: 'jo@example.com',
			candidateName: 'Jo March',
			externalId: 'ext-9',
		});
		// When it finished, or a millisecond after the event before it at most.
		expect(finish.triggeredOn - finished.finishDate!).toBeGreaterThanOrEqual(0);
		expect(finish.triggeredOn).toBeLessThanOrEqual(Math.max(finished.finishDate!, start.triggeredOn + 1));
		expect(finish.payload.score).toBe(
			finished.result!.taskScores.reduce((sum, points) => sum + points, 0),
		);
		expect(finish.payload.url).toContain(`${created.id}?accessToken=`);
	});

	it('sends events that happened in the same millisecond a millisecond apart, so no two share a signature', async () => {
		receiver = await startReceiver();
		sandbox.webhooks.configure({ endpointUrl: receiver.url, timeScale: 0.001 });
		const [test] = sandbox.store.tests();
		const pending = sandbox.store.listSessions(test.id).filter((session) => session.status === 'pending').slice(0, 4);
		const at = sandbox.store.now();
		for (const session of pending) sandbox.store.finishSession(session.id, at);
		await sandbox.webhooks.idle();

		const finishes = bodies().filter((body) => body.event === 'companyTestSessionFinished');
		expect(finishes.map((body) => body.triggeredOn)).toEqual(pending.map((_, index) => at + index));
	});

	it('builds payloads for all 20 events with the keys of the published samples', () => {
		const published = samples as Record<string, { payload: Record<string, unknown> }>;
		expect([...WEBHOOK_EVENTS].sort()).toEqual(Object.keys(published).sort());
		for (const event of WEBHOOK_EVENTS) {
			const payload = sandbox.webhooks.payloadFor(event);
			const keys = Object.keys(payload).filter((key) => key !== 'externalId');
			expect({ event, keys: keys.sort() }).toEqual({
				event,
				keys: Object.keys(published[event].payload).sort(),
			});
		}
	});
});
