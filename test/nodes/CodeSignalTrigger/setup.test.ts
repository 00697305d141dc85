/** What the user sees and what activation does: CodeSignal cannot be configured from n8n. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CodeSignalTrigger } from '../../../nodes/CodeSignalTrigger/CodeSignalTrigger.node';
import { hookContext, recordLogs } from '../../helpers/n8n';
import { PRODUCTION_URL, triggerSpec } from './trigger';

const { description } = new CodeSignalTrigger();
const property = (name: string) => description.properties.find((candidate) => candidate.name === name) as INodeProperties;
const optionValues = (name: string) => (property(name).options as INodePropertyOptions[]).map((option) => option.value);

let logs: ReturnType<typeof recordLogs>;
beforeEach(() => (logs = recordLogs()));
afterEach(() => logs.restore());

async function activate(spec = triggerSpec(), options: { isTest?: boolean } = {}) {
	const { webhookMethods } = new CodeSignalTrigger();
	const methods = webhookMethods.default;
	const context = hookContext(spec, options);
	const exists = await methods.checkExists.call(context);
	const created = exists || (await methods.create.call(context));
	const deleted = await methods.delete.call(context);
	return { exists, created, deleted };
}

describe('CodeSignal Trigger: description', () => {
	it('is a POST webhook trigger answering as soon as the delivery is received', () => {
		expect(description).toMatchObject({
			name: 'codeSignalTrigger',
			group: ['trigger'],
			inputs: [],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' }],
			credentials: [{ name: 'codeSignalApi', required: true, testedBy: 'codeSignalApiTest' }],
		});
	});

	it('offers the 14 current events with "All" and "Result Ready", and the 6 legacy ones apart', () => {
		expect(optionValues('events')).toHaveLength(16);
		expect(optionValues('events')).toEqual(expect.arrayContaining(['*', 'resultReady', 'companyTestSessionFinished']));
		expect(optionValues('legacyEvents')).toHaveLength(6);
		expect(optionValues('legacyEvents').every((value) => String(value).startsWith('certification'))).toBe(true);
	});

	it('tells what to enter in CodeSignal: URL, events, secret and the organization header', () => {
		const notice = property('setupNotice').displayName;
		for (const words of ['Manage Webhooks', 'Production URL', 'events', 'Webhook Secret', 'x-endorsed-organization-id']) {
			expect(notice).toContain(words);
		}
	});

	it('verifies signatures unless the user turns it off', () => {
		const options = property('options').options as INodeProperties[];
		expect(options.find((option) => option.name === 'verifySignature')?.default).toBe(true);
	});
});

describe('CodeSignal Trigger: activation', () => {
	it('has nothing to register and logs the URL to enter in CodeSignal', async () => {
		expect(await activate()).toEqual({ exists: false, created: true, deleted: true });
		expect(logs.lines.map((line) => line.message)).toEqual([
			`CodeSignal Trigger "CodeSignal Trigger": in CodeSignal's Manage Webhooks, the endpoint URL must be ${PRODUCTION_URL}`,
		]);
	});

	it('says, when activated for a test, that the Test URL must be entered as the endpoint URL option', async () => {
		const testUrl = PRODUCTION_URL.replace('/webhook/', '/webhook-test/');
		await activate(triggerSpec(), { isTest: true });
		expect(logs.lines[0].message).toBe(
			`CodeSignal Trigger "CodeSignal Trigger": to send test deliveries to ${testUrl}, enter that URL in CodeSignal and under Options → Endpoint URL Registered in CodeSignal`,
		);
		logs.lines.length = 0;
		await activate(triggerSpec({ options: { endpointUrl: testUrl } }), { isTest: true });
		expect(logs.lines[0].message).toBe(`CodeSignal Trigger "CodeSignal Trigger": test deliveries are verified against ${testUrl}`);
	});

	it.each([
		['an invalid organization id', { organizationId: 'acme' }, 'Endorsed Organization ID must be a whole number'],
		['no webhook secret', { webhookSecret: '' }, 'has no Webhook Secret'],
	])('succeeds with %s in the credential, warning that deliveries will be refused', async (_case, credentials, warning) => {
		expect(await activate(triggerSpec({}, credentials))).toEqual({ exists: false, created: true, deleted: true });
		expect(logs.lines.find((line) => line.level === 'warn')?.message).toContain(warning);
	});

	it('succeeds even when the credential cannot be loaded', async () => {
		const spec = { ...triggerSpec(), credentials: {} };
		expect(await activate(spec)).toEqual({ exists: false, created: true, deleted: true });
		expect(logs.lines.find((line) => line.level === 'warn')?.message).toContain('could not be loaded');
	});
});
