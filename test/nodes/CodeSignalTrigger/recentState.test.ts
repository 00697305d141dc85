/**
 * What the trigger keeps between deliveries in the n8n process: the credential it screens with, reused for a few
 * seconds (each read costs n8n a fresh expression isolate), and its memory of deliveries, one for production and
 * one for test calls.
 */
import { WebhookContext } from 'n8n-core';

import { CREDENTIAL_REUSE_MS, dropTriggerState } from '../../../nodes/CodeSignalTrigger/triggerState';
import { callWebhook, type WebhookCallOutcome } from '../../helpers/n8nWebhook';
import { samples, SECRET, signed, triggerSpec, type Envelope } from './trigger';

const finished = samples.companyTestSessionFinished;
const NEW_SECRET = 'whsec-rotated-31f9a0c4';

/** Distinct deliveries: each its own triggeredOn. */
const delivery = (n: number): Envelope => ({ ...finished, triggeredOn: finished.triggeredOn + n * 1000 });

const started = (outcome: WebhookCallOutcome) => outcome.status === 200 && outcome.workflowData !== undefined;

let credentialReads: jest.SpyInstance;
let clock: jest.SpyInstance;
let now: number;
beforeEach(() => {
	credentialReads = jest.spyOn(WebhookContext.prototype, 'getCredentials');
	now = Date.now();
	clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
	credentialReads.mockRestore();
	clock.mockRestore();
});

describe('CodeSignal Trigger: the credential it screens with', () => {
	it('reads the credential once for a burst of deliveries, and again once the reuse time is over', async () => {
		const spec = triggerSpec();
		for (let n = 0; n < 5; n++) expect(started(await callWebhook(spec, signed(delivery(n))))).toBe(true);
		expect(credentialReads).toHaveBeenCalledTimes(1);

		now += CREDENTIAL_REUSE_MS;
		expect(started(await callWebhook(spec, signed(delivery(5))))).toBe(true);
		expect(credentialReads).toHaveBeenCalledTimes(2);
	});

	it('verifies a delivery signed with a secret just entered in the credential at once', async () => {
		const spec = triggerSpec();
		expect(started(await callWebhook(spec, signed(delivery(0))))).toBe(true);
		spec.credentials!.codeSignalApi.webhookSecret = NEW_SECRET;
		expect(started(await callWebhook(spec, signed(delivery(1), { secret: NEW_SECRET })))).toBe(true);
	});

	it('stops accepting the replaced secret within the reuse time', async () => {
		const spec = triggerSpec();
		expect(started(await callWebhook(spec, signed(delivery(0))))).toBe(true);
		spec.credentials!.codeSignalApi.webhookSecret = NEW_SECRET;
		// The documented window: the secret read within the last seconds still verifies.
		now += CREDENTIAL_REUSE_MS - 1;
		expect(started(await callWebhook(spec, signed(delivery(1), { secret: SECRET })))).toBe(true);
		now += 1;
		const refused = await callWebhook(spec, signed(delivery(2), { secret: SECRET }));
		expect(refused.status).toBe(401);
		expect(refused.workflowData).toBeUndefined();
	});

	it('refuses a forged delivery even while it reuses the credential, reading it afresh to be sure', async () => {
		const spec = triggerSpec();
		expect(started(await callWebhook(spec, signed(delivery(0))))).toBe(true);
		const forged = await callWebhook(spec, signed(delivery(1), { secret: 'guessed' }));
		expect(forged.status).toBe(401);
		expect(forged.workflowData).toBeUndefined();
		expect(credentialReads).toHaveBeenCalledTimes(2);
	});

	it('takes an organization id changed in the credential into account at once for a delivery it would refuse', async () => {
		const spec = triggerSpec();
		expect(started(await callWebhook(spec, signed(delivery(0))))).toBe(true);
		spec.credentials!.codeSignalApi.organizationId = '777';
		expect(started(await callWebhook(spec, signed(delivery(1), { organizationId: '777' })))).toBe(true);
	});

	it('never keeps a credential that cannot verify: fixing it takes effect on the next delivery', async () => {
		const spec = triggerSpec({}, { webhookSecret: '' });
		expect((await callWebhook(spec, signed(delivery(0)))).status).toBe(500);
		expect((await callWebhook(spec, signed(delivery(1)))).status).toBe(500);
		spec.credentials!.codeSignalApi.webhookSecret = SECRET;
		expect(started(await callWebhook(spec, signed(delivery(2))))).toBe(true);
		expect(credentialReads).toHaveBeenCalledTimes(3);
	});

	it('keeps each trigger apart: another workflow never screens with this one’s credential', async () => {
		expect(started(await callWebhook(triggerSpec(), signed(delivery(0))))).toBe(true);
		const other = triggerSpec({}, { webhookSecret: NEW_SECRET });
		expect((await callWebhook(other, signed(delivery(1), { secret: SECRET }))).status).toBe(401);
		expect(started(await callWebhook(other, signed(delivery(2), { secret: NEW_SECRET })))).toBe(true);
	});
});

