/**
 * Every row of the trigger's response table, through n8n-core's WebhookContext with n8n's request handling
 * (test/helpers/n8nWebhook.ts): what CodeSignal gets back, and whether a workflow starts.
 */
import { recordLogs, type LoggedLine } from '../../helpers/n8n';
import { callWebhook, type WebhookCallOutcome } from '../../helpers/n8nWebhook';
import { ORGANIZATION_ID, PRODUCTION_URL, samples, SECRET, signed, triggerSpec, type Envelope } from './trigger';

const finished = samples.companyTestSessionFinished;
const started = samples.companyTestSessionStarted;

let logs: { lines: LoggedLine[]; restore: () => void };
beforeEach(() => (logs = recordLogs()));
afterEach(() => logs.restore());

const warnings = () => logs.lines.filter((line) => line.level === 'warn' || line.level === 'error');

function expectNoExecution(outcome: WebhookCallOutcome, status: number) {
	expect(outcome.error).toBeUndefined();
	expect(outcome.status).toBe(status);
	expect(outcome.workflowData).toBeUndefined();
}

function onlyItem(outcome: WebhookCallOutcome) {
	expect(outcome.error).toBeUndefined();
	expect(outcome.status).toBe(200);
	expect(outcome.workflowData).toHaveLength(1);
	expect(outcome.workflowData![0]).toHaveLength(1);
	return outcome.workflowData![0][0].json;
}

describe('CodeSignal Trigger: valid deliveries', () => {
	it('answers 200 at once and starts one execution with the delivery as its item', async () => {
		const outcome = await callWebhook(triggerSpec({ events: ['resultReady'] }), signed(finished));
		expect(onlyItem(outcome)).toMatchObject({
			event: 'companyTestSessionFinished',
			testSessionId: finished.payload.testSessionId,
			organizationId: ORGANIZATION_ID,
			resultReady: true,
		});
		expect(outcome.body).toBe('');
		expect(warnings()).toEqual([]);
	});

	it('answers the empty ping CodeSignal sends when a webhook is saved with 200 and runs nothing', async () => {
		for (const request of [{ headers: { 'Content-Type': 'application/json' } }, {}, { body: '{}' }]) {
			const outcome = await callWebhook(triggerSpec(), request);
			expectNoExecution(outcome, 200);
			expect(outcome.body).toEqual({ message: 'CodeSignal webhook ping received' });
		}
	});

	it('answers 200 and runs nothing for an event that is not selected', async () => {
		const outcome = await callWebhook(triggerSpec({ events: ['resultReady'] }), signed(started));
		expectNoExecution(outcome, 200);
		expect(outcome.body).toEqual({ message: 'Event "companyTestSessionStarted" is not selected in this trigger; ignored' });
	});

	it('runs for legacy events only when they are selected in their own list', async () => {
		const legacy = samples.certificationResultPending;
		expectNoExecution(await callWebhook(triggerSpec({ events: ['resultReady'] }), signed(legacy)), 200);
		const selected = triggerSpec({ events: ['resultReady'], legacyEvents: ['certificationResultPending'] });
		expect(onlyItem(await callWebhook(selected, signed(legacy))).event).toBe('certificationResultPending');
	});

	it('answers 200 and runs nothing for the same delivery again, and runs for the next one', async () => {
		const staticData = {};
		const spec = () => triggerSpec({}, {}, staticData);
		const first = onlyItem(await callWebhook(spec(), signed(finished)));
		const retry = await callWebhook(spec(), signed(finished));
		expectNoExecution(retry, 200);
		expect(retry.body).toEqual({ message: `Delivery ${String(first.deliveryId)} was already received; ignored` });

		const next = { ...finished, triggeredOn: finished.triggeredOn + 1000 };
		expect(onlyItem(await callWebhook(spec(), signed(next))).deliveryId).not.toBe(first.deliveryId);
		// The memory lives in the process (and n8n's database), not in static data, which n8n 2.x saves only once.
		expect(staticData).toEqual({});
	});

	it('runs for every repeat when the duplicate memory is off', async () => {
		const staticData = {};
		const spec = () => triggerSpec({ options: { maxRememberedDeliveries: 0 } }, {}, staticData);
		onlyItem(await callWebhook(spec(), signed(finished)));
		onlyItem(await callWebhook(spec(), signed(finished)));
	});

	it('forgets deliveries older than the configured age', async () => {
		const staticData = {};
		const spec = () => triggerSpec({ options: { rememberHours: 1 } }, {}, staticData);
		onlyItem(await callWebhook(spec(), signed(finished)));
		const anHourLater = Date.now() + 3_600_001;
		const clock = jest.spyOn(Date, 'now').mockReturnValue(anHourLater);
		try {
			onlyItem(await callWebhook(spec(), signed(finished)));
		} finally {
			clock.mockRestore();
		}
	});
});

