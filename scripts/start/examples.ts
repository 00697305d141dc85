/**
 * The example workflows in examples/ and the two credentials they reference by id, as `n8n import:*`
 * reads them. The files are importable into any n8n as they are; `npm start` and the end-to-end suite
 * adapt copies of them (the Endorsed job, the backfill's start, the poll interval).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nCredentialFile, N8nWorkflowFile } from '../n8n/instance';
import { REPO_ROOT } from '../n8n/package-tarball';
import type { CodeSignalConnection, EndorsedConnection } from './services';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The ids the example files have: fixed, so that re-imports replace them and webhook URLs never change. */
export const EXAMPLE_WORKFLOW_IDS = {
	live: 'csLiveResultPush',
	backfill: 'csResultBackfill',
	reminder: 'csTimeReminder01',
	feedback: 'csBlindFeedback1',
	hiringRound: 'csNewHiringRound',
} as const;

export type ExampleName = keyof typeof EXAMPLE_WORKFLOW_IDS;

export const EXAMPLE_CREDENTIALS = {
	codeSignal: { id: 'csApiCredential1', name: 'CodeSignal account', type: 'codeSignalApi' },
	endorsed: { id: 'endorsedApiCred1', name: 'Endorsed account', type: 'endorsedApi' },
} as const;

/** The Endorsed job (by remote ID) the examples push to; `npm start` creates it in the sandbox. */
export const EXAMPLE_JOB_REMOTE_ID = 'codesignal-demo-backend-engineer';

const PACKAGE_PREFIX = 'n8n-nodes-codesignal.';
const WEBHOOK_TRIGGER_TYPE = `${PACKAGE_PREFIX}codeSignalTrigger`;
const POLL_TRIGGER_TYPE = `${PACKAGE_PREFIX}codeSignalResultsTrigger`;
const N8N_WEBHOOK_TYPE = 'n8n-nodes-base.webhook';
const ENDORSED_TYPE = `${PACKAGE_PREFIX}endorsed`;

export type ExampleWorkflows = Record<ExampleName, N8nWorkflowFile>;

export function loadExampleWorkflows(): ExampleWorkflows {
	const byId = new Map<string, N8nWorkflowFile>();
	for (const file of readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json'))) {
		const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as N8nWorkflowFile;
		byId.set(workflow.id, workflow);
	}
	const entries = Object.entries(EXAMPLE_WORKFLOW_IDS).map(([name, id]) => {
		const workflow = byId.get(id);
		if (!workflow) throw new Error(`No workflow with id ${id} in ${EXAMPLES_DIR}`);
		return [name, workflow];
	});
	return Object.fromEntries(entries) as ExampleWorkflows;
}

/** `processes`: the n8n processes that call CodeSignal (in queue mode the main process and each worker). */
export function codeSignalCredential(connection: CodeSignalConnection, processes = 1): N8nCredentialFile {
	return {
		...EXAMPLE_CREDENTIALS.codeSignal,
		data: { ...connection, requestsPerSecond: 10, processesSharingLimit: processes },
	};
}

export function endorsedCredential(connection: EndorsedConnection): N8nCredentialFile {
	return {
		...EXAMPLE_CREDENTIALS.endorsed,
		data: { ...connection, scopes: ['all:read', 'all:write'] },
	};
}

/**
 * Path of the production URL of the workflow's CodeSignal Trigger (`/webhook/<webhookId>/webhook`) or, in a
 * workflow started by n8n's own Webhook node, of that node (`/webhook/<path>`).
 */
export function webhookPath(workflow: N8nWorkflowFile): string {
	const trigger = workflow.nodes.find((node) => node.type === WEBHOOK_TRIGGER_TYPE);
	if (trigger?.webhookId) return `/webhook/${trigger.webhookId as string}/webhook`;
	const webhook = workflow.nodes.find((node) => node.type === N8N_WEBHOOK_TYPE);
	const path = (webhook?.parameters as NodeParameters | undefined)?.path;
	if (typeof path === 'string' && path !== '') return `/webhook/${path}`;
	throw new Error(`Workflow ${workflow.id} has neither a CodeSignal Trigger with a webhookId nor a Webhook node with a path`);
}

type NodeParameters = Record<string, unknown>;

/** A copy of the workflow in which `change` rewrote the parameters of every node of `type`. */
export function withNodeParameters(
	workflow: N8nWorkflowFile,
	type: string,
	change: (parameters: NodeParameters) => NodeParameters,
): N8nWorkflowFile {
	const nodes = workflow.nodes.map((node) =>
		node.type === type ? { ...node, parameters: change(node.parameters as NodeParameters) } : node,
	);
	return { ...workflow, nodes };
}

/** Every Endorsed node pushes to this job: a UUID is its Endorsed ID, anything else its remote ID. */
export function withEndorsedJob(workflow: N8nWorkflowFile, job: string): N8nWorkflowFile {
	const mode = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(job) ? 'id' : 'remoteId';
	return withNodeParameters(workflow, ENDORSED_TYPE, (parameters) => ({
		...parameters,
		job: { __rl: true, mode, value: job },
	}));
}

/** The Results Trigger's settings: its start ("Finished Since"), poll times, per-poll cap and page size. */
export function withBackfillSettings(
	workflow: N8nWorkflowFile,
	settings: { since?: string; everyMinute?: boolean; maxResultsPerPoll?: number; pageSize?: number },
): N8nWorkflowFile {
	return withNodeParameters(workflow, POLL_TRIGGER_TYPE, (parameters) => ({
		...parameters,
		...(settings.since !== undefined ? { since: settings.since } : {}),
		...(settings.everyMinute ? { pollTimes: { item: [{ mode: 'everyMinute' }] } } : {}),
		options: {
			...(parameters.options as NodeParameters),
			...(settings.maxResultsPerPoll ? { maxResultsPerPoll: settings.maxResultsPerPoll } : {}),
			...(settings.pageSize ? { pageSize: settings.pageSize } : {}),
		},
	}));
}
