/**
 * `npm start`: the product on this machine. A real n8n (installed once outside the repo) with this package
 * installed the way users install it, the example workflows live, and local CodeSignal and Endorsed
 * sandboxes unless the environment names real accounts (see examples/README.md). Ctrl-C stops everything.
 *
 *   npm start [-- --fresh] [-- --port 5678]
 *
 * npm runs this with `exec`, so that the signals npm forwards (SIGINT, SIGTERM) reach this process itself
 * rather than a shell that would die and leave it running.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import { DEFAULT_DATASET } from '../../sandbox/codesignal/dataset';
import { findFreePort, N8nInstance, N8nWorkflowFile } from '../n8n/instance';
import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { runN8nCli } from '../n8n/process';
import { ensureN8nRuntime, N8nRuntime } from '../n8n/runtime';
import { ensureDemoJob } from './demo-job';
import {
	codeSignalCredential,
	endorsedCredential,
	ExampleWorkflows,
	loadExampleWorkflows,
	webhookPath,
	withBackfillSettings,
	withEndorsedJob,
} from './examples';
import { sendFirstDeliveries } from './first-deliveries';
import { launchN8nWithWorkflows } from './launch';
import { DEFAULT_PORT, LOCAL_OWNER, LOCAL_USER_FOLDER } from './local-instance';
import { startSandboxProcess, SandboxProcess } from './sandbox-process';
import {
	CodeSignalConnection,
	EndorsedConnection,
	SANDBOX_ORGANIZATION_ID,
	SANDBOX_WEBHOOK_SECRET,
	ServiceChoices,
	servicesFromEnv,
} from './services';

const CODESIGNAL_SANDBOX_PORT = 4100;
const ENDORSED_SANDBOX_PORT = 4200;
const FIRST_FINISHED_SESSIONS = 3;
/** With the sandbox, the backfill starts two weeks before the sandbox's seeded "now": it has history to sync. */
const SANDBOX_BACKFILL_SINCE = new Date(DEFAULT_DATASET.baseTime - 14 * 24 * 3600_000).toISOString();

const say = (line: string) => process.stdout.write(`${line}\n`);

async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
	const startedAt = Date.now();
	say(`▸ ${label}…`);
	const result = await run();
	say(`  done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
	return result;
}

interface Started {
	n8n?: N8nInstance;
	sandboxes: SandboxProcess<unknown>[];
	packDir: string;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			fresh: { type: 'boolean', default: false },
			port: { type: 'string', default: String(DEFAULT_PORT) },
		},
	});
	const port = Number(values.port);
	const services = servicesFromEnv(process.env);
	const userFolder = LOCAL_USER_FOLDER;
	if (values.fresh) rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	if ((await findFreePort(port)) !== port) {
		throw new Error(`Port ${port} or ${port + 1} is in use (n8n needs both): free them, or pass -- --port <other>`);
	}

	const started: Started = { sandboxes: [], packDir: mkdtempSync(join(tmpdir(), 'n8n-nodes-codesignal-pack-')) };
	const stop = once(async () => {
		say('\nStopping n8n and the sandboxes…');
		await Promise.allSettled([started.n8n?.stop(), ...started.sandboxes.map((sandbox) => sandbox.stop())]);
		rmSync(started.packDir, { recursive: true, force: true });
	});
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => void stop().then(() => process.exit(0)));
	}

	try {
		await run(services, port, userFolder, started);
	} catch (error) {
		await stop();
		throw error;
	}
}

async function run(services: ServiceChoices, port: number, userFolder: string, started: Started): Promise<void> {
	const runtime = await step('n8n runtime (installed once into ~/.cache, about 4 minutes and 3 GB)', () =>
		ensureN8nRuntime({ onProgress: (line) => say(`  │ ${line}`) }),
	);
	const tarball = await step('Building and packing n8n-nodes-codesignal', () =>
		buildAndPackThisPackage(started.packDir),
	);

	const codeSignal = await connectCodeSignal(services, started);
	const endorsed = await connectEndorsed(services, started);
	const workflows = adaptExamples(loadExampleWorkflows(), services, endorsed.job);

	const { n8n, session } = await step(
		`Importing credentials and examples into ${userFolder}, installing the package, starting n8n ${runtime.version}`,
		async () => {
			const launched = await launchN8nWithWorkflows({
				runtime,
				userFolder,
				port,
				packageTarball: tarball,
				credentials: [codeSignalCredential(codeSignal.connection), endorsedCredential(endorsed.connection)],
				workflows: await workflowsToImport(runtime, userFolder, workflows, services),
				activate: Object.values(workflows).map((workflow) => workflow.id),
				owner: LOCAL_OWNER,
				env: process.env.N8N_WEBHOOK_URL ? { N8N_WEBHOOK_URL: process.env.N8N_WEBHOOK_URL } : {},
			});
			started.n8n = launched.n8n;
			return launched;
		},
	);

	if (codeSignal.sandboxUrl !== undefined) {
		const { sandboxUrl } = codeSignal;
		await step('The CodeSignal sandbox sends its first signed webhook deliveries', async () => {
			const target = (workflow: N8nWorkflowFile) => ({
				endpointUrl: `${n8n.baseUrl}${webhookPath(workflow)}`,
				secret: codeSignal.connection.webhookSecret,
				organizationId: codeSignal.connection.organizationId,
			});
			const deliveries = await sendFirstDeliveries(sandboxUrl, {
				liveInterviewFeedback: target(workflows.feedback),
				sessionStarted: target(workflows.reminder),
				resultReady: target(workflows.live),
				finishedSessions: FIRST_FINISHED_SESSIONS,
			});
			for (const { event, status } of deliveries) say(`  ${event} → HTTP ${status}`);
			await session.waitForExecutions(workflows.live.id, FIRST_FINISHED_SESSIONS, 60_000);
		});
	}

	printSummary(n8n, port, workflows, codeSignal.sandboxUrl, services.endorsed.sandbox ? endorsed.connection : undefined);
	while (n8n.running) await sleep(1000);
	throw new Error(`n8n stopped unexpectedly: see ${n8n.logFile}`);
}

function printSummary(
	n8n: N8nInstance,
	port: number,
	workflows: ExampleWorkflows,
	codeSignalSandboxUrl: string | undefined,
	endorsedSandbox: EndorsedConnection | undefined,
): void {
	say('');
	say(`n8n is running: http://localhost:${port}`);
	say(`  log in as ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password} (this local instance only)`);
	say(`  data: ${n8n.userFolder} (npm start -- --fresh starts over); log: ${n8n.logFile}`);
	say('  CodeSignal Trigger URLs to register in CodeSignal → Integrations → Webhooks:');
	for (const name of ['live', 'reminder', 'feedback'] as const) {
		say(`    ${workflows[name].name}:\n      ${n8n.baseUrl}${webhookPath(workflows[name])}`);
	}
	if (codeSignalSandboxUrl) {
		say(`  CodeSignal sandbox: ${codeSignalSandboxUrl}`);
		say(`    more finished tests: POST ${codeSignalSandboxUrl}/__sandbox/sessions/finish {"count": 2}`);
	}
	if (endorsedSandbox) {
		const origin = new URL(endorsedSandbox.baseUrl).origin;
		say(`  Endorsed sandbox: ${endorsedSandbox.baseUrl}`);
		say(`    what it holds: GET ${origin}/__sandbox/state`);
	}
	say('Press Ctrl-C to stop.');
}