describe('CodeSignal Trigger: rejected deliveries', () => {
	it.each([
		['missing', { 'X-CodeSignal-Signature': '' }, 'The X-CodeSignal-Signature header is missing'],
		['wrong', { 'X-CodeSignal-Signature': 'a'.repeat(64) }, 'The X-CodeSignal-Signature header does not match'],
	])('answers 401 to a %s signature and runs nothing', async (_case, headers, reason) => {
		const outcome = await callWebhook(triggerSpec(), signed(finished, { headers }));
		expectNoExecution(outcome, 401);
		// The caller is not authenticated: the URL verified against is a hint for the log only.
		expect(outcome.body).toEqual({ message: reason });
		expect(warnings()[0].message).toContain(`${reason} (verified against the endpoint URL ${PRODUCTION_URL})`);
	});

	it('says in its 401, and once in the log with the fix, when CodeSignal signs for the URL n8n was reached at', async () => {
		// n8n behind a proxy without N8N_WEBHOOK_URL: it computes its own local URL, CodeSignal signs the public one.
		const publicUrl = 'https://hooks.example.com/webhook/5b0c3e7a-9d41-4c1e-8f0a-codesignal/webhook';
		const request = (envelope: Envelope) => {
			const init = signed(envelope, { endpointUrl: publicUrl });
			return {
				...init,
				url: '/webhook/5b0c3e7a-9d41-4c1e-8f0a-codesignal/webhook',
				headers: { ...init.headers, Host: 'hooks.example.com', 'X-Forwarded-Proto': 'https' },
			};
		};
		const staticData = {};
		const first = await callWebhook(triggerSpec({}, {}, staticData), request(finished));
		expectNoExecution(first, 401);
		// The caller (whoever set up the webhook reads CodeSignal's delivery log) gets the fix, without any URL.
		const { message } = first.body as { message: string };
		expect(message).toMatch(/^The X-CodeSignal-Signature header was made for another URL than this trigger's endpoint URL: /);
		expect(message).toContain("set N8N_WEBHOOK_URL to n8n's public base URL on every n8n process");
		expect(message).not.toContain('hooks.example.com');
		expect(message).not.toContain(PRODUCTION_URL);
		const second = await callWebhook(
			triggerSpec({}, {}, staticData),
			request({ ...finished, triggeredOn: finished.triggeredOn + 1 }),
		);
		expectNoExecution(second, 401);
		expect(second.body).toEqual(first.body);
		// Each refusal is logged; which URLs differ, once per trigger and process.
		expect(warnings().filter((line) => line.message.includes('set N8N_WEBHOOK_URL'))).toHaveLength(2);
		const named = warnings().filter((line) => line.message.includes('CodeSignal signs this webhook for'));
		expect(named).toHaveLength(1);
		expect(named[0].message).toContain(`CodeSignal signs this webhook for ${publicUrl}, but this trigger verifies against ${PRODUCTION_URL}`);
	});

	it('answers 401 to a delivery signed with another secret, or for another URL', async () => {
		expectNoExecution(await callWebhook(triggerSpec(), signed(finished, { secret: 'other-secret' })), 401);
		const forTestUrl = PRODUCTION_URL.replace('/webhook/', '/webhook-test/');
		expectNoExecution(await callWebhook(triggerSpec(), signed(finished, { endpointUrl: forTestUrl })), 401);
	});

	it('verifies against "Endpoint URL Registered in CodeSignal" when it is set', async () => {
		const proxied = 'https://hooks.example.com/codesignal';
		const spec = triggerSpec({ options: { endpointUrl: ` ${proxied} ` } });
		onlyItem(await callWebhook(spec, signed(finished, { endpointUrl: proxied })));
		expectNoExecution(await callWebhook(spec, signed(finished)), 401);
	});

	it.each([
		['missing', null],
		['for another organization', '999'],
	])('answers 403 to an organization header that is %s', async (_case, organizationId) => {
		expectNoExecution(await callWebhook(triggerSpec(), signed(finished, { organizationId })), 403);
	});

	it('does not check the organization header when the credential has no organization id', async () => {
		const spec = triggerSpec({}, { organizationId: '' });
		expect(onlyItem(await callWebhook(spec, signed(finished, { organizationId: null }))).organizationId).toBeNull();
	});

	it.each([
		['not JSON', { body: 'event=companyTestSessionFinished', headers: { 'Content-Type': 'text/plain' } }],
		['without an event', signed({ triggeredOn: 1, payload: { testSessionId: 's' } } as unknown as Envelope)],
		['without triggeredOn', signed({ event: 'companyTestSessionFinished', payload: {} } as unknown as Envelope)],
		['multipart form data', { body: '--x\r\n', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } }],
	])('answers 400 to a body %s', async (_case, request) => {
		expectNoExecution(await callWebhook(triggerSpec(), request), 400);
	});

	it('answers 413 to a body over 1 MiB, reading nothing when its declared length says so', async () => {
		const huge = { ...finished, payload: { ...finished.payload, padding: 'x'.repeat(1024 * 1024) } };
		expectNoExecution(await callWebhook(triggerSpec(), signed(huge)), 413);
		const declared = await callWebhook(triggerSpec({}, {}, {}), {
			headers: { 'Content-Length': String(2 * 1024 * 1024), 'Content-Type': 'application/octet-stream' },
		});
		expectNoExecution(declared, 413);
		expect(declared.body).toEqual({ message: `The body is declared as ${2 * 1024 * 1024} bytes` });
	});

	it('logs each refusal with its reason and never a secret', async () => {
		await callWebhook(triggerSpec(), signed(finished, { secret: 'other-secret' }));
		await callWebhook(triggerSpec(), signed(finished, { organizationId: '999' }));
		await callWebhook(triggerSpec(), { body: 'nope', headers: { 'Content-Type': 'text/plain' } });
		const logged = warnings().map((line) => line.message);
		expect(logged).toEqual([
			expect.stringMatching(/^CodeSignal Trigger "CodeSignal Trigger" refused a delivery \(HTTP 401\): .*does not match/),
			expect.stringMatching(/\(HTTP 403\): The x-endorsed-organization-id header does not name/),
			expect.stringMatching(/\(HTTP 400\): The body is not JSON/),
		]);
		const everything = JSON.stringify(logs.lines);
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain(signed(finished).headers!['X-CodeSignal-Signature']);
		expect(everything).not.toContain('accessToken');
	});
});

