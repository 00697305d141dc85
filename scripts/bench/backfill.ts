/**
 * Backfill benchmark of the CodeSignal Results Trigger: `npm run bench:backfill`.
 *
 * 1. Speed: 10,000 finished sessions across 50 tests, synced from the CodeSignal sandbox at its limit of
 *    10 requests/second. Reports sessions/second against the nominal ceiling (10 req/s × 20 sessions a page)
 *    and against the achievable rate (the sessions in the minimum number of requests, sent at exactly
 *    10 req/s: the test list and each test's short last page carry fewer than 20), requests against the
 *    minimum, the busiest second the sandbox counted for the key, and the sync's peak memory.
 *    `--cpu-hog` runs a busy child process beside it, so that timers fire late as on a loaded machine.
 * 2. Memory: 10,000 and then 100,000 sessions synced with a cap of 1,000 results per poll; the peak heap
 *    must stay flat. (Run at 200 req/s, which the sandbox is told to allow: only memory is measured.)
 *
 * The sandbox and each sync run in child processes of this script (`--serve`, `--sync`), so that the
 * sync's memory is measured alone. Exits non-zero when a target is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

import { keyLabel, startCodeSignalSandbox, type SandboxStats } from '../../sandbox/codesignal';
import { PACING_MARGIN_MS } from '../../nodes/shared/codesignal/pacer';
import { startCpuHog, wantsCpuHog } from './cpuHog';
import { idsOf, PollEngine } from '../../test/nodes/CodeSignalResultsTrigger/pollEngine';
import { mulberry32 as seededRandom } from '../../sandbox/codesignal/random';

const PAGE_SIZE = 20;
const TESTS = 50;
const SINCE = Date.parse('2026-01-01T00:00:00Z');
const TARGETS = { shareOfAchievable: 0.97, requestsOverMinimum: 1.02, flatMemory: 1.25 };

interface ServeOptions {
	sessions: number;
	perSecond: number;
	seed: number;
}

interface Served {
	graphqlUrl: string;
	apiKey: string;
	/** What an exact sync emits, as a count and an order-free fingerprint of the ids. */
	expected: Fingerprint;
	/** Pages a client that does not know the counts must read: the test list, then each test down to its end. */
	minimumRequests: number;
}

interface SyncOptions {
	graphqlUrl: string;
	apiKey: string;
	perSecond: number;
	maxResultsPerPoll: number;
	/** The speed run measures one poll that reads the whole backlog (its cap is above the session count). */
	singlePoll: boolean;
}

interface SyncReport {
	polls: number;
	seconds: number;
	emitted: Fingerprint;
	/** The most the sync held at once: heap after a full collection, taken while a poll's items are still held. */
	peakLiveHeapMb: number;
	peakRssMb: number;
}

interface Fingerprint {
	count: number;
	sum: number;
	xor: number;
}

/** FNV-1a per id, summed and xor-ed: a missing, extra or repeated id changes it; memory stays constant. */
function fingerprint(): Fingerprint & { add(id: string): void } {
	const print = {
		count: 0,
		sum: 0,
		xor: 0,
		add(id: string) {
			let hash = 0x811c9dc5;
			for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193) >>> 0;
			print.count++;
			print.sum = (print.sum + hash) % 2 ** 32;
			print.xor = (print.xor ^ hash) >>> 0;
		},
	};
	return print;
}

const samePrint = (a: Fingerprint, b: Fingerprint) => a.count === b.count && a.sum === b.sum && a.xor === b.xor;

// Child: the sandbox.

