/**
 * `npm run bench:webhook`: in one real n8n (2.40.7, SQLite, the package installed as users install it), signed
 * CodeSignal deliveries to a CodeSignal Trigger workflow against the same requests to a plain n8n Webhook
 * workflow with the same downstream node, first one at a time, then with 8 concurrent senders.
 *
 * Each mode alternates blocks of the two workflows (A B B A A B …) so that drift in the machine's load falls on
 * both alike. Prints median and p95 latency, throughput, errors and n8n's CPU time per request for each (the
 * last is little disturbed by other processes on the machine), and the ratio of the medians;
 * exits non-zero unless every ratio is at most 1.05, nothing failed, and each workflow has exactly one
 * successful saved execution per delivery.
 *
 * Options: `--deliveries=<n>` (instead of 2,000 per workflow and mode), `--n8n-env=NAME=value` (repeatable: runs
 * n8n with that setting, e.g. N8N_EXPRESSION_ENGINE=legacy), `--keep` (leaves n8n's folder, database and log).
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
	OwnerSession,
	ownerSession,
	publishWorkflow,
	startN8n,
} from '../n8n/instance';
import { buildAndPackThisPackage } from '../n8n/package-tarball';
import { ensureN8nRuntime, N8N_V2_VERSION } from '../n8n/runtime';
import { processCpuMs } from './webhook/cpu';
import { signedDelivery, type Delivery } from './webhook/deliveries';
import { BlockResult, keepAliveAgent, LoadSummary, sendBlock, summarize } from './webhook/load';
import {
	BenchWorkflow,
	codeSignalCredential,
	codeSignalTriggerWorkflow,
	ORGANIZATION_ID,
	plainWebhookWorkflow,
} from './webhook/workflows';

const DEFAULT_DELIVERIES = 2000;
const WARM_UP_DELIVERIES = 50;
const MODES = [
	{ name: 'sequential', concurrency: 1 },
	{ name: '8 concurrent', concurrency: 8 },
];
/** Blocks per workflow and mode: enough alternations to even out drift. */
const ROUNDS = 8;
const MAX_MEDIAN_RATIO = 1.05;
const EXECUTION_SAVE_TIMEOUT_MS = 120_000;

interface BenchOptions {
	deliveries: number;
	n8nEnv: Record<string, string>;
	keep: boolean;
}

interface Target {
	label: string;
	bench: BenchWorkflow;
	url: string;
}

/** The trigger first, the plain Webhook second, in every pair below. */
type Pair<T> = [T, T];

interface ModeResult {
	mode: string;
	summaries: Pair<LoadSummary>;
	ratio: number;
}

function parseOptions(args: string[]): BenchOptions {
	const options: BenchOptions = { deliveries: DEFAULT_DELIVERIES, n8nEnv: {}, keep: false };
	for (const arg of args) {
		const [name, value = ''] = arg.split(/=(.*)/s);
		if (name === '--deliveries' && /^[1-9]\d*$/.test(value)) options.deliveries = Number(value);
		else if (name === '--n8n-env' && /^\w+=/.test(value)) {
			const [key, setting] = value.split(/=(.*)/s);
			options.n8nEnv[key] = setting;
		} else if (arg === '--keep') options.keep = true;
		else throw new Error(`Cannot read the option ${arg}: use --deliveries=<n>, --n8n-env=NAME=value, --keep`);
	}
	return options;
}

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

async function setUpN8n(
	userFolder: string,
	webhookSecret: string,
	env: Record<string, string>,
): Promise<N8nInstance> {
	const runtime = await ensureN8nRuntime({ version: N8N_V2_VERSION });
	log('Building and packing the package…');
	const tarball = await buildAndPackThisPackage(join(userFolder, 'package'));
	const setup = { runtime, userFolder };
	await installCommunityPackage(setup, tarball);
	log('Importing and publishing the workflows…');
	await importCredentials(setup, [codeSignalCredential(webhookSecret)]);
	const workflows = [codeSignalTriggerWorkflow.workflow, plainWebhookWorkflow.workflow];
	await importWorkflows(setup, workflows);
	for (const workflow of workflows) await publishWorkflow(setup, workflow.id);
	log('Starting n8n…');
	return startN8n({ runtime, userFolder, port: await findFreePort(5790), env });
}

/** Sends `count` deliveries to each target in blocks, alternating which goes first. */
async function alternate(
	targets: Pair<Target>,
	count: number,
	concurrency: number,
	nextDeliveries: (count: number) => Delivery[],
	serverCpuMs: () => number,
): Promise<Pair<LoadSummary>> {
	const blocks: Pair<BlockResult[]> = [[], []];
	const agent = keepAliveAgent(concurrency);
	const blockSize = Math.ceil(count / ROUNDS);
	try {
		for (let round = 0, sent = 0; sent < count; round++, sent += blockSize) {
			const size = Math.min(blockSize, count - sent);
			for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
				const deliveries = nextDeliveries(size);
				blocks[index].push(await sendBlock(targets[index].url, deliveries, concurrency, agent, serverCpuMs));
			}
		}
	} finally {
		agent.destroy();
	}
	return [summarize(blocks[0]), summarize(blocks[1])];
}

/** Heading, width and cell of each figure printed per workflow and mode. */
const COLUMNS: Array<[string, number, (summary: LoadSummary) => string]> = [
	['median', 10, (summary) => `${summary.medianMs.toFixed(2)} ms`],
	['p95', 10, (summary) => `${summary.p95Ms.toFixed(2)} ms`],
	['req/s', 7, (summary) => summary.requestsPerSecond.toFixed(1)],
	['errors', 6, (summary) => String(summary.errors)],
	['n8n CPU/req', 11, (summary) => `${summary.serverCpuMsPerRequest.toFixed(2)} ms`],
];