describe('CodeSignal Trigger: reading the body', () => {
	it.each([1, 2, 3])('reads a delivery whatever its content type says, at node version %i', async (typeVersion) => {
		// n8n reads every body for a version 1 webhook node, and from version 2 on only the types it parses.
		for (const contentType of [undefined, 'application/octet-stream', 'application/json']) {
			const spec = { ...triggerSpec(), typeVersion };
			const request = signed(finished);
			const headers = { ...request.headers, 'Content-Type': contentType ?? '' };
			if (contentType === undefined) delete (headers as Record<string, string>)['Content-Type'];
			expect(onlyItem(await callWebhook(spec, { ...request, headers })).event).toBe('companyTestSessionFinished');
		}
	});

	it('verifies the raw bytes n8n read for a JSON body, whatever the charset parameter says', async () => {
		const request = signed(finished);
		const headers = { ...request.headers, 'Content-Type': 'application/json; charset=utf-8' };
		expect(onlyItem(await callWebhook(triggerSpec(), { ...request, headers })).candidate).toEqual({
			name: 'Jane Doe',
			email: 'jane.doe@gmail.com',
		});
	});
});

describe('CodeSignal Trigger: set-up problems on the n8n side', () => {
	it('answers 500 (so that CodeSignal retries) when the credential has an invalid organization id, and logs why', async () => {
		const outcome = await callWebhook(triggerSpec({}, { organizationId: 'acme' }), signed(finished));
		expectNoExecution(outcome, 500);
		expect(warnings().map((line) => line.message)).toEqual([
			expect.stringContaining('Endorsed Organization ID must be a whole number such as 12345 (got "acme")'),
		]);
	});

	it('answers 500 when verification is on and the credential has no webhook secret', async () => {
		expectNoExecution(await callWebhook(triggerSpec({}, { webhookSecret: '' }), signed(finished)), 500);
		expect(warnings()[0].message).toContain('has no Webhook Secret');
	});

	it('accepts unsigned deliveries only when verification is turned off explicitly', async () => {
		const unsigned = signed(finished, { headers: { 'X-CodeSignal-Signature': '' } });
		expectNoExecution(await callWebhook(triggerSpec({ options: { verifySignature: true } }), unsigned), 401);
		const off = triggerSpec({ options: { verifySignature: false } }, { webhookSecret: '' });
		onlyItem(await callWebhook(off, unsigned));
	});

	it('still checks the organization header when verification is off', async () => {
		const off = triggerSpec({ options: { verifySignature: false } });
		expectNoExecution(await callWebhook(off, signed(finished, { organizationId: '1' })), 403);
	});
});