async function serve(options: ServeOptions): Promise<void> {
	const sandbox = await startCodeSignalSandbox({
		seed: options.seed,
		dataset: { tests: TESTS, sessionsPerTest: 0, proctoredTests: 0 },
		rateLimit: { perSecond: options.perSecond },
	});
	const random = seededRandom(options.seed);
	const tests = sandbox.store.tests();
	const counts = tests.map(() => 0);
	for (let index = 0; index < options.sessions; index++) counts[Math.floor(random() * tests.length)]++;
	const expected = fingerprint();
	let finished = 0;
	tests.forEach((test, index) => {
		const finishDates = Array.from({ length: counts[index] }, () => SINCE + 1000 * finished++);
		for (const session of sandbox.store.addSessions(test.id, counts[index], { finishDates })) expected.add(session.id);
	});
	const minimumRequests =
		Math.ceil(tests.length / PAGE_SIZE) + counts.reduce((sum, count) => sum + Math.ceil((count + 1) / PAGE_SIZE), 0);
	const served: Served = {
		graphqlUrl: sandbox.graphqlUrl,
		apiKey: sandbox.apiKey,
		expected: { count: expected.count, sum: expected.sum, xor: expected.xor },
		minimumRequests,
	};
	process.stdout.write(`${JSON.stringify({ ...served, url: sandbox.url })}\n`);
	process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
}

// Child: one sync, polled until it is caught up, with its memory sampled.

async function sync(options: SyncOptions): Promise<void> {
	const collectGarbage = (globalThis as { gc?: () => void }).gc!;
	const peak = { liveHeap: 0, rss: 0 };
	const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 20);
	const engine = new PollEngine(
		options,
		{
			tests: 'all',
			since: new Date(SINCE).toISOString(),
			detail: 'results',
			options: { maxResultsPerPoll: options.maxResultsPerPoll },
		},
		options.perSecond,
	);
	const emitted = fingerprint();
	const started = performance.now();
	let polls = 0;
	for (;;) {
		const items = await engine.tick();
		polls++;
		collectGarbage();
		peak.liveHeap = Math.max(peak.liveHeap, process.memoryUsage().heapUsed);
		for (const id of idsOf(items ?? [])) emitted.add(id);
		// Otherwise caught up once a poll finds nothing: a poll may emit less than the cap while a backlog
		// remains (its time budget, or a chunk ending at a test's boundary), and stopping there cut the run short.
		if (options.singlePoll || (items?.length ?? 0) === 0) break;
	}
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	const report: SyncReport = {
		polls,
		seconds,
		emitted: { count: emitted.count, sum: emitted.sum, xor: emitted.xor },
		peakLiveHeapMb: peak.liveHeap / 2 ** 20,
		peakRssMb: peak.rss / 2 ** 20,
	};
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

// Parent: runs the scenarios and judges them.