function printResults(results: ModeResult[], targets: Pair<Target>): void {
	const headings = COLUMNS.map(([heading, width]) => heading.padStart(width));
	console.log(`${'mode'.padEnd(13)} ${'workflow'.padEnd(19)} ${headings.join(' ')}`);
	for (const { mode, summaries, ratio } of results) {
		summaries.forEach((summary, index) => {
			const cells = COLUMNS.map(([, width, cell]) => cell(summary).padStart(width));
			const errors = [...summary.errorsByStatus].map(([status, n]) => `${n}× ${status || 'no answer'}`);
			const errorDetail = errors.length ? `  (${errors.join(', ')})` : '';
			console.log(`${mode.padEnd(13)} ${targets[index].label.padEnd(19)} ${cells.join(' ')}${errorDetail}`);
		});
		console.log(
			`${mode.padEnd(13)} ratio trigger/plain of the medians: ${ratio.toFixed(3)} (target ≤ ${MAX_MEDIAN_RATIO})`,
		);
	}
}

function loadFailures(results: ModeResult[], targets: Pair<Target>): string[] {
	return results.flatMap(({ mode, summaries, ratio }) => [
		...(ratio > MAX_MEDIAN_RATIO ? [`${mode}: median ratio ${ratio.toFixed(3)} is above ${MAX_MEDIAN_RATIO}`] : []),
		...summaries.flatMap((summary, index) =>
			summary.errors ? [`${mode}: ${summary.errors} errors from the ${targets[index].label}`] : [],
		),
	]);
}

async function executionFailures(
	session: OwnerSession,
	targets: Pair<Target>,
	expected: number,
): Promise<string[]> {
	const failures: string[] = [];
	for (const { label, bench } of targets) {
		const workflowId = bench.workflow.id;
		await session.waitForExecutions(workflowId, expected, EXECUTION_SAVE_TIMEOUT_MS);
		// Counted again once they are all there: a surplus (a repeated run) shows only then.
		const executions = await session.listExecutions({ workflowId });
		const succeeded = executions.filter((execution) => execution.status === 'success').length;
		console.log(
			`executions    ${label.padEnd(19)} ${executions.length} saved, ${succeeded} successful; deliveries ${expected}`,
		);
		if (executions.length !== expected || succeeded !== expected) {
			failures.push(`${label}: ${succeeded} successful of ${executions.length} executions for ${expected} deliveries`);
		}
	}
	return failures;
}

async function bench(options: BenchOptions, n8n: N8nInstance, webhookSecret: string): Promise<string[]> {
	const session = await ownerSession(n8n);
	const target = (label: string, bench: BenchWorkflow): Target => ({
		label,
		bench,
		url: `${n8n.baseUrl}/${bench.webhookPath}`,
	});
	const targets: Pair<Target> = [
		target('CodeSignal Trigger', codeSignalTriggerWorkflow),
		target('plain Webhook', plainWebhookWorkflow),
	];
	for (const { bench } of targets) await session.waitUntilActive(bench.workflow.id);

	// The trigger's production URL is the endpoint URL registered in CodeSignal; the plain Webhook gets the same bytes.
	const signing = {
		endpointUrl: targets[0].url,
		secret: webhookSecret,
		organizationId: ORGANIZATION_ID,
		firstTriggeredOn: Date.now(),
	};
	let sequence = 0;
	const nextDeliveries = (count: number) => Array.from({ length: count }, () => signedDelivery(sequence++, signing));
	const serverCpuMs = () => processCpuMs(n8n.pid!);

	log(`Warming up with ${WARM_UP_DELIVERIES} deliveries each…`);
	const warmUp = await alternate(targets, WARM_UP_DELIVERIES, 1, nextDeliveries, serverCpuMs);
	const failures = warmUp.flatMap((summary, index) =>
		summary.errors ? [`${summary.errors} errors from the ${targets[index].label} while warming up`] : [],
	);

	const results: ModeResult[] = [];
	for (const { name, concurrency } of MODES) {
		log(`Sending ${options.deliveries} deliveries to each workflow, ${name}…`);
		const summaries = await alternate(targets, options.deliveries, concurrency, nextDeliveries, serverCpuMs);
		results.push({ mode: name, summaries, ratio: summaries[0].medianMs / summaries[1].medianMs });
	}

	const settings = Object.entries(options.n8nEnv).map(([key, value]) => `${key}=${value}`);
	console.log(
		`n8n ${N8N_V2_VERSION} (SQLite${settings.length ? `, ${settings.join(', ')}` : ''}): ` +
			`${options.deliveries} deliveries per workflow and mode, after ${WARM_UP_DELIVERIES} each to warm up`,
	);
	printResults(results, targets);
	failures.push(...loadFailures(results, targets));
	const expectedExecutions = WARM_UP_DELIVERIES + options.deliveries * MODES.length;
	failures.push(...(await executionFailures(session, targets, expectedExecutions)));
	return failures;
}

async function main(): Promise<number> {
	const options = parseOptions(process.argv.slice(2));
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-bench-webhook-'));
	const webhookSecret = randomBytes(32).toString('hex');
	let n8n: N8nInstance | undefined;
	try {
		n8n = await setUpN8n(userFolder, webhookSecret, options.n8nEnv);
		const failures = await bench(options, n8n, webhookSecret);
		for (const failure of failures) console.error(`FAIL: ${failure}`);
		if (failures.length === 0) console.log('All targets met.');
		return failures.length === 0 ? 0 : 1;
	} finally {
		await n8n?.stop();
		if (options.keep) log(`n8n's folder is kept: ${userFolder}`);
		else rmSync(userFolder, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
