/**
 * The workflows the benchmark compares, each ending in the same No Operation node: the CodeSignal Trigger (its
 * current version with its default settings: signature and organization checked, repeat memory at its default,
 * the session read from CodeSignal in the execution; every event selected), n8n's own Webhook node (POST,
 * answered at once), the reference community webhook node (./reference-node), which has the same credential set
 * but checks nothing, and n8n's own nodes doing the work the trigger's execution does (Webhook → Remove
 * Duplicates across executions → HTTP Request reading the session with the same GraphQL query), without the
 * signature check. Ids are fixed so that the webhook URLs are known before n8n starts.
 */
import { join } from 'node:path';

import { sessionDocuments } from '../../../nodes/shared/codesignal/sessions';
import type { N8nCredentialFile, N8nWorkflowFile } from '../../n8n/instance';

export const ORGANIZATION_ID = '12345';

const CREDENTIAL = { id: 'benchCodeSignal1', name: 'CodeSignal (webhook benchmark)' };
const HEADER_AUTH_CREDENTIAL = { id: 'benchHeaderAuth1', name: 'CodeSignal API key as a header (webhook benchmark)' };

export interface BenchWorkflow {
	label: string;
	workflow: N8nWorkflowFile;
	/** Path of its production webhook URL, after the base URL. */
	webhookPath: string;
	/** Its executions read each delivery's session from the CodeSignal sandbox. */
	readsSession: boolean;
}

/** The CodeSignal sandbox the trigger's executions read the sessions from. */
export interface BenchApi {
	graphqlUrl: string;
	apiKey: string;
}

/** The bench's sandbox allows this many requests a second, so that the executions keep up with the deliveries. */
export const BENCH_API_REQUESTS_PER_SECOND = 100;

export function codeSignalCredential(webhookSecret: string, api: BenchApi): N8nCredentialFile {
	return {
		...CREDENTIAL,
		type: 'codeSignalApi',
		data: {
			apiKey: api.apiKey,
			webhookSecret,
			organizationId: ORGANIZATION_ID,
			endpoint: api.graphqlUrl,
			requestsPerSecond: BENCH_API_REQUESTS_PER_SECOND,
		},
	};
}

/** The CodeSignal credential, and the same key as n8n's Header Auth for the HTTP Request node. */
export function benchCredentials(webhookSecret: string, api: BenchApi): N8nCredentialFile[] {
	const headerAuth = { name: 'Authorization', value: `Bearer ${api.apiKey}` };
	return [
		codeSignalCredential(webhookSecret, api),
		{ ...HEADER_AUTH_CREDENTIAL, type: 'httpHeaderAuth', data: headerAuth },
	];
}

const downstreamNode = {
	id: 'b0a1c2d3-0000-4000-8000-00000000000d',
	name: 'No Operation',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	parameters: {},
};

type WorkflowNode = Record<string, unknown> & { name: string };

/** The nodes in a chain, ending in the No Operation node. */
function chain(id: string, name: string, ...nodes: WorkflowNode[]): N8nWorkflowFile {
	const all = [...nodes, downstreamNode];
	const connections = Object.fromEntries(
		all.slice(1).map((next, index) => [all[index].name, { main: [[{ node: next.name, type: 'main', index: 0 }]] }]),
	);
	return {
		id,
		name,
		settings: { executionOrder: 'v1' },
		nodes: all.map((node, index) => ({ ...node, position: [index * 260, 0] })),
		connections,
	};
}

interface CommunityTrigger {
	label: string;
	typeVersion: number;
	workflowId: string;
	workflowName: string;
	node: { id: string; name: string; type: string; parameters: Record<string, unknown> };
	webhookId: string;
	readsSession: boolean;
}

/** A community webhook trigger (with the bench credential set), whose production URL its webhookId makes. */
function communityTriggerWorkflow(trigger: CommunityTrigger): BenchWorkflow {
	const { label, typeVersion, workflowId, workflowName, node, webhookId, readsSession } = trigger;
	return {
		label,
		webhookPath: `webhook/${webhookId}/webhook`,
		readsSession,
		workflow: chain(workflowId, workflowName, {
			...node,
			typeVersion,
			webhookId,
			credentials: { codeSignalApi: CREDENTIAL },
		}),
	};
}

