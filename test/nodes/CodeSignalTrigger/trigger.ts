/** The CodeSignal Trigger as the tests run it: its credential, its URLs, and signed deliveries. */
import { readFileSync } from 'fs';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { join } from 'path';

import { CodeSignalApi } from '../../../credentials/CodeSignalApi.credentials';
import { CodeSignalTrigger } from '../../../nodes/CodeSignalTrigger/CodeSignalTrigger.node';
import { codeSignalSignature } from '../../../nodes/CodeSignalTrigger/signature';
import type { NodeUnderTest } from '../../helpers/n8n';
import type { WebhookRequestInit } from '../../helpers/n8nWebhook';

export const WEBHOOK_ID = '5b0c3e7a-9d41-4c1e-8f0a-codesignal';
/** The production URL n8n gives the node in these tests (test/helpers/n8n.ts: webhookBaseUrl). */
export const PRODUCTION_URL = `http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/webhook`;
export const SECRET = 'whsec-test-8d1f2c77a0';
export const ORGANIZATION_ID = '12345';
export const API_KEY = 'cs-api-key-for-trigger-tests';
export const TIME_ZONE = 'America/New_York';

export interface Envelope {
	event: string;
	triggeredOn: number;
	payload: Record<string, unknown>;
}

export const samples = JSON.parse(
	readFileSync(join(__dirname, '../../fixtures/codesignal-webhook-samples.json'), 'utf8'),
) as Record<string, Envelope>;

export function triggerSpec(
	parameters: INodeParameters = {},
	credentials: IDataObject = {},
	staticData: IDataObject = {},
): NodeUnderTest {
	return {
		nodeType: new CodeSignalTrigger(),
		parameters: { events: ['*'], legacyEvents: [], options: {}, ...parameters },
		credentials: {
			codeSignalApi: { apiKey: API_KEY, webhookSecret: SECRET, organizationId: ORGANIZATION_ID, ...credentials },
		},
		credentialTypes: [new CodeSignalApi()],
		staticData,
		webhookId: WEBHOOK_ID,
		timezone: TIME_ZONE,
	};
}

export interface SigningOptions {
	secret?: string;
	endpointUrl?: string;
	organizationId?: string | null;
	headers?: Record<string, string>;
}

/** A delivery as CodeSignal sends it: JSON body, signature over URL + event + triggeredOn, the custom header. */
export function signed(envelope: Envelope, options: SigningOptions = {}): WebhookRequestInit {
	const signature = codeSignalSignature(
		options.secret ?? SECRET,
		options.endpointUrl ?? PRODUCTION_URL,
		envelope.event,
		envelope.triggeredOn,
	);
	const organizationId = options.organizationId === undefined ? ORGANIZATION_ID : options.organizationId;
	return {
		body: JSON.stringify(envelope),
		headers: {
			'Content-Type': 'application/json',
			'X-CodeSignal-Signature': signature,
			...(organizationId === null ? {} : { 'x-endorsed-organization-id': organizationId }),
			...options.headers,
		},
	};
}
