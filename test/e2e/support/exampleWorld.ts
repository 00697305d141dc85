/**
 * What `npm start` builds, for one suite: the CodeSignal and Endorsed sandboxes (in this process, so that
 * tests can tamper with deliveries and read the stores), the Endorsed demo job, and a fresh real n8n
 * with the packed package and the example workflows live: one process, or a queue-mode deployment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ORGANIZATION_HEADER } from '../../../nodes/shared/codesignal/organizationId';
import { CodeSignalSandbox, CodeSignalSandboxOptions, startCodeSignalSandbox } from '../../../sandbox/codesignal';
import { EndorsedSandbox, startEndorsedSandbox } from '../../../sandbox/endorsed';
import {
	findFreePort,
	N8nCredentialFile,
	N8nInstance,
	N8nWorkflowFile,
	OwnerSession,
} from '../../../scripts/n8n/instance';
import { launchN8nWithWorkflows } from '../../../scripts/n8n/launch';
import { findFreePorts } from '../../../scripts/n8n/ports';
import { QueueDeployment, queuePortLayout, queuePorts, startQueueDeployment } from '../../../scripts/n8n/queue';
import { ensureN8nRuntime, N8nRuntime } from '../../../scripts/n8n/runtime';
import { ensureDemoJob } from '../../../scripts/start/demo-job';
import {
	codeSignalCredential,
	endorsedCredential,
	EXAMPLE_WORKFLOW_IDS,
	ExampleName,
	ExampleWorkflows,
	loadExampleWorkflows,
	webhookPath,
} from '../../../scripts/start/examples';
import { CodeSignalConnection } from '../../../scripts/start/services';
import { packageTarball } from './package';

export const WEBHOOK_SECRET = 'e2e-webhook-secret';
export const ORGANIZATION_ID = '4242';

/** GET /__sandbox/state of the Endorsed sandbox, the parts the suites read. */
export interface EndorsedState {
	jobs: Array<{ id: string; remote_id: string; criteria: Array<{ prompt_text: string }> }>;
	candidates: Array<{
		id: string;
		remote_id: string;
		attachments: Array<{ remote_id: string; text: string }>;
	}>;
	nominations: Array<{ id: string; job_id: string; candidate_id: string }>;
	rankings: Record<string, Array<{ candidate_id: string; score: number; nomination_id: string | null }>>;
}

export interface ExampleWorld {
	codeSignal: CodeSignalSandbox;
	codeSignalConnection: CodeSignalConnection;
	endorsed: EndorsedSandbox;
	job: { id: string; remoteId: string };
	workflows: ExampleWorkflows;
	/** The n8n process, or the main process of the queue-mode deployment. */
	n8n: N8nInstance;
	/** In queue mode. */
	deployment?: QueueDeployment;
	session: OwnerSession;
	webhookUrl(name: ExampleName): string;
	/** The sandbox has one webhook, as one CodeSignal webhook entry: this points it at one workflow. */
	pointWebhookAt(name: ExampleName): void;
	endorsedState(): Promise<EndorsedState>;
	close(): Promise<void>;
}

export interface ExampleWorldOptions {
	codeSignal?: CodeSignalSandboxOptions;
	/** Changes to the example files before they are imported (e.g. a faster poll), knowing the sandbox's data. */
	adapt?: (workflows: ExampleWorkflows, codeSignal: CodeSignalSandbox) => ExampleWorkflows;
	activate: ExampleName[];
	/** First port to try for n8n (it takes two, a queue-mode deployment a block: see queuePortLayout). */
	port: number;
	/** A queue-mode deployment instead of one n8n process. */
	queue?: { workers: number; webhookProcesses: number };
	/** More environment for every n8n process (e.g. one of n8n's feature flags). */
	n8nEnv?: Record<string, string>;
}

