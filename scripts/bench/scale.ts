/**
 * `npm run bench:scale`: the same signed-delivery load (bench:webhook's CodeSignal Trigger → No Operation
 * workflow, deliveries signed as CodeSignal signs them) against n8n 2.40.7 in one process and in queue mode
 * with 1 and with 2 workers (2 webhook processes behind the round-robin proxy in both), one after the other in
 * one run. Every set-up uses PostgreSQL (a database of its own, dropped afterwards), so that only the mode
 * differs; each takes the first empty Redis db index (claimed as npm start claims it, so that parallel runs on a
 * shared machine never share one) unless QUEUE_BULL_REDIS_DB names one, which must be empty.
 *
 * For each: deliveries answered per second and executed per second (until the last execution has ended), the
 * median and p95 latency of the answers, HTTP errors, executions that did not succeed, and CPU per delivery per
 * role (main, webhook processes, workers: each process and its children, read from /proc, from the first
 * delivery until the last execution ended) and the machine's load average; then the ratios to the single
 * process. The proxy runs in this process and is not counted (a load balancer's work), nor are PostgreSQL and
 * Redis.
 *
 * This is a measurement, not a target: on one machine every process shares the same cores, so queue mode can
 * only show what each role costs per delivery — what a deployment that gives each role machines of its own
 * needs. Exits non-zero only when a delivery got an error or an execution did not succeed.
 *
 * Options: `--deliveries=<n>` (400 by default), `--concurrency=<n>` (8 senders by default), `--n8n-env=NAME=value`
 * (repeatable: every n8n process runs with that setting as well, e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true),
 * `--keep` (leaves the n8n folders and logs).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { N8nInstance, OwnerSession } from '../n8n/instance';
import { launchN8nWithWorkflows } from '../n8n/launch';
import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { findFreePorts } from '../n8n/ports';
import { descendantPids } from '../n8n/procfs';
import { queuePortLayout, queuePorts, startQueueDeployment } from '../n8n/queue';
import { acquireQueueServices, queueServicesFromEnv, releaseQueueServices } from '../n8n/queue-services';
import { ensureN8nRuntime, N8N_V2_VERSION, N8nRuntime } from '../n8n/runtime';
import { parseSetting } from './settingArgument';
import { processCpuMs } from './webhook/cpu';
import { signedDelivery, type DeliveredSession, type Delivery } from './webhook/deliveries';
import { keepAliveAgent, LoadSummary, sendBlock, summarize } from './webhook/load';
import { startCodeSignalSandbox } from '../../sandbox/codesignal';
import {
	BENCH_API_REQUESTS_PER_SECOND,
	codeSignalCredential,
	codeSignalTriggerWorkflow,
	ORGANIZATION_ID,
	type BenchApi,
} from './webhook/workflows';

const DEFAULT_DELIVERIES = 400;
const DEFAULT_CONCURRENCY = 8;
const WARM_UP_DELIVERIES = 40;
/** First ports tried: the single process, then the queue-mode deployments (each takes a block, see queuePorts). */
const SINGLE_PORT = 6440;
const QUEUE_PORT = 6450;
const WEBHOOK_PROCESSES = 2;
const EXECUTIONS_TIMEOUT_MS = 600_000;
/** Listing executions costs the main process CPU: not too often. */
const EXECUTIONS_POLL_MS = 2_000;

const ROLES = ['main', 'webhook', 'worker'] as const;
type Role = (typeof ROLES)[number];

interface BenchOptions {
	deliveries: number;
	concurrency: number;
	keep: boolean;
	/** More environment for every n8n process (`--n8n-env=NAME=value`), e.g. lazy acquire of expression isolates. */
	n8nEnv: Record<string, string>;
}

/** What one set-up offers the load: where to send, who to measure, how to count executions. */
interface Target {
	label: string;
	/** The trigger's production URL, which deliveries are signed for. */
	url: string;
	session: OwnerSession;
	/** Every n8n process, by role. */
	processes: Array<{ role: Role; process: N8nInstance }>;
}

interface SetUpResult {
	label: string;
	load: LoadSummary;
	/** Deliveries whose executions ended, per second, from the first delivery to the last execution's end. */
	executedPerSecond: number;
	failedExecutions: number;
	executions: number;
	cpuMsPerDelivery: Record<Role, number | undefined>;
	/** The machine's 1-minute load average when the last execution ended: other work slows latency down. */
	loadAverage: number;
}

