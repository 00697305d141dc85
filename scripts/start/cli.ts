/**
 * `npm start`: the product on this machine. A real n8n (installed once outside the repo) with this package
 * installed the way users install it, the example workflows live, and local CodeSignal and Endorsed
 * sandboxes unless the environment names real accounts. With `--queue`, the same in n8n's queue mode.
 * Ctrl-C (or any signal that ends npm) stops everything. `npm start -- --help` lists the options.
 *
 * npm runs this with `exec`, so that the signals npm forwards (SIGINT, SIGTERM) reach this process itself
 * rather than a shell that would die and leave it running.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { DEFAULT_DATASET } from '../../sandbox/codesignal/dataset';
import { N8nCredentialFile, N8nInstance, N8nWorkflowFile, OwnerSession } from '../n8n/instance';
import { launchN8nWithWorkflows } from '../n8n/launch';
import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { PortNeed, takenPorts } from '../n8n/ports';
import { runN8nCli } from '../n8n/process';
import { formatDuration, Progress } from '../n8n/progress';
import { queuePortLayout, queuePorts, startQueueDeployment } from '../n8n/queue';
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
import { LOCAL_OWNER } from './local-instance';
import { parseStartOptions, PORT_OPTIONS, StartOptions, UsageError, USAGE } from './options';
import { AlreadyRunningError, StartRun } from './run';
import { startSandboxProcess } from './sandbox-process';
import {
	CodeSignalConnection,
	EndorsedConnection,
	SANDBOX_ORGANIZATION_ID,
	SANDBOX_WEBHOOK_SECRET,
	ServiceChoices,
	servicesFromEnv,
} from './services';

const FIRST_FINISHED_SESSIONS = 3;
/** With the sandbox, the backfill starts two weeks before the sandbox's seeded "now": it has history to sync. */
const SANDBOX_BACKFILL_SINCE = new Date(DEFAULT_DATASET.baseTime - 14 * 24 * 3600_000).toISOString();
/** n8n gets this long to finish running executions when stopped, so that everything is down within 10 s. */
const SHUTDOWN_TIMEOUT_SECONDS = 3;

const say = (line: string) => process.stdout.write(`${line}\n`);
/** Relative to the current folder when inside it. */
const shortPath = (path: string) => {
	const inside = relative(process.cwd(), path);
	return inside.startsWith('..') ? path : inside || '.';
};

/** What `npm start` brought up, whichever mode: the URL CodeSignal reaches, and an owner's session. */
interface RunningN8n {
	/** What the webhook URLs start with: the address n8n's own N8N_WEBHOOK_URL names, unless the user set one. */
	publicUrl: string;
	session: OwnerSession;
	/** Lines for the summary: where the data and the logs are. */
	describe: string[];
	/** Resolves when an n8n process stops on its own. */
	ended(): Promise<N8nInstance>;
}

async function main(): Promise<void> {
	// Writing to a terminal that has closed (SIGHUP) must not crash the stop that follows.
	process.stdout.on('error', () => undefined);
	process.stderr.on('error', () => undefined);
	const options = parseStartOptions(process.argv.slice(2), process.env);
	if (options.help) {
		say(USAGE);
		return;
	}
	const services = servicesFromEnv(process.env);

	mkdirSync(options.dataFolder, { recursive: true });
	const { run, leftovers } = await StartRun.begin(options.dataFolder);
	if (leftovers) say(leftovers);
	if (options.fresh) clearDataFolder(options.dataFolder);
	const needs = portNeeds(options, services);
	const taken = [...portClashes(needs), ...(await takenPorts(needs))];
	if (taken.length > 0) {
		await run.stop();
		throw new StartRefused(taken.join('\n'));
	}
	run.stopOnSignals(say);

	const progress = new Progress(join(options.dataFolder, 'start.log'));
	say(`npm start${options.queue ? ' --queue' : ''}: full log in ${shortPath(progress.logFile)}`);
	try {
		await startEverything(options, services, run, progress);
	} catch (error) {
		if (run.isStopping) return;
		await run.stop();
		throw new Error(`${(error as Error).message}\n\nFull log: ${progress.logFile}`);
	}
}

