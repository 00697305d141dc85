/**
 * `npm run bench:webhook`: in a real n8n (2.40.7, SQLite, the package installed as users install it), signed
 * CodeSignal deliveries to a CodeSignal Trigger workflow, and the same requests to a plain n8n Webhook workflow,
 * to a reference community webhook node (./webhook/reference-node: the same credential set, nothing checked)
 * and to n8n's own nodes doing the work of the trigger's execution (Remove Duplicates across executions, then an
 * HTTP Request reading the session), each ending in the same downstream node: first one at a time, then with 8
 * concurrent senders.
 *
 * It runs once on each of n8n's expression engines, since they treat community webhook nodes differently: the
 * default (vm) prepares an expression isolate before any webhook node outside n8n's own package runs, which
 * n8n's Webhook node skips, unless N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (`lazy`, the recommended setting:
 * target ≤ 1.0 × plain and ≤ 1.03 × the reference node); the legacy engine has no isolates. On both, n8n checks a workflow's access to its
 * credentials before each execution. The reference node shows what n8n charges apart from the package's cost.
 *
 * The trigger runs at its current version with its default settings, so each of its executions reads the session
 * from the CodeSignal sandbox (started here; its credential allows 100 requests a second so that the executions
 * keep up). Each mode alternates blocks of the workflows so that drift in the machine's load falls on all alike. Prints
 * median and p95 latency, throughput, errors and n8n's CPU time per request (little disturbed by other
 * processes on the machine), and the ratios of the medians; trigger / n8n's own nodes (not a target) says what
 * the trigger costs against n8n doing the same reads and repeat check itself, verifying nothing. Target: the
 * trigger's median at most 1.05 × the plain Webhook's, or 1.05 × the reference node's where n8n makes that slower
 * than its own Webhook; 0 errors; exactly one successful saved execution per delivery. Exits non-zero when one is
 * missed.
 *
 * Options: `--deliveries=<n>` (instead of 2,000 per workflow and mode), `--engine=vm|lazy|legacy` (only that one; repeatable),
 * `--n8n-env=NAME=value` (repeatable: runs n8n with that setting as well), `--trigger-option=name=value`
 * (repeatable: sets one of the trigger's Options, e.g. readSession=false, to measure what that part costs;
 * with readSession=false the bench no longer waits for the session reads), `--keep` (leaves n8n's folders,
 * databases and logs), `--port=<n>` (n8n's first port to try, default 6200).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	findFreePort,
	importCredentials,
	importWorkflows,
	installCommunityPackage,
	N8nInstance,
	N8nWorkflowFile,
	OwnerSession,
	ownerSession,
	publishWorkflow,
	startN8n,
} from '../n8n/instance';
import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { startCodeSignalSandbox } from '../../sandbox/codesignal';
import { ensureN8nRuntime, N8N_V2_VERSION } from '../n8n/runtime';
import { parseSetting } from './settingArgument';
import { processCpuMs } from './webhook/cpu';
import { signedDelivery, type DeliveredSession, type Delivery } from './webhook/deliveries';
import { BlockResult, keepAliveAgent, LoadSummary, sendBlock, summarize } from './webhook/load';
import {
	BENCH_API_REQUESTS_PER_SECOND,
	BenchApi,
	benchCredentials,
	BenchWorkflow,
	codeSignalTriggerWorkflow,
	n8nBuiltWorkflow,
	ORGANIZATION_ID,
	plainWebhookWorkflow,
	REFERENCE_NODE_FOLDER,
	referenceTriggerWorkflow,
} from './webhook/workflows';

const DEFAULT_DELIVERIES = 2000;
const WARM_UP_DELIVERIES = 50;
const MODES = [
	{ name: 'sequential', concurrency: 1 },
	{ name: '8 concurrent', concurrency: 8 },
];
interface Engine {
	label: string;
	env: Record<string, string>;
	/** The target's own bounds; without them, the trigger's median ≤ 1.05 × max(plain, reference). */
	maxToPlain?: number;
	maxToReference?: number;
}
const ENGINES: Record<'vm' | 'lazy' | 'legacy', Engine> = {
	vm: { label: 'expression engine vm (n8n 2.40.7 default)', env: {} },
	// The recommended setting (README): webhook nodes outside n8n's own get an isolate only when they evaluate an expression.
	lazy: {
		label: 'expression engine vm with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (recommended)',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		maxToPlain: 1.0,
		maxToReference: 1.03,
	},
	legacy: { label: 'expression engine legacy (N8N_EXPRESSION_ENGINE=legacy)', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};
type EngineName = keyof typeof ENGINES;
/** Blocks per workflow and mode: enough alternations to even out drift. */
const ROUNDS = 8;
const MAX_MEDIAN_RATIO = 1.05;
const EXECUTION_SAVE_TIMEOUT_MS = 120_000;

/** In this order in every list below; the trigger with the Options given on the command line. */
function benchWorkflows(api: BenchApi, triggerOptions: Record<string, unknown>): BenchWorkflow[] {
	const trigger: BenchWorkflow = {
		...codeSignalTriggerWorkflow,
		workflow: withTriggerOptions(codeSignalTriggerWorkflow.workflow, triggerOptions),
		readsSession: triggerOptions.readSession !== false,
	};
	return [trigger, plainWebhookWorkflow, referenceTriggerWorkflow, n8nBuiltWorkflow(api)];
}
const [TRIGGER, PLAIN, REFERENCE, N8N_BUILT] = [0, 1, 2, 3];

interface BenchOptions {
	deliveries: number;
	engines: EngineName[];
	n8nEnv: Record<string, string>;
	keep: boolean;
	port: number;
	/** Set on the trigger's Options (`--trigger-option=name=value`), to measure what each part of its work costs. */
	triggerOptions: Record<string, unknown>;
}

interface Target {
	bench: BenchWorkflow;
	url: string;
}

interface ModeResult {
	mode: string;
	summaries: LoadSummary[];
}

function parseOptions(args: string[]): BenchOptions {
	const options: BenchOptions = {
		deliveries: DEFAULT_DELIVERIES,
		engines: [],
		n8nEnv: {},
		keep: false,
		port: 6200,
		triggerOptions: {},
	};
	for (const arg of args) {
		const [name, value = ''] = arg.split(/=(.*)/s);
		const setting = parseSetting(value);
		if (name === '--deliveries' && /^[1-9]\d*$/.test(value)) options.deliveries = Number(value);
		else if (name === '--engine' && value in ENGINES) options.engines.push(value as EngineName);
		else if (name === '--n8n-env' && setting) options.n8nEnv[setting.name] = setting.value;
		else if (arg === '--keep') options.keep = true;
		else if (name === '--port' && /^[1-9]\d*$/.test(value)) options.port = Number(value);
		else if (name === '--trigger-option' && setting?.value) {
			options.triggerOptions[setting.name] = /^(true|false|-?\d+(\.\d+)?)$/.test(setting.value)
				? JSON.parse(setting.value)
				: setting.value;
		} else {
			throw new Error(
				`Cannot read the option ${arg}: use --deliveries=<n>, --engine=vm|lazy|legacy, --n8n-env=NAME=value, --trigger-option=name=value, --keep, --port=<n>`,
			);
		}
	}
	if (options.engines.length === 0) options.engines = Object.keys(ENGINES) as EngineName[];
	return options;
}

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

async function setUpN8n(
	userFolder: string,
	webhookSecret: string,
	api: BenchApi,
	options: BenchOptions,
	env: Record<string, string>,
	benches: BenchWorkflow[],
): Promise<N8nInstance> {
	const runtime = await ensureN8nRuntime({ version: N8N_V2_VERSION });
	log('Building and packing the package…');
	const tarball = await buildAndPackThisPackage(join(userFolder, 'package'));
	const setup = { runtime, userFolder };
	await installCommunityPackage(setup, tarball);
	log('Importing and publishing the workflows…');
	await importCredentials(setup, benchCredentials(webhookSecret, api));
	const workflows = benches.map((bench) => bench.workflow);
	await importWorkflows(setup, workflows);
	for (const workflow of workflows) await publishWorkflow(setup, workflow.id);
	log('Starting n8n…');
	return startN8n({
		runtime,
		userFolder,
		port: await findFreePort(options.port),
		env: { N8N_CUSTOM_EXTENSIONS: REFERENCE_NODE_FOLDER, ...env },
	});
}

/** The trigger's workflow with these Options set on the trigger. */
function withTriggerOptions(workflow: N8nWorkflowFile, triggerOptions: Record<string, unknown>): N8nWorkflowFile {
	const nodes = workflow.nodes.map((node, index) => {
		if (index !== 0) return node;
		const parameters = node.parameters as { options?: Record<string, unknown> };
		return { ...node, parameters: { ...parameters, options: { ...parameters.options, ...triggerOptions } } };
	});
	return { ...workflow, nodes };
}

/** Sends `count` deliveries to each target in blocks, rotating which goes first. */
async function alternate(
	targets: Target[],
	count: number,
	concurrency: number,
	nextDeliveries: (count: number) => Delivery[],
	serverCpuMs: () => number,
	settled: (target: number, sent: number) => Promise<void>,
): Promise<LoadSummary[]> {
	const blocks: BlockResult[][] = targets.map(() => []);
	const agent = keepAliveAgent(concurrency);
	const blockSize = Math.ceil(count / ROUNDS);
	try {
		for (let round = 0, sent = 0; sent < count; round++, sent += blockSize) {
			const size = Math.min(blockSize, count - sent);
			for (let step = 0; step < targets.length; step++) {
				const index = (round + step) % targets.length;
				const deliveries = nextDeliveries(size);
				const settle = async () => await settled(index, deliveries.length);
				blocks[index].push(await sendBlock(targets[index].url, deliveries, concurrency, agent, serverCpuMs, settle));
			}
		}
	} finally {
		agent.destroy();
	}
	return blocks.map(summarize);
}

interface Verdict {
	triggerToPlain: number;
	referenceToPlain: number;
	triggerToReference: number;
	/** Not a target: what the trigger costs against n8n's own nodes doing the same session read and repeat check. */
	triggerToN8nBuilt: number;
	/** The trigger's median may be 1.05 × whichever is slower: n8n's own Webhook, or the reference community node. */
	target: number;
	met: boolean;
}

function judge(summaries: LoadSummary[], engine: Engine): Verdict {
	const ratio = (of: number, to: number) => summaries[of].medianMs / summaries[to].medianMs;
	const referenceToPlain = ratio(REFERENCE, PLAIN);
	const triggerToPlain = ratio(TRIGGER, PLAIN);
	const ratios = {
		triggerToPlain,
		referenceToPlain,
		triggerToReference: ratio(TRIGGER, REFERENCE),
		triggerToN8nBuilt: ratio(TRIGGER, N8N_BUILT),
	};
	const target =
		engine.maxToPlain !== undefined && engine.maxToReference !== undefined
			? Math.min(engine.maxToPlain, engine.maxToReference * referenceToPlain)
			: MAX_MEDIAN_RATIO * Math.max(1, referenceToPlain);
	return { ...ratios, target, met: triggerToPlain <= target };
}

/** Heading, width and cell of each figure printed per workflow and mode. */
const COLUMNS: Array<[string, number, (summary: LoadSummary) => string]> = [
	['median', 10, (summary) => `${summary.medianMs.toFixed(2)} ms`],
	['p95', 10, (summary) => `${summary.p95Ms.toFixed(2)} ms`],
	['req/s', 7, (summary) => summary.requestsPerSecond.toFixed(1)],
	['errors', 6, (summary) => String(summary.errors)],
	['n8n CPU/delivery', 16, (summary) => `${summary.serverCpuMsPerRequest.toFixed(2)} ms`],
];

function printResults(results: ModeResult[], engine: Engine, workflows: BenchWorkflow[]): void {
	const headings = COLUMNS.map(([heading, width]) => heading.padStart(width));
	console.log(`${'mode'.padEnd(13)} ${'workflow'.padEnd(19)} ${headings.join(' ')}`);
	for (const { mode, summaries } of results) {
		summaries.forEach((summary, index) => {
			const cells = COLUMNS.map(([, width, cell]) => cell(summary).padStart(width));
			const errors = [...summary.errorsByStatus].map(([status, n]) => `${n}× ${status || 'no answer'}`);
			const errorDetail = errors.length ? `  (${errors.join(', ')})` : '';
			console.log(`${mode.padEnd(13)} ${workflows[index].label.padEnd(19)} ${cells.join(' ')}${errorDetail}`);
		});
		const { triggerToPlain, referenceToPlain, triggerToReference, triggerToN8nBuilt, target, met } = judge(summaries, engine);
		console.log(
			`${mode.padEnd(13)} median ratios: trigger/plain ${triggerToPlain.toFixed(3)}, reference/plain ` +
				`${referenceToPlain.toFixed(3)}, trigger/reference ${triggerToReference.toFixed(3)}; ` +
				`target trigger/plain ≤ ${target.toFixed(3)}: ${met ? 'met' : 'MISSED'}; ` +
				`trigger/n8n's own nodes ${triggerToN8nBuilt.toFixed(3)}`,
		);
		if (referenceToPlain > MAX_MEDIAN_RATIO) {
			console.log(
				`${''.padEnd(13)} (n8n alone makes the reference node ${referenceToPlain.toFixed(2)}× its own Webhook here: ` +
					`${MAX_MEDIAN_RATIO} × plain is out of reach for a community trigger with a credential, so the target is ` +
					`${MAX_MEDIAN_RATIO} × the reference node)`,
			);
		}
	}
}

function loadFailures(engine: EngineName, results: ModeResult[], workflows: BenchWorkflow[]): string[] {
	return results.flatMap(({ mode, summaries }) => {
		const { triggerToPlain, target, met } = judge(summaries, ENGINES[engine]);
		return [
			...(!met
				? [`${engine}, ${mode}: median ratio trigger/plain ${triggerToPlain.toFixed(3)} is above ${target.toFixed(3)}`]
				: []),
			...summaries.flatMap((summary, index) =>
				summary.errors ? [`${engine}, ${mode}: ${summary.errors} errors from the ${workflows[index].label}`] : [],
			),
		];
	});
}

async function executionFailures(
	engine: EngineName,
	session: OwnerSession,
	expected: number,
	workflows: BenchWorkflow[],
): Promise<string[]> {
	const failures: string[] = [];
	for (const { label, workflow } of workflows) {
		await session.waitForExecutions(workflow.id, expected, EXECUTION_SAVE_TIMEOUT_MS);
		// Counted again once they are all there: a surplus (a repeated run) shows only then.
		const executions = await session.listExecutions({ workflowId: workflow.id });
		const succeeded = executions.filter((execution) => execution.status === 'success').length;
		console.log(
			`executions    ${label.padEnd(19)} ${executions.length} saved, ${succeeded} successful; deliveries ${expected}`,
		);
		if (executions.length !== expected || succeeded !== expected) {
			failures.push(
				`${engine}: ${label}: ${succeeded} successful of ${executions.length} executions for ${expected} deliveries`,
			);
		}
	}
	return failures;
}

async function benchEngine(
	engine: EngineName,
	options: BenchOptions,
	n8n: N8nInstance,
	webhookSecret: string,
	sessions: DeliveredSession[],
	sessionReads: () => number,
	workflows: BenchWorkflow[],
): Promise<string[]> {
	const session = await ownerSession(n8n);
	const targets: Target[] = workflows.map((bench) => ({ bench, url: `${n8n.baseUrl}/${bench.webhookPath}` }));
	for (const { bench } of targets) await session.waitUntilActive(bench.workflow.id);

	// The trigger's production URL is the endpoint URL registered in CodeSignal; the others get the same bytes.
	const signing = {
		endpointUrl: targets[TRIGGER].url,
		secret: webhookSecret,
		organizationId: ORGANIZATION_ID,
		firstTriggeredOn: Date.now(),
	};
	let sequence = 0;
	const nextDeliveries = (count: number) =>
		Array.from({ length: count }, () => {
			const session = sessions[sequence % sessions.length];
			return signedDelivery(sequence++, signing, session);
		});
	const serverCpuMs = () => processCpuMs(n8n.pid!);
	// An execution that reads its session does so after the delivery was answered: its workflow's block ends when
	// every read is done.
	let expectedReads = sessionReads();
	const settled = async (target: number, sent: number) => {
		if (!targets[target].bench.readsSession) return;
		expectedReads += sent;
		const until = Date.now() + EXECUTION_SAVE_TIMEOUT_MS;
		while (sessionReads() < expectedReads && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
	};

	log(`Warming up with ${WARM_UP_DELIVERIES} deliveries each…`);
	const warmUp = await alternate(targets, WARM_UP_DELIVERIES, 1, nextDeliveries, serverCpuMs, settled);
	const failures = warmUp.flatMap((summary, index) =>
		summary.errors ? [`${engine}: ${summary.errors} errors from the ${workflows[index].label} while warming up`] : [],
	);

	const results: ModeResult[] = [];
	for (const { name, concurrency } of MODES) {
		log(`Sending ${options.deliveries} deliveries to each workflow, ${name}…`);
		results.push({
			mode: name,
			summaries: await alternate(targets, options.deliveries, concurrency, nextDeliveries, serverCpuMs, settled),
		});
	}

	const settings = [
		...Object.entries(options.n8nEnv).map(([key, value]) => `${key}=${value}`),
		...Object.entries(options.triggerOptions).map(([key, value]) => `trigger option ${key}=${String(value)}`),
	];
	console.log(
		`\nn8n ${N8N_V2_VERSION}, SQLite, ${ENGINES[engine].label}${settings.length ? `, ${settings.join(', ')}` : ''}: ` +
			`${options.deliveries} deliveries per workflow and mode, after ${WARM_UP_DELIVERIES} each to warm up`,
	);
	printResults(results, ENGINES[engine], workflows);
	failures.push(...loadFailures(engine, results, workflows));
	const expectedExecutions = WARM_UP_DELIVERIES + options.deliveries * MODES.length;
	failures.push(...(await executionFailures(engine, session, expectedExecutions, workflows)));
	return failures;
}

/** Deliveries one engine's run sends, to every workflow: the warm-up and each mode. */
const deliveriesPerEngine = (options: BenchOptions, workflows: BenchWorkflow[]) =>
	workflows.length * (WARM_UP_DELIVERIES + options.deliveries * MODES.length);

async function runOnEngine(
	engine: EngineName,
	options: BenchOptions,
	api: BenchApi,
	sessions: DeliveredSession[],
	sessionReads: () => number,
	workflows: BenchWorkflow[],
): Promise<string[]> {
	log(`— ${ENGINES[engine].label} —`);
	const userFolder = mkdtempSync(join(tmpdir(), `n8n-bench-webhook-${engine}-`));
	const webhookSecret = randomBytes(32).toString('hex');
	let n8n: N8nInstance | undefined;
	try {
		const env = { ...ENGINES[engine].env, ...options.n8nEnv };
		n8n = await setUpN8n(userFolder, webhookSecret, api, options, env, workflows);
		return await benchEngine(engine, options, n8n, webhookSecret, sessions, sessionReads, workflows);
	} finally {
		await n8n?.stop();
		if (options.keep) log(`n8n's folder is kept: ${userFolder}`);
		else rmSync(userFolder, { recursive: true, force: true });
	}
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	// Every delivery names its own finished session, which the executions of the trigger and of n8n's own nodes read.
	const sandbox = await startCodeSignalSandbox({
		dataset: { tests: 1, sessionsPerTest: 0, proctoredTests: 0, liveInterviews: 0 },
		rateLimit: { perSecond: 2 * BENCH_API_REQUESTS_PER_SECOND },
	});
	try {
		const [test] = sandbox.store.tests();
		const api = { graphqlUrl: sandbox.graphqlUrl, apiKey: sandbox.apiKey };
		const workflows = benchWorkflows(api, options.triggerOptions);
		const count = deliveriesPerEngine(options, workflows);
		const finishDates = Array.from({ length: count }, (_, index) => sandbox.store.now() - index * 1000);
		const sessions = sandbox.store
			.addSessions(test.id, count, { finishDates })
			.map((session) => ({ id: session.id, testId: session.testId, email: session.testTaker.email ?? '' }));
		const failures: string[] = [];
		const sessionReads = () => sandbox.stats().graphqlRequests;
		for (const engine of options.engines) {
			failures.push(...(await runOnEngine(engine, options, api, sessions, sessionReads, workflows)));
		}
		const stats = sandbox.stats();
		console.log(
			`CodeSignal sandbox: ${stats.requests} requests (the session reads of the trigger and of n8n's own nodes), ` +
				`${stats.operations.companyTestSession ?? 0} sessions read, answers by status ${JSON.stringify(stats.byStatus)}, ` +
				`${stats.rateLimited} refused`,
		);
		for (const failure of failures) console.error(`FAIL: ${failure}`);
		if (failures.length === 0) console.log('All targets met.');
		return failures.length === 0 ? 0 : 1;
	} finally {
		await sandbox.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