function child(role: '--serve' | '--sync', options: object): { process: ChildProcess; firstLine: Promise<string> } {
	const nodeOptions = role === '--sync' ? ['--expose-gc'] : [];
	const started = spawn(process.execPath, [...process.execArgv, ...nodeOptions, __filename, role, JSON.stringify(options)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const firstLine = new Promise<string>((resolve, reject) => {
		createInterface({ input: started.stdout! }).once('line', resolve);
		started.once('exit', (code) => reject(new Error(`${role} exited with code ${code} before answering`)));
	});
	return { process: started, firstLine };
}

async function sandboxStats(url: string, reset = false): Promise<SandboxStats> {
	if (reset) await fetch(`${url}/__sandbox/stats/reset`, { method: 'POST' });
	return (await (await fetch(`${url}/__sandbox/stats`)).json()) as SandboxStats;
}

async function scenario(sessions: number, perSecond: number, maxResultsPerPoll: number) {
	const sandbox = child('--serve', { sessions, perSecond, seed: 1 } satisfies ServeOptions);
	try {
		const served = JSON.parse(await sandbox.firstLine) as Served & { url: string };
		await sandboxStats(served.url, true);
		const run = child('--sync', {
			graphqlUrl: served.graphqlUrl,
			apiKey: served.apiKey,
			perSecond,
			maxResultsPerPoll,
			singlePoll: maxResultsPerPoll >= sessions,
		} satisfies SyncOptions);
		const report = JSON.parse(await run.firstLine) as SyncReport;
		const stats = await sandboxStats(served.url);
		return { served, report, stats, exact: samePrint(report.emitted, served.expected) };
	} finally {
		sandbox.process.kill('SIGTERM');
	}
}

const mb = (value: number) => `${value.toFixed(1)} MB`;

async function main(): Promise<void> {
	const failures: string[] = [];
	const check = (ok: boolean, what: string) => {
		if (!ok) failures.push(what);
		return ok ? 'ok' : 'MISSED';
	};

	const cpuHog = wantsCpuHog();
	const hog = cpuHog ? startCpuHog(1) : undefined;
	const speed = await scenario(10_000, 10, 20_000).finally(() => hog?.stop());
	const ceiling = 10 * PAGE_SIZE;
	const achievable = (speed.report.emitted.count * 10) / speed.served.minimumRequests;
	const rate = speed.report.emitted.count / speed.report.seconds;
	const share = rate / achievable;
	const overMinimum = speed.stats.requests / speed.served.minimumRequests;
	const busiest = speed.stats.busiestWindowByKey[keyLabel(speed.served.apiKey)] ?? 0;
	console.log(`Speed: 10,000 sessions, 50 tests, 10 requests/second, one poll${cpuHog ? ', a CPU hog beside it' : ''}`);
	console.log(`  exactly once:        ${check(speed.exact, 'every session exactly once')} (${speed.report.emitted.count} emitted)`);
	console.log(
		`  sessions/second:     ${rate.toFixed(1)}; nominal ceiling ${ceiling} (10 req/s × ${PAGE_SIZE}) = ${(rate / ceiling).toFixed(3)}; ` +
			`achievable ${achievable.toFixed(1)} (${speed.served.minimumRequests} requests at 10 req/s) = ${share.toFixed(3)} (target ≥ ${TARGETS.shareOfAchievable}) ${check(share >= TARGETS.shareOfAchievable, 'sessions/second')}`,
	);
	// Each second of the pacing lasts 1000 ms + the margin + the wait for the answer that opens the next one.
	const pacedSecondMs = speed.report.seconds * 1000 / (speed.stats.requests / 10);
	console.log(
		`  pacing:              a paced second lasted ${pacedSecondMs.toFixed(0)} ms on average (1000 ms + a ${PACING_MARGIN_MS} ms margin + waiting for answers): ` +
			`the margin costs ${((PACING_MARGIN_MS / pacedSecondMs) * 100).toFixed(1)} % of throughput, the answers' time ${(((pacedSecondMs - 1000 - PACING_MARGIN_MS) / pacedSecondMs) * 100).toFixed(1)} %`,
	);
	console.log(
		`  requests:            ${speed.stats.requests}, minimum ${speed.served.minimumRequests} = ${overMinimum.toFixed(3)}× (target ≤ ${TARGETS.requestsOverMinimum}) ${check(overMinimum <= TARGETS.requestsOverMinimum, 'requests')}`,
	);
	const violations = speed.stats.rateLimited + Math.max(0, busiest - 10);
	console.log(
		`  rate limit:          ${speed.stats.rateLimited} refused, busiest second for the key ${busiest} of 10 ${check(violations === 0, 'rate limit')}`,
	);
	console.log(`  peak memory:         live heap ${mb(speed.report.peakLiveHeapMb)}, rss ${mb(speed.report.peakRssMb)}`);

	const small = await scenario(10_000, 200, 1000);
	const large = await scenario(100_000, 200, 1000);
	const growth = large.report.peakLiveHeapMb / small.report.peakLiveHeapMb;
	console.log('Memory: cap of 1,000 results per poll (200 requests/second)');
	for (const [label, run] of [['10,000', small], ['100,000', large]] as const) {
		console.log(
			`  ${label.padStart(7)} sessions: ${run.report.polls} polls, ${run.stats.requests} requests (minimum ${run.served.minimumRequests}), heap used ${mb(run.report.peakLiveHeapMb)} (after a full collection), rss ${mb(run.report.peakRssMb)}, exactly once ${check(run.exact, `${label} sessions exactly once`)}`,
		);
	}
	console.log(
		`  live heap growth for 10× the sessions: ${growth.toFixed(2)}× (target ≤ ${TARGETS.flatMemory}) ${check(growth <= TARGETS.flatMemory, 'flat memory')}`,
	);

	if (failures.length > 0) {
		console.log(`Missed: ${failures.join(', ')}`);
		process.exitCode = 1;
	}
}

const [role, options] = process.argv.slice(2);
const run = role === '--serve' ? serve(JSON.parse(options)) : role === '--sync' ? sync(JSON.parse(options)) : main();
run.catch((error) => {
	console.error(error);
	process.exit(2);
});