function parseOptions(args: string[]): BenchOptions {
	const options: BenchOptions = { deliveries: DEFAULT_DELIVERIES, concurrency: DEFAULT_CONCURRENCY, keep: false, n8nEnv: {} };
	for (const arg of args) {
		const [name, value = ''] = arg.split(/=(.*)/s);
		const setting = parseSetting(value);
		if (name === '--deliveries' && /^[1-9]\d*$/.test(value)) options.deliveries = Number(value);
		else if (name === '--concurrency' && /^[1-9]\d*$/.test(value)) options.concurrency = Number(value);
		else if (arg === '--keep') options.keep = true;
		else if (name === '--n8n-env' && setting) options.n8nEnv[setting.name] = setting.value;
		else {
			throw new Error(`Cannot read the option ${arg}: use --deliveries=<n>, --concurrency=<n>, --n8n-env=NAME=value, --keep`);
		}
	}
	return options;
}

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

/** CPU milliseconds a process and the processes below it (n8n's task runner) have used so far. */
function treeCpuMs(pid: number | undefined): number {
	if (pid === undefined) throw new Error('An n8n process stopped during the benchmark');
	return [pid, ...descendantPids(pid)].reduce((sum, one) => {
		try {
			return sum + processCpuMs(one);
		} catch {
			return sum; // A child that ended between the listing and the read.
		}
	}, 0);
}

function cpuByRole(target: Target): Record<Role, number> {
	const cpu: Record<Role, number> = { main: 0, webhook: 0, worker: 0 };
	for (const { role, process } of target.processes) cpu[role] += treeCpuMs(process.pid);
	return cpu;
}

/** Waits until `count` executions of the workflow have ended; returns how many did not succeed. */
async function waitForEndedExecutions(session: OwnerSession, workflowId: string, count: number): Promise<number> {
	const deadline = Date.now() + EXECUTIONS_TIMEOUT_MS;
	for (;;) {
		const executions = await session.listExecutions({ workflowId });
		const ended = executions.filter((execution) => execution.stoppedAt);
		if (ended.length >= count) return ended.filter((execution) => execution.status !== 'success').length;
		if (Date.now() > deadline) throw new Error(`Only ${ended.length} of ${count} executions ended in time`);
		await sleep(EXECUTIONS_POLL_MS);
	}
}

async function measure(target: Target, shared: Shared): Promise<SetUpResult> {
	const { options, secret, sessions } = shared;
	const workflowId = codeSignalTriggerWorkflow.workflow.id;
	await target.session.waitUntilActive(workflowId);
	const signing = { endpointUrl: target.url, secret, organizationId: ORGANIZATION_ID, firstTriggeredOn: Date.now() };
	let sequence = 0;
	const nextDeliveries = (count: number): Delivery[] =>
		Array.from({ length: count }, () => signedDelivery(sequence, signing, sessions[sequence++ % sessions.length]));
	const agent = keepAliveAgent(options.concurrency);
	const totalCpu = () => Object.values(cpuByRole(target)).reduce((sum, ms) => sum + ms, 0);
	try {
		log(`${target.label}: warming up with ${WARM_UP_DELIVERIES} deliveries…`);
		const warmUp = await sendBlock(target.url, nextDeliveries(WARM_UP_DELIVERIES), 1, agent, totalCpu);
		await waitForEndedExecutions(target.session, workflowId, WARM_UP_DELIVERIES);

		log(`${target.label}: ${options.deliveries} deliveries, ${options.concurrency} concurrent senders…`);
		const cpuBefore = cpuByRole(target);
		const startedAt = performance.now();
		const block = await sendBlock(target.url, nextDeliveries(options.deliveries), options.concurrency, agent, totalCpu);
		const failedExecutions = await waitForEndedExecutions(
			target.session,
			workflowId,
			WARM_UP_DELIVERIES + options.deliveries,
		);
		const seconds = (performance.now() - startedAt) / 1000;
		const cpuAfter = cpuByRole(target);
		const present = new Set(target.processes.map(({ role }) => role));
		const perDelivery = (role: Role) =>
			present.has(role) ? (cpuAfter[role] - cpuBefore[role]) / options.deliveries : undefined;
		const load = summarize([block]);
		for (const [status, count] of warmUp.errors) load.errorsByStatus.set(status, (load.errorsByStatus.get(status) ?? 0) + count);
		load.errors += [...warmUp.errors.values()].reduce((sum, count) => sum + count, 0);
		return {
			label: target.label,
			load,
			executedPerSecond: options.deliveries / seconds,
			failedExecutions,
			executions: WARM_UP_DELIVERIES + options.deliveries,
			cpuMsPerDelivery: { main: perDelivery('main'), webhook: perDelivery('webhook'), worker: perDelivery('worker') },
			loadAverage: loadavg()[0],
		};
	} finally {
		agent.destroy();
	}
}