function portNeeds(options: StartOptions, services: ServiceChoices): PortNeed[] {
	const n8nPorts = options.queue
		? queuePorts(queuePortLayout(options.port, options.workers, options.webhookProcesses))
		: [
				{ port: options.port, user: 'n8n' },
				{ port: options.port + 1, user: "n8n's task-runner broker, always n8n's port + 1" },
			];
	const howToMoveN8n = `${PORT_OPTIONS.port}${options.queue ? ' (the first of a block)' : ''}`;
	const needs: PortNeed[] = n8nPorts.map((need) => ({ ...need, howToMove: howToMoveN8n }));
	if (services.codeSignal.sandbox) {
		const howToMove = PORT_OPTIONS.codeSignalSandboxPort;
		needs.push({ port: options.codeSignalSandboxPort, user: 'the CodeSignal sandbox', howToMove });
	}
	if (services.endorsed.sandbox) {
		const howToMove = PORT_OPTIONS.endorsedSandboxPort;
		needs.push({ port: options.endorsedSandboxPort, user: 'the Endorsed sandbox', howToMove });
	}
	return needs;
}

/** One line per port that two of the needs share. */
function portClashes(needs: PortNeed[]): string[] {
	return needs.flatMap((need, index) => {
		const first = needs.findIndex((other) => other.port === need.port);
		if (first === index) return [];
		return [`Port ${need.port} is wanted by both ${needs[first].user} and ${need.user}: move one with ${need.howToMove}`];
	});
}

/** Keeps this run's record and log, which live there too. */
function clearDataFolder(dataFolder: string): void {
	rmSync(join(dataFolder, '.n8n'), { recursive: true, force: true });
	rmSync(join(dataFolder, 'n8n.log'), { force: true });
}

async function startEverything(
	options: StartOptions,
	services: ServiceChoices,
	run: StartRun,
	progress: Progress,
): Promise<void> {
	const startedAt = Date.now();
	const runtime = await ensureN8nRuntime({ output: progress.log, phase: progress.phase });
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-codesignal-pack-'));
	run.onStop(async () => rmSync(packDir, { recursive: true, force: true }));
	const tarball = await progress.phase('Building and packing n8n-nodes-codesignal', () =>
		buildAndPackThisPackage(packDir, progress.log),
	);

	const codeSignal = await connectCodeSignal(services, options, run, progress);
	const endorsed = await connectEndorsed(services, options, run, progress);
	const workflows = adaptExamples(loadExampleWorkflows(), services, endorsed.job);
	const callers = options.queue ? 1 + options.workers : 1;
	const credentials = [codeSignalCredential(codeSignal.connection, callers), endorsedCredential(endorsed.connection)];
	const n8nEnv = {
		// n8n's default zone is America/New_York: dates in the editor and schedules follow this machine instead.
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || Intl.DateTimeFormat().resolvedOptions().timeZone,
		// Webhook nodes outside n8n's own get their expression isolate only when they evaluate an expression.
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE || 'true',
		...(process.env.N8N_WEBHOOK_URL ? { N8N_WEBHOOK_URL: process.env.N8N_WEBHOOK_URL } : {}),
	};
	const launch: N8nLaunch = { options, runtime, packageTarball: tarball, credentials, workflows, env: n8nEnv, run, progress };
	const n8n = options.queue
		? await startQueueMode(launch)
		: await startSingleProcess(launch, await workflowsToImport(runtime, options.dataFolder, workflows, services));

	if (codeSignal.sandboxUrl !== undefined) {
		const { sandboxUrl } = codeSignal;
		const deliveries = await progress.phase('The CodeSignal sandbox sends its first signed webhook deliveries', async () => {
			const target = (workflow: N8nWorkflowFile) => ({
				endpointUrl: `${n8n.publicUrl}${webhookPath(workflow)}`,
				secret: codeSignal.connection.webhookSecret,
				organizationId: codeSignal.connection.organizationId,
			});
			const sent = await sendFirstDeliveries(sandboxUrl, {
				liveInterviewFeedback: target(workflows.feedback),
				sessionStarted: target(workflows.reminder),
				resultReady: target(workflows.live),
				finishedSessions: FIRST_FINISHED_SESSIONS,
			});
			await n8n.session.waitForExecutions(workflows.live.id, FIRST_FINISHED_SESSIONS, 60_000);
			return sent;
		});
		const statuses = [...new Set(deliveries.map(({ status }) => status))].join(', ');
		say(`  ${deliveries.length} deliveries, answered HTTP ${statuses}`);
	}

	printSummary(n8n, options, workflows, codeSignal.sandboxUrl, endorsed.sandboxUrl, n8nEnv.GENERIC_TIMEZONE);
	say(`Ready in ${formatDuration(Date.now() - startedAt)}. Press Ctrl-C to stop everything.`);
	const ended = await n8n.ended();
	throw new Error(`n8n stopped on its own: see ${ended.logFile}`);
}