export const codeSignalTriggerWorkflow = communityTriggerWorkflow({
	label: 'CodeSignal Trigger',
	typeVersion: 3,
	workflowId: 'benchCsTrigger01',
	workflowName: 'Bench: CodeSignal Trigger → No Operation',
	node: {
		id: 'b0a1c2d3-0000-4000-8000-00000000000a',
		name: 'CodeSignal Trigger',
		type: 'n8n-nodes-codesignal.codeSignalTrigger',
		parameters: { events: ['*'], legacyEvents: [], options: {} },
	},
	webhookId: '6f1d2c3b-4a59-4e68-9b7a-0c1d2e3f4a51',
	readsSession: true,
});

// n8n gives a new Webhook node a UUID as its path, as it gives the trigger a UUID as its webhookId.
const PLAIN_WEBHOOK_PATH = '0c7e9a4b-3d2f-4b1a-8e6c-5f4d3c2b1a09';

const plainWebhookNode = (id: string, path: string, webhookId: string): WorkflowNode => ({
	id,
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

export const plainWebhookWorkflow: BenchWorkflow = {
	label: 'plain Webhook',
	webhookPath: `webhook/${PLAIN_WEBHOOK_PATH}`,
	readsSession: false,
	workflow: chain(
		'benchPlainHook01',
		'Bench: Webhook → No Operation',
		plainWebhookNode('b0a1c2d3-0000-4000-8000-00000000000b', PLAIN_WEBHOOK_PATH, 'a4e5f6a7-b8c9-4dae-8f01-23456789abcd'),
	),
};

const N8N_BUILT_WEBHOOK_PATH = '5b2e8d71-9c04-4f3a-a6d8-1e7f0b9c2d43';

/**
 * The trigger's execution built from n8n's own nodes: the repeat check in n8n's processed-data store (the store
 * the trigger uses) and the session read, the same GraphQL query with the same key.
 */
export function n8nBuiltWorkflow(api: BenchApi): BenchWorkflow {
	const deliveryKey = '={{ $json.body.event }}:{{ $json.body.triggeredOn }}:{{ $json.body.payload.testSessionId }}';
	const { document } = sessionDocuments.get.results;
	// In the expression below, "{{" or "}}" would end it early.
	if (/\{\{|\}\}/.test(document)) throw new Error('The session query cannot be written into an n8n expression');
	const query = JSON.stringify(document);
	return {
		label: "n8n's own nodes",
		webhookPath: `webhook/${N8N_BUILT_WEBHOOK_PATH}`,
		readsSession: true,
		workflow: chain(
			'benchN8nBuilt01',
			'Bench: Webhook → Remove Duplicates → HTTP Request → No Operation',
			plainWebhookNode('b0a1c2d3-0000-4000-8000-00000000000e', N8N_BUILT_WEBHOOK_PATH, '7d3c1b2a-0e9f-4a8b-b7c6-d5e4f3a2b1c0'),
			{
				id: 'b0a1c2d3-0000-4000-8000-00000000000f',
				name: 'Remove Duplicates',
				type: 'n8n-nodes-base.removeDuplicates',
				typeVersion: 2,
				// n8n's default history (10,000): at the trigger's 1,000 the node fails once its list is full.
				parameters: { operation: 'removeItemsSeenInPreviousExecutions', dedupeValue: deliveryKey, options: {} },
			},
			{
				id: 'b0a1c2d3-0000-4000-8000-000000000010',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				credentials: { httpHeaderAuth: HEADER_AUTH_CREDENTIAL },
				parameters: {
					method: 'POST',
					url: api.graphqlUrl,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ query: ${query}, variables: { id: $json.body.payload.testSessionId } }) }}`,
					options: {},
				},
			},
		),
	};
}

/** The folder to give n8n as N8N_CUSTOM_EXTENSIONS: n8n loads the reference node from it as `CUSTOM.referenceTrigger`. */
export const REFERENCE_NODE_FOLDER = join(__dirname, 'reference-node');

export const referenceTriggerWorkflow = communityTriggerWorkflow({
	label: 'reference node',
	typeVersion: 2,
	workflowId: 'benchReference01',
	workflowName: 'Bench: Reference Trigger → No Operation',
	node: {
		id: 'b0a1c2d3-0000-4000-8000-00000000000c',
		name: 'Reference Trigger',
		type: 'CUSTOM.referenceTrigger',
		parameters: {},
	},
	webhookId: '3e8b1f0c-7d6a-4c52-9e41-b2a3c4d5e6f7',
	readsSession: false,
});