export async function startExampleWorld(options: ExampleWorldOptions): Promise<ExampleWorld> {
	const codeSignal = await startCodeSignalSandbox(options.codeSignal);
	const endorsed = await startEndorsedSandbox();
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-codesignal-e2e-'));
	const close = async () => {
		await Promise.allSettled([codeSignal.close(), endorsed.close()]);
		rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		const endorsedConnection = {
			baseUrl: endorsed.baseUrl,
			clientId: endorsed.clientId,
			clientSecret: endorsed.clientSecret,
		};
		const codeSignalConnection = {
			endpoint: codeSignal.graphqlUrl,
			apiKey: codeSignal.apiKey,
			webhookSecret: WEBHOOK_SECRET,
			organizationId: ORGANIZATION_ID,
		};
		const job = await ensureDemoJob(endorsedConnection);
		const examples = loadExampleWorkflows();
		const workflows = options.adapt ? options.adapt(examples, codeSignal) : examples;
		const launch = {
			runtime: await ensureN8nRuntime(),
			packageTarball: packageTarball(),
			credentials: [codeSignalCredential(codeSignalConnection), endorsedCredential(endorsedConnection)],
			workflows: Object.values(workflows),
			activate: options.activate.map((name) => workflows[name].id),
			env: options.n8nEnv ?? {},
		};
		const { n8n, session, deployment, publicUrl } = options.queue
			? await startQueue(launch, userFolder, options.port, options.queue)
			: await startSingle(launch, userFolder, options.port);
		const webhookUrl = (name: ExampleName) => `${publicUrl}${webhookPath(workflows[name])}`;
		return {
			codeSignal,
			codeSignalConnection,
			endorsed,
			job,
			workflows,
			n8n,
			deployment,
			session,
			webhookUrl,
			pointWebhookAt: (name) =>
				codeSignal.webhooks.configure({
					endpointUrl: webhookUrl(name),
					secret: codeSignalConnection.webhookSecret,
					headers: { [ORGANIZATION_HEADER]: codeSignalConnection.organizationId },
				}),
			endorsedState: async () => (await (await fetch(`${endorsed.url}/__sandbox/state`)).json()) as EndorsedState,
			close: async () => {
				await (deployment ?? n8n).stop();
				await close();
			},
		};
	} catch (error) {
		await close();
		throw error;
	}
}

interface WorldLaunch {
	runtime: N8nRuntime;
	packageTarball: string;
	credentials: N8nCredentialFile[];
	workflows: N8nWorkflowFile[];
	activate: string[];
	env: Record<string, string>;
}

interface WorldN8n {
	n8n: N8nInstance;
	session: OwnerSession;
	deployment?: QueueDeployment;
	/** What the webhook URLs start with. */
	publicUrl: string;
}

async function startSingle(launch: WorldLaunch, userFolder: string, fromPort: number): Promise<WorldN8n> {
	const { n8n, session } = await launchN8nWithWorkflows({
		...launch,
		userFolder,
		port: await findFreePort(fromPort),
	});
	return { n8n, session, publicUrl: n8n.baseUrl };
}

async function startQueue(
	launch: WorldLaunch,
	folder: string,
	fromPort: number,
	counts: { workers: number; webhookProcesses: number },
): Promise<WorldN8n> {
	const size = queuePorts(queuePortLayout(0, counts.workers, counts.webhookProcesses)).length;
	const deployment = await startQueueDeployment({
		...launch,
		...counts,
		folder,
		port: await findFreePorts(fromPort, size),
	});
	return { n8n: deployment.main, session: deployment.session, deployment, publicUrl: deployment.publicUrl };
}

/** Whether each example workflow is active, as n8n's public API says, by id. */
export async function exampleActivation(session: OwnerSession): Promise<Array<{ id: string; active: boolean }>> {
	const states = [];
	for (const id of Object.values(EXAMPLE_WORKFLOW_IDS)) {
		const { active } = await session.publicApi<{ active: boolean }>('GET', `/workflows/${id}`);
		states.push({ id, active });
	}
	return states;
}

/** An execution with its data, as the public API returns it with `includeData=true`. */
interface ExecutionWithData {
	status: string;
	data: { resultData: { runData: Record<string, NodeRun[]> } };
}

interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
}

/** Waits until the workflow's first execution has ended; returns what each node output (first run, first output). */
export async function firstEndedExecution(
	session: OwnerSession,
	workflowId: string,
	timeoutMs = 60_000,
): Promise<{ status: string; output(nodeName: string): Array<Record<string, unknown>> }> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [execution] = (await session.listExecutions({ workflowId })).slice(-1);
		if (execution?.stoppedAt) {
			const { status, data } = await session.publicApi<ExecutionWithData>(
				'GET',
				`/executions/${execution.id}?includeData=true`,
			);
			return {
				status,
				output: (nodeName) => (data.resultData.runData[nodeName]?.[0].data?.main[0] ?? []).map((item) => item.json),
			};
		}
		if (Date.now() > deadline) throw new Error(`No execution of ${workflowId} ended within ${timeoutMs / 1000}s`);
		await sleep(250);
	}
}