/** What both modes start n8n with. */
interface N8nLaunch {
	options: StartOptions;
	runtime: N8nRuntime;
	packageTarball: string;
	credentials: N8nCredentialFile[];
	workflows: ExampleWorkflows;
	env: Record<string, string>;
	run: StartRun;
	progress: Progress;
}

async function startSingleProcess(
	{ options, runtime, packageTarball, credentials, workflows, env, run, progress }: N8nLaunch,
	workflowFiles: N8nWorkflowFile[],
): Promise<RunningN8n> {
	const userFolder = options.dataFolder;
	const { n8n, session } = await launchN8nWithWorkflows({
		runtime,
		userFolder,
		port: options.port,
		packageTarball,
		credentials,
		workflows: workflowFiles,
		activate: Object.values(workflows).map((workflow) => workflow.id),
		owner: LOCAL_OWNER,
		env,
		shutdownTimeoutSeconds: SHUTDOWN_TIMEOUT_SECONDS,
		phase: progress.phase,
	});
	run.recordProcess('n8n', n8n.pid, [n8n.port, n8n.port + 1]);
	run.onStop(() => n8n.stop());
	return {
		publicUrl: publicWebhookBase(n8n.baseUrl),
		session,
		describe: [
			`data: ${shortPath(userFolder)} (npm start -- --fresh starts over); n8n's log: ${shortPath(n8n.logFile)}`,
		],
		ended: () => whenStopped([n8n]),
	};
}

async function startQueueMode({
	options,
	runtime,
	packageTarball,
	credentials,
	workflows,
	env,
	run,
	progress,
}: N8nLaunch): Promise<RunningN8n> {
	const folder = join(options.dataFolder, 'queue');
	// The database is new on every run: so are the processes' folders.
	rmSync(folder, { recursive: true, force: true });
	const deployment = await startQueueDeployment({
		runtime,
		folder,
		packageTarball,
		port: options.port,
		workers: options.workers,
		webhookProcesses: options.webhookProcesses,
		credentials,
		workflows: Object.values(workflows),
		activate: Object.values(workflows).map((workflow) => workflow.id),
		owner: LOCAL_OWNER,
		env,
		shutdownTimeoutSeconds: SHUTDOWN_TIMEOUT_SECONDS,
		phase: progress.phase,
		onStarted: (started) => {
			if ('services' in started) run.recordQueueServices(started.services, runtime.version);
			else run.recordProcess(`n8n ${started.label}`, started.process.pid, [started.process.port, started.process.port + 1]);
		},
	});
	run.onStop(() => deployment.stop());
	const { services } = deployment;
	return {
		publicUrl: publicWebhookBase(deployment.publicUrl),
		session: deployment.session,
		describe: [
			`queue mode: the main process, ${deployment.workers.length} workers and ${deployment.webhookProcesses.length} webhook processes (round robin behind this port)`,
			`  logs: ${shortPath(folder)}/<process>/n8n.log; PostgreSQL database ${services.database}, Redis db ${services.redisDb}`,
			`  ${services.databaseCreated ? 'the database is dropped and ' : ''}the Redis db emptied when npm start stops`,
		],
		ended: () => whenStopped(deployment.processes().map(({ process }) => process)),
	};
}

/** N8N_WEBHOOK_URL when the user set one (a tunnel CodeSignal reaches), else where n8n listens. */
function publicWebhookBase(listening: string): string {
	return process.env.N8N_WEBHOOK_URL?.replace(/\/+$/, '') || listening;
}

async function whenStopped(processes: N8nInstance[]): Promise<N8nInstance> {
	for (;;) {
		const stopped = processes.find((process) => !process.running);
		if (stopped) return stopped;
		await sleep(1000);
	}
}