/** Finished sessions the deliveries name, in turn. */
const SESSIONS = 500;

interface Shared {
	runtime: N8nRuntime;
	tarball: string;
	secret: string;
	folder: string;
	options: BenchOptions;
	/** The sandbox the trigger's executions read each delivery's session from. */
	api: BenchApi;
	sessions: DeliveredSession[];
}

const benchSetUp = (shared: Shared) => ({
	credentials: [codeSignalCredential(shared.secret, shared.api)],
	workflows: [codeSignalTriggerWorkflow.workflow],
	activate: [codeSignalTriggerWorkflow.workflow.id],
});

/** One n8n process (EXECUTIONS_MODE=regular) on a PostgreSQL database of its own. */
async function benchSingle(shared: Shared): Promise<SetUpResult> {
	const settings = queueServicesFromEnv(process.env);
	const services = await acquireQueueServices(shared.runtime, settings);
	let n8n: N8nInstance | undefined;
	try {
		log('single process: starting n8n…');
		const launched = await launchN8nWithWorkflows({
			...benchSetUp(shared),
			runtime: shared.runtime,
			userFolder: join(shared.folder, 'single'),
			packageTarball: shared.tarball,
			port: await findFreePorts(SINGLE_PORT, 2),
			env: { ...services.env, ...shared.options.n8nEnv, EXECUTIONS_MODE: 'regular' },
		});
		n8n = launched.n8n;
		const target: Target = {
			label: 'single process',
			url: `${n8n.baseUrl}/${codeSignalTriggerWorkflow.webhookPath}`,
			session: launched.session,
			processes: [{ role: 'main', process: n8n }],
		};
		return await measure(target, shared);
	} finally {
		await n8n?.stop();
		await releaseQueueServices(shared.runtime, settings, services);
	}
}

async function benchQueue(shared: Shared, workers: number): Promise<SetUpResult> {
	const label = `queue, ${workers} worker${workers === 1 ? '' : 's'}`;
	log(`${label}: starting the deployment…`);
	const size = queuePorts(queuePortLayout(0, workers, WEBHOOK_PROCESSES)).length;
	const deployment = await startQueueDeployment({
		...benchSetUp(shared),
		runtime: shared.runtime,
		folder: join(shared.folder, `queue-${workers}`),
		packageTarball: shared.tarball,
		port: await findFreePorts(QUEUE_PORT, size),
		workers,
		webhookProcesses: WEBHOOK_PROCESSES,
		services: queueServicesFromEnv(process.env),
		env: shared.options.n8nEnv,
	});
	try {
		const target: Target = {
			label,
			url: `${deployment.publicUrl}/${codeSignalTriggerWorkflow.webhookPath}`,
			session: deployment.session,
			processes: [
				{ role: 'main', process: deployment.main },
				...deployment.webhookProcesses.map((process) => ({ role: 'webhook' as const, process })),
				...deployment.workers.map((process) => ({ role: 'worker' as const, process })),
			],
		};
		return await measure(target, shared);
	} finally {
		await deployment.stop();
	}
}

const fixed = (value: number | undefined, digits: number) => (value === undefined ? '-' : value.toFixed(digits));

/** Heading, width and cell of each figure printed per set-up. */
const COLUMNS: Array<[string, number, (result: SetUpResult) => string]> = [
	['answered/s', 10, (result) => fixed(result.load.requestsPerSecond, 1)],
	['executed/s', 10, (result) => fixed(result.executedPerSecond, 1)],
	['median', 10, (result) => `${fixed(result.load.medianMs, 1)} ms`],
	['p95', 10, (result) => `${fixed(result.load.p95Ms, 1)} ms`],
	['errors', 6, (result) => String(result.load.errors)],
	['failed ex.', 10, (result) => `${result.failedExecutions}/${result.executions}`],
	['CPU main', 9, (result) => `${fixed(result.cpuMsPerDelivery.main, 2)} ms`],
	['CPU webhook', 11, (result) => `${fixed(result.cpuMsPerDelivery.webhook, 2)} ms`],
	['CPU worker', 10, (result) => `${fixed(result.cpuMsPerDelivery.worker, 2)} ms`],
	['CPU total', 9, (result) => `${fixed(totalCpu(result), 2)} ms`],
	['load', 5, (result) => fixed(result.loadAverage, 1)],
];

