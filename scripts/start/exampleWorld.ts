/**
 * What `npm start` builds, for an end-to-end suite or a torture run: the CodeSignal and Endorsed sandboxes (in
 * this process, so that the caller can tamper with deliveries and read the stores), the Endorsed demo job, and a
 * fresh real n8n with the packed package and the example workflows live: one process, or a queue-mode deployment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ORGANIZATION_HEADER } from '../../nodes/shared/codesignal/organizationId';
import { CodeSignalSandbox, CodeSignalSandboxOptions, startCodeSignalSandbox } from '../../sandbox/codesignal';
import { EndorsedSandbox, EndorsedSandboxOptions, startEndorsedSandbox } from '../../sandbox/endorsed';
import {
	findFreePort,
	N8nCredentialFile,
	N8nInstance,
	N8nWorkflowFile,
	OwnerSession,
} from '../n8n/instance';
import { launchN8nWithWorkflows } from '../n8n/launch';
import { findFreePorts } from '../n8n/ports';
import { QueueDeployment, queuePortLayout, queuePorts, startQueueDeployment } from '../n8n/queue';
import { ensureN8nRuntime, N8nRuntime } from '../n8n/runtime';
import { ensureDemoJob } from './demo-job';
import {
	codeSignalCredential,
	endorsedCredential,
	ExampleName,
	ExampleWorkflows,
	loadExampleWorkflows,
	webhookPath,
} from './examples';
import { CodeSignalConnection } from './services';

export const WEBHOOK_SECRET = 'e2e-webhook-secret';
export const ORGANIZATION_ID = '4242';

/** GET /__sandbox/state of the Endorsed sandbox, the parts the suites read. */
export interface EndorsedState {
	jobs: Array<{ id: string; remote_id: string; criteria: Array<{ prompt_text: string }> }>;
	candidates: Array<{
		id: string;
		remote_id: string;
		email_addresses: Array<{ value: string; type: string | null }>;
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
	/**
	 * The sandbox has one webhook, as one CodeSignal webhook entry: this points it at one workflow. `events`
	 * limits what the sandbox sends by itself when its data changes (none: only what the caller sends).
	 */
	pointWebhookAt(name: ExampleName, events?: string[]): void;
	endorsedState(): Promise<EndorsedState>;
	close(): Promise<void>;
}

export interface ExampleWorldOptions {
	/** The packed package (`npm pack` output) installed into n8n. */
	packageTarball: string;
	codeSignal?: CodeSignalSandboxOptions;
	/** E.g. a latency on every request, so that executions last long enough to be interrupted. */
	endorsed?: EndorsedSandboxOptions;
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
	const endorsed = await startEndorsedSandbox(options.endorsed);
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-codesignal-world-'));
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
			packageTarball: options.packageTarball,
			credentials: [
				codeSignalCredential(codeSignalConnection, options.queue ? 1 + options.queue.workers : 1),
				endorsedCredential(endorsedConnection),
			],
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
			pointWebhookAt: (name, events) =>
				codeSignal.webhooks.configure({
					endpointUrl: webhookUrl(name),
					secret: codeSignalConnection.webhookSecret,
					headers: { [ORGANIZATION_HEADER]: codeSignalConnection.organizationId },
					events,
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