function printSummary(
	n8n: RunningN8n,
	options: StartOptions,
	workflows: ExampleWorkflows,
	codeSignalSandboxUrl: string | undefined,
	endorsedSandboxUrl: string | undefined,
	timeZone: string,
): void {
	say('');
	say(`n8n is running: http://localhost:${options.port}`);
	say(`  log in as ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password} (this local instance only)`);
	for (const line of n8n.describe) say(`  ${line}`);
	say(`  time zone: ${timeZone} (${process.env.GENERIC_TIMEZONE ? 'GENERIC_TIMEZONE' : "this machine's; set GENERIC_TIMEZONE to change it"})`);
	say('  CodeSignal Trigger URLs to register in CodeSignal → Integrations → Webhooks:');
	for (const name of ['live', 'reminder', 'feedback'] as const) {
		say(`    ${workflows[name].name}: ${n8n.publicUrl}${webhookPath(workflows[name])}`);
	}
	say(`  A new hiring round: POST it (see the workflow's note) to ${n8n.publicUrl}${webhookPath(workflows.hiringRound)}`);
	if (codeSignalSandboxUrl) {
		say(`  CodeSignal sandbox: ${codeSignalSandboxUrl}; more finished tests:`);
		say(`    curl -X POST ${codeSignalSandboxUrl}/__sandbox/sessions/finish -d '{"count":2}'`);
	}
	if (endorsedSandboxUrl) say(`  Endorsed sandbox: what it holds: curl ${endorsedSandboxUrl}/__sandbox/state`);
	if (codeSignalSandboxUrl || endorsedSandboxUrl) {
		say('  The sandboxes start from their seeded data on every run: what changed in them (sessions finished,');
		say(`  everything pushed to Endorsed) is not kept, while n8n keeps its executions${options.queue ? ' until it stops' : ''}.`);
	}
}

/** The connection the credential gets, and the sandbox's URL when it is the sandbox. */
async function connectCodeSignal(
	services: ServiceChoices,
	options: StartOptions,
	run: StartRun,
	progress: Progress,
): Promise<{ connection: CodeSignalConnection; sandboxUrl?: string }> {
	if (!services.codeSignal.sandbox) return services.codeSignal;
	const port = options.codeSignalSandboxPort;
	const sandbox = await progress.phase(`Starting the CodeSignal sandbox on port ${port}`, () =>
		startSandboxProcess<{ url: string; graphqlUrl: string; apiKey: string }>('codesignal', ['--port', String(port)]),
	);
	run.recordProcess('the CodeSignal sandbox', sandbox.pid, [port]);
	run.onStop(() => sandbox.stop());
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
	options: StartOptions,
	run: StartRun,
	progress: Progress,
): Promise<{ connection: EndorsedConnection; job: string; sandboxUrl?: string }> {
	if (!services.endorsed.sandbox) return services.endorsed;
	const port = options.endorsedSandboxPort;
	return progress.phase(`Starting the Endorsed sandbox on port ${port} with the examples' job`, async () => {
		const sandbox = await startSandboxProcess<EndorsedConnection & { url: string }>('endorsed', ['--port', String(port)]);
		run.recordProcess('the Endorsed sandbox', sandbox.pid, [port]);
		run.onStop(() => sandbox.stop());
		const { baseUrl, clientId, clientSecret } = sandbox.ready;
		const connection = { baseUrl, clientId, clientSecret };
		const job = await ensureDemoJob(connection);
		return { connection, job: job.remoteId, sandboxUrl: sandbox.ready.url };
	});
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
 * The sandboxes start from their seeded data every time, so the workflows (and what they remember: repeats
 * seen, the backfill's position) start afresh with them. Against real accounts, workflows already there are
 * kept, with their memory and the user's changes.
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

/** Said before anything is built or started: the message is all there is to say. */
class StartRefused extends Error {}

main().catch((error: Error) => {
	if (error instanceof UsageError) {
		process.stderr.write(`${error.message}\n${USAGE}\n`);
		process.exit(2);
	}
	const refused = error instanceof StartRefused || error instanceof AlreadyRunningError;
	process.stderr.write(refused ? `${error.message}\n` : `\nnpm start failed: ${error.message}\n`);
	process.exit(1);
});