/** The connection the credential gets, and the sandbox's URL when it is the sandbox. */
async function connectCodeSignal(
	services: ServiceChoices,
	started: Started,
): Promise<{ connection: CodeSignalConnection; sandboxUrl?: string }> {
	if (!services.codeSignal.sandbox) return services.codeSignal;
	const sandbox = await step(`Starting the CodeSignal sandbox on port ${CODESIGNAL_SANDBOX_PORT}`, () =>
		startSandboxProcess<{ url: string; graphqlUrl: string; apiKey: string }>('codesignal', [
			'--port',
			String(CODESIGNAL_SANDBOX_PORT),
		]),
	);
	started.sandboxes.push(sandbox);
	return {
		sandboxUrl: sandbox.ready.url,
		connection: {
			endpoint: sandbox.ready.graphqlUrl,
			apiKey: sandbox.ready.apiKey,
			webhookSecret: SANDBOX_WEBHOOK_SECRET,
			organizationId: SANDBOX_ORGANIZATION_ID,
		},
	};
}

async function connectEndorsed(
	services: ServiceChoices,
	started: Started,
): Promise<{ connection: EndorsedConnection; job: string }> {
	if (!services.endorsed.sandbox) return services.endorsed;
	const sandbox = await step(`Starting the Endorsed sandbox on port ${ENDORSED_SANDBOX_PORT}`, () =>
		startSandboxProcess<EndorsedConnection>('endorsed', ['--port', String(ENDORSED_SANDBOX_PORT)]),
	);
	started.sandboxes.push(sandbox);
	const connection = {
		baseUrl: sandbox.ready.baseUrl,
		clientId: sandbox.ready.clientId,
		clientSecret: sandbox.ready.clientSecret,
	};
	const job = await ensureDemoJob(connection);
	return { connection, job: job.remoteId };
}

function adaptExamples(examples: ExampleWorkflows, services: ServiceChoices, job: string): ExampleWorkflows {
	const backfill = services.codeSignal.sandbox
		? withBackfillSettings(examples.backfill, { since: SANDBOX_BACKFILL_SINCE })
		: examples.backfill;
	return {
		...examples,
		live: withEndorsedJob(examples.live, job),
		backfill: withEndorsedJob(backfill, job),
	};
}

/**
 * The sandboxes start empty every time, so the workflows (and what they remember: repeats seen, the
 * backfill's position) start afresh with them. Against real accounts, workflows already there are kept,
 * with their memory and the user's changes.
 */
async function workflowsToImport(
	runtime: N8nRuntime,
	userFolder: string,
	workflows: ExampleWorkflows,
	services: ServiceChoices,
): Promise<N8nWorkflowFile[]> {
	const all = Object.values(workflows);
	if (services.codeSignal.sandbox || services.endorsed.sandbox) {
		return all.map((workflow) => ({ ...workflow, staticData: null }));
	}
	const existing = new Set((await runN8nCli({ runtime, userFolder }, ['list:workflow', '--onlyId'])).split(/\s+/));
	return all.filter((workflow) => !existing.has(workflow.id));
}

function once(run: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	return () => (running ??= run());
}

main().catch((error: Error) => {
	process.stderr.write(`\nnpm start failed: ${error.message}\n`);
	process.exit(1);
});