function totalCpu(result: SetUpResult): number {
	return ROLES.reduce((sum, role) => sum + (result.cpuMsPerDelivery[role] ?? 0), 0);
}

function printResults(results: SetUpResult[], options: BenchOptions, cores: number): void {
	console.log(
		`\nn8n ${N8N_V2_VERSION}, PostgreSQL, ${options.deliveries} signed deliveries per set-up (${options.concurrency} ` +
			`concurrent senders, after ${WARM_UP_DELIVERIES} to warm up), ${WEBHOOK_PROCESSES} webhook processes in queue mode; ` +
			`${cores} cores shared by every process. CPU is per delivery, each role's processes together.` +
			Object.entries(options.n8nEnv).map(([key, value]) => ` n8n runs with ${key}=${value}.`).join(''),
	);
	console.log(`${'set-up'.padEnd(17)} ${COLUMNS.map(([heading, width]) => heading.padStart(width)).join(' ')}`);
	for (const result of results) {
		const cells = COLUMNS.map(([, width, cell]) => cell(result).padStart(width));
		const errors = [...result.load.errorsByStatus].map(([status, n]) => `${n}× ${status || 'no answer'}`);
		console.log(`${result.label.padEnd(17)} ${cells.join(' ')}${errors.length ? `  (${errors.join(', ')})` : ''}`);
	}
	const [single, ...queued] = results;
	for (const result of queued) {
		console.log(
			`${result.label} / single process: answered/s ${fixed(result.load.requestsPerSecond / single.load.requestsPerSecond, 2)}, ` +
				`executed/s ${fixed(result.executedPerSecond / single.executedPerSecond, 2)}, ` +
				`median ${fixed(result.load.medianMs / single.load.medianMs, 2)}, p95 ${fixed(result.load.p95Ms / single.load.p95Ms, 2)}, ` +
				`CPU per delivery ${fixed(totalCpu(result) / totalCpu(single), 2)}`,
		);
	}
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	const folder = mkdtempSync(join(tmpdir(), 'n8n-bench-scale-'));
	// Each delivery names a finished session, which the trigger's execution reads, as with its default settings.
	const sandbox = await startCodeSignalSandbox({
		dataset: { tests: 1, sessionsPerTest: 0, proctoredTests: 0, liveInterviews: 0 },
		rateLimit: { perSecond: 2 * BENCH_API_REQUESTS_PER_SECOND },
	});
	try {
		const runtime = await ensureN8nRuntime({ version: N8N_V2_VERSION });
		log('Building and packing the package…');
		const tarball = await buildAndPackThisPackage(join(folder, 'package'));
		const [test] = sandbox.store.tests();
		const finishDates = Array.from({ length: SESSIONS }, (_, index) => sandbox.store.now() - index * 1000);
		const sessions = sandbox.store
			.addSessions(test.id, SESSIONS, { finishDates })
			.map((session) => ({ id: session.id, testId: session.testId, email: session.testTaker.email ?? '' }));
		const api = { graphqlUrl: sandbox.graphqlUrl, apiKey: sandbox.apiKey };
		const shared: Shared = { runtime, tarball, secret: randomBytes(32).toString('hex'), folder, options, api, sessions };
		const results = [await benchSingle(shared), await benchQueue(shared, 1), await benchQueue(shared, 2)];
		printResults(results, options, availableParallelism());
		const failures = results.flatMap((result) => [
			...(result.load.errors ? [`${result.label}: ${result.load.errors} deliveries not answered 200`] : []),
			...(result.failedExecutions ? [`${result.label}: ${result.failedExecutions} executions did not succeed`] : []),
		]);
		for (const failure of failures) console.error(`FAIL: ${failure}`);
		return failures.length === 0 ? 0 : 1;
	} finally {
		await sandbox.close();
		if (options.keep) log(`The n8n folders and logs are kept: ${folder}`);
		else rmSync(folder, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