describe('CodeSignal Trigger: its memory of deliveries in the process', () => {
	let workflowCount = 0;
	/** Calls to one workflow's trigger. */
	const workflow = () => {
		const workflowId = `memory-workflow-${++workflowCount}`;
		return (webhookMode: 'webhook' | 'manual' = 'webhook') => ({ ...triggerSpec(), workflowId, webhookMode });
	};

	it('answers a repeat 200 without starting an execution, and runs for the next delivery', async () => {
		const call = workflow();
		expect(started(await callWebhook(call(), signed(finished)))).toBe(true);
		const repeat = await callWebhook(call(), signed(finished));
		expect(repeat.status).toBe(200);
		expect(repeat.workflowData).toBeUndefined();
		expect(started(await callWebhook(call(), signed(delivery(1))))).toBe(true);
	});

	it('refuses the signature of a delivery it received, sent again with another body', async () => {
		const call = workflow();
		expect(started(await callWebhook(call(), signed(finished)))).toBe(true);
		const replay = { ...finished, payload: { ...finished.payload, testSessionId: 'someone-else' } };
		const outcome = await callWebhook(call(), signed(replay));
		expect(outcome.status).toBe(200);
		expect(outcome.workflowData).toBeUndefined();
		expect(outcome.body).toEqual({ message: 'This signature was already received with another body; ignored' });
	});

	it('takes the same body with its keys in another order for the same delivery', async () => {
		const call = workflow();
		expect(started(await callWebhook(call(), signed(finished)))).toBe(true);
		const reordered = Object.fromEntries(Object.entries(finished.payload).reverse());
		const repeat = await callWebhook(call(), signed({ ...finished, payload: reordered }));
		expect(repeat.body).toEqual({ message: expect.stringMatching(/was already received; ignored$/) });
	});

	it('does not take CodeSignal\'s retry for a repeat when n8n failed to start the execution', async () => {
		const call = workflow();
		const failed = await callWebhook(call(), { ...signed(finished), startFails: true });
		expect(failed.status).toBe(500);
		expect(started(await callWebhook(call(), signed(finished)))).toBe(true);
	});

	it('forgets everything when the workflow is deactivated', async () => {
		const call = workflow();
		const spec = call();
		expect(started(await callWebhook(spec, signed(finished)))).toBe(true);
		dropTriggerState(spec.workflowId, 'node-under-test');
		expect(started(await callWebhook(call(), signed(finished)))).toBe(true);
	});

	it('keeps test calls apart: a delivery tried on the test URL still runs in production', async () => {
		const call = workflow();
		expect(started(await callWebhook(call('manual'), signed(finished)))).toBe(true);
		expect(started(await callWebhook(call(), signed(finished)))).toBe(true);
		expect((await callWebhook(call(), signed(finished))).workflowData).toBeUndefined();
		expect((await callWebhook(call('manual'), signed(finished))).workflowData).toBeUndefined();
	});
});
