import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ORGANIZATION_HEADER } from '../shared/codesignal/organizationId';
import { optionsCollection } from '../shared/descriptions';
import { MAX_BODY_BYTES } from './delivery';
import { ALL_EVENTS, CODESIGNAL_EVENTS, RESULT_READY, type CodeSignalEvent } from './events';
import {
	DEFAULT_MAX_REMEMBERED_DELIVERIES,
	DEFAULT_REMEMBER_HOURS,
	MAX_DELIVERIES_IN_DATABASE,
	READS_SESSION_BY_DEFAULT_FROM,
} from './triggerSettings';

const SESSION_READ_DESCRIPTION =
	'The webhook body is not signed, so status, scores and "resultReady" are taken from this read, and a delivery whose session contradicts its event is flagged under "apiCheck" (Push Assessment leaves it alone). The read happens in the execution, after CodeSignal has its answer, with retries; a read that still fails fails the execution.';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const eventOption = (event: CodeSignalEvent): INodePropertyOptions => ({
	name: event.displayName,
	value: event.name,
	description: `${event.description} (${event.name})`,
});

const currentEventOptions: INodePropertyOptions[] = [
	{
		name: 'All',
		value: ALL_EVENTS,
		description: 'Every delivery, legacy certification events and events CodeSignal adds later included',
	},
	{
		name: 'Result Ready',
		value: RESULT_READY,
		description:
			'A session result can be read: Test Session Finished (not proctored) or Pre-Screen Result Verified (proctored)',
	},
	...CODESIGNAL_EVENTS.filter((event) => !event.legacy).map(eventOption),
].sort(byName);

const legacyEventOptions = CODESIGNAL_EVENTS.filter((event) => event.legacy).map(eventOption).sort(byName);

/** The canvas subtitle: the chosen events by the names a person reads, not their values. */
const eventNames = Object.fromEntries([...currentEventOptions, ...legacyEventOptions].map(({ name, value }) => [value, name]));
export const subtitle = `={{ $parameter["events"].concat($parameter["legacyEvents"]).map((event) => (${JSON.stringify(eventNames)})[event] ?? event).join(", ") }}`;

export const properties: INodeProperties[] = [
	{
		displayName: `CodeSignal cannot be set up from n8n. In CodeSignal, open Manage Webhooks (Integrations → Webhooks) and add a webhook with: the Production URL shown above as its endpoint URL; the events selected below; the Webhook Secret of the credential as its secret key; and, when the credential has an Endorsed Organization ID, the custom header ${ORGANIZATION_HEADER} set to that ID. To try the node with the Test URL instead, enter the Test URL under Options → Endpoint URL Registered in CodeSignal: the signature covers the URL.`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [RESULT_READY],
		options: currentEventOptions,
		description: 'The events that start the workflow. Tick the same ones in CodeSignal; other deliveries get a 200 and are ignored.',
	},
	{
		displayName: 'Legacy Certification Events',
		name: 'legacyEvents',
		type: 'multiOptions',
		default: [],
		options: legacyEventOptions,
		description: 'Events of the retired Certify product, which older CodeSignal accounts may still send',
	},
	optionsCollection([
		{
			displayName: 'Endpoint URL Registered in CodeSignal',
			name: 'endpointUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/…/webhook',
			description:
				"The URL exactly as entered in CodeSignal: the signature covers it. Leave empty for this node's Production URL; set it when n8n is behind a proxy that changes the URL, or to the Test URL while testing.",
		},
		{
			displayName: 'Fetch Full Session From the API',
			name: 'fetchSession',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '@version': [{ _cnd: { lt: READS_SESSION_BY_DEFAULT_FROM } }] } },
			description: `Whether to read the session from CodeSignal's API for test-session events and add it as "session". ${SESSION_READ_DESCRIPTION} Version 3 of this node reads it by default.`,
		},
		{
			displayName: 'Read Session From the API',
			name: 'readSession',
			type: 'boolean',
			default: true,
			displayOptions: { show: { '@version': [{ _cnd: { gte: READS_SESSION_BY_DEFAULT_FROM } }] } },
			description: `Whether to read the session of each test-session event from CodeSignal's API and add it as "session". ${SESSION_READ_DESCRIPTION} Turned off, "resultReady" only repeats what the event claims.`,
		},
		{
			displayName: 'Include Result URL',
			name: 'includeResultUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep the result links. They carry an access token that opens the report without logging in, so they are left out unless asked for.',
		},
		{
			displayName: 'Remember Deliveries For (Hours)',
			name: 'rememberHours',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_REMEMBER_HOURS,
			description:
				'How long this n8n process remembers a delivery, so that a repeat of it (or its signature with another body) is answered 200 without running the workflow. CodeSignal retries for about 16 days.',
		},
		{
			displayName: 'Remembered Deliveries',
			name: 'maxRememberedDeliveries',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_MAX_REMEMBERED_DELIVERIES,
			description:
				`How many recent deliveries are remembered to ignore repeats: in the n8n process, and (the latest ${MAX_DELIVERIES_IN_DATABASE.toLocaleString('en-US')} at most) in n8n's database, where every webhook process and worker sees them. 0 turns this off.`,
		},
		{
			displayName: 'Verify Signature',
			name: 'verifySignature',
			type: 'boolean',
			default: true,
			description: `Whether to reject (401) deliveries whose X-CodeSignal-Signature does not match the credential's Webhook Secret. Turn off only for a webhook that has no secret in CodeSignal. Bodies over ${MAX_BODY_BYTES / 1024 / 1024} MiB are always rejected.`,
		},
	]),
];
