/**
 * The three workflows the benchmark compares, each followed by the same No Operation node: the CodeSignal
 * Trigger (its current version with its default settings: signature and organization checked, repeat memory at
 * its default, the session read from CodeSignal in the execution; every event selected), n8n's own
 * Webhook node (POST, answered at once), and the reference community webhook node (./reference-node), which
 * has the same credential set but checks nothing. Ids are fixed so that the webhook URLs are known before n8n
 * starts.
 */
import { join } from 'node:path';

import type { N8nCredentialFile, N8nWorkflowFile } from '../../n8n/instance';

export const ORGANIZATION_ID = '12345';

const CREDENTIAL = { id: 'benchCodeSignal1', name: 'CodeSignal (webhook benchmark)' };

export interface BenchWorkflow {
	label: string;
	workflow: N8nWorkflowFile;
	/** Path of its production webhook URL, after the base URL. */
	webhookPath: string;
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

const downstreamNode = {
	id: 'b0a1c2d3-0000-4000-8000-00000000000d',
	name: 'No Operation',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [260, 0],
	parameters: {},
};

function triggerThenDownstream(
	id: string,
	name: string,
	trigger: Record<string, unknown> & { name: string },
): N8nWorkflowFile {
	return {
		id,
		name,
		settings: { executionOrder: 'v1' },
		nodes: [{ position: [0, 0], ...trigger }, downstreamNode],
		connections: { [trigger.name]: { main: [[{ node: downstreamNode.name, type: 'main', index: 0 }]] } },
	};
}

interface CommunityTrigger {
	label: string;
	typeVersion: number;
	workflowId: string;
	workflowName: string;
	node: { id: string; name: string; type: string; parameters: Record<string, unknown> };
	webhookId: string;
}

/** A community webhook trigger (with the bench credential set), whose production URL its webhookId makes. */
function communityTriggerWorkflow({ label, typeVersion, workflowId, workflowName, node, webhookId }: CommunityTrigger): BenchWorkflow {
	return {
		label,
		webhookPath: `webhook/${webhookId}/webhook`,
		workflow: triggerThenDownstream(workflowId, workflowName, {
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
});

// n8n gives a new Webhook node a UUID as its path, as it gives the trigger a UUID as its webhookId.
const PLAIN_WEBHOOK_PATH = '0c7e9a4b-3d2f-4b1a-8e6c-5f4d3c2b1a09';

export const plainWebhookWorkflow: BenchWorkflow = {
	label: 'plain Webhook',
	webhookPath: `webhook/${PLAIN_WEBHOOK_PATH}`,
	workflow: triggerThenDownstream('benchPlainHook01', 'Bench: Webhook → No Operation', {
		id: 'b0a1c2d3-0000-4000-8000-00000000000b',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: 'a4e5f6a7-b8c9-4dae-8f01-23456789abcd',
		parameters: { httpMethod: 'POST', path: PLAIN_WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
	}),
};

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
});
