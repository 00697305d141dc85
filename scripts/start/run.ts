/**
 * One run of `npm start` and everything it started: stopped together however the run ends (Ctrl-C; SIGINT,
 * SIGTERM or SIGHUP to npm or to this process; npm ending), and recorded in the data folder while it runs,
 * so that the next start finds what a run that could not stop (a SIGKILL, a crash) left behind: it stops
 * those processes and gives back their PostgreSQL database and Redis db index, and says so.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { describeProcess, descendantPids, isAlive, processStartTicks } from '../n8n/procfs';
import { signalGroup } from '../n8n/process';
import type { QueueServices } from '../n8n/queue-services';
import { queueServicesFromEnv, releaseQueueServices } from '../n8n/queue-services';
import { ensureN8nRuntime } from '../n8n/runtime';

const RECORD_FILE = 'start-run.json';
/** How long what is left after the run's own stops gets between SIGTERM and SIGKILL: builds, installs. */
const STRAGGLER_GRACE_MS = 2_000;
/** How long the leftovers of an earlier run get: an n8n may be finishing executions. */
const LEFTOVER_GRACE_MS = 10_000;
const PARENT_CHECK_MS = 500;

interface RecordedProcess {
	label: string;
	/** Also its process group id: everything here runs in a group of its own. */
	pid: number;
	/** With the pid, names the process for good (see processStartTicks). */
	startTicks: number;
	ports: number[];
}

interface RunRecord {
	pid: number;
	startTicks: number;
	startedAt: string;
	processes: RecordedProcess[];
	queueServices?: Pick<QueueServices, 'database' | 'databaseCreated' | 'redisDb' | 'redisClaim'> & {
		n8nVersion: string;
	};
}

export class AlreadyRunningError extends Error {}

export class StartRun {
	private readonly stoppers: Array<() => Promise<unknown>> = [];
	private stopping?: Promise<void>;

	private constructor(
		private readonly recordPath: string,
		private readonly record: RunRecord,
	) {
		this.save();
	}

	/**
	 * Takes the data folder for this run. Throws AlreadyRunningError when a live `npm start` has it; stops
	 * what a dead one left and returns one line saying so (or none).
	 */
	static async begin(dataFolder: string): Promise<{ run: StartRun; leftovers?: string }> {
		const recordPath = join(dataFolder, RECORD_FILE);
		const previous = readRecord(recordPath);
		let leftovers: string | undefined;
		if (previous && isSameProcess(previous.pid, previous.startTicks)) {
			throw new AlreadyRunningError(
				`npm start is already running with ${dataFolder} (pid ${previous.pid}, since ${previous.startedAt}): stop it first (Ctrl-C in its terminal, or kill ${previous.pid}), or give this one another --data-folder`,
			);
		}
		if (previous) leftovers = await cleanUpAfter(previous);
		const run = new StartRun(recordPath, {
			pid: process.pid,
			startTicks: processStartTicks(process.pid) ?? 0,
			startedAt: new Date().toISOString(),
			processes: [],
		});
		return { run, leftovers };
	}

	/** A process group this run started, for the next run to find if this one cannot stop it. */
	recordProcess(label: string, pid: number | undefined, ports: number[]): void {
		const startTicks = pid === undefined ? undefined : processStartTicks(pid);
		if (pid === undefined || startTicks === undefined) return;
		this.record.processes.push({ label, pid, startTicks, ports });
		this.save();
	}

	recordQueueServices(services: QueueServices, n8nVersion: string): void {
		const { database, databaseCreated, redisDb, redisClaim } = services;
		this.record.queueServices = { database, databaseCreated, redisDb, redisClaim, n8nVersion };
		this.save();
	}

	/** Called when the run stops, all of them at once. */
	onStop(stop: () => Promise<unknown>): void {
		this.stoppers.push(stop);
	}

	get isStopping(): boolean {
		return this.stopping !== undefined;
	}

	/** Stops what was registered, then whatever this process still has below it (builds, installs). */
	stop(): Promise<void> {
		this.stopping ??= (async () => {
			await Promise.allSettled(this.stoppers.map((stop) => stop()));
			await endProcesses(descendantPids(process.pid), STRAGGLER_GRACE_MS);
			rmSync(this.recordPath, { force: true });
		})();
		return this.stopping;
	}

	/**
	 * Stops the run on SIGINT, SIGTERM, SIGHUP, or when the parent (npm) goes away, whatever it was doing,
	 * then ends this process.
	 */
	stopOnSignals(say: (line: string) => void): void {
		const stopAndExit = (reason: string) => {
			if (this.isStopping) return;
			say(`\nStopping everything npm start started (${reason})…`);
			void this.stop().then(() => process.exit(0));
		};
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAndExit(signal));
		const parent = process.ppid;
		setInterval(() => {
			if (process.ppid !== parent) stopAndExit(`its parent process ${parent} ended`);
		}, PARENT_CHECK_MS).unref();
	}

	private save(): void {
		writeFileSync(this.recordPath, JSON.stringify(this.record, null, 2));
	}
}

function readRecord(path: string): RunRecord | undefined {
	if (!existsSync(path)) return undefined;
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
	} catch {
		return undefined;
	}
}

function isSameProcess(pid: number, startTicks: number): boolean {
	return isAlive(pid) && processStartTicks(pid) === startTicks;
}

/** Stops the recorded processes that still run, gives back the queue services; describes what it did. */
async function cleanUpAfter(previous: RunRecord): Promise<string | undefined> {
	const alive = previous.processes.filter((entry) => isSameProcess(entry.pid, entry.startTicks));
	const found = alive.map((entry) => `${entry.label} (${describeProcess(entry.pid)}, ports ${entry.ports.join(', ')})`);
	await endProcesses(alive.map((entry) => entry.pid), LEFTOVER_GRACE_MS);
	const services = previous.queueServices;
	if (services) {
		const runtime = await ensureN8nRuntime({ version: services.n8nVersion });
		await releaseQueueServices(runtime, queueServicesFromEnv(process.env), services);
		const database = services.databaseCreated ? `its PostgreSQL database ${services.database}` : undefined;
		found.push([database, `its Redis db ${services.redisDb}`].filter(Boolean).join(' and '));
	}
	if (found.length === 0) return undefined;
	return `An earlier npm start (pid ${previous.pid}, started ${previous.startedAt}) did not stop cleanly; stopped or gave back what it left: ${found.join('; ')}`;
}

/**
 * SIGTERM, then SIGKILL for what is still there after the grace period (whole groups where they lead one);
 * resolves once they are gone, their ports with them.
 */
async function endProcesses(pids: number[], graceMs: number): Promise<void> {
	const send = (pid: number, signal: NodeJS.Signals) => {
		if (signalGroup(pid, signal)) return;
		try {
			process.kill(pid, signal);
		} catch {
			// Gone already.
		}
	};
	const gone = async (withinMs: number) => {
		const deadline = Date.now() + withinMs;
		while (pids.some(isAlive) && Date.now() < deadline) await sleep(100);
	};
	for (const pid of pids) send(pid, 'SIGTERM');
	await gone(graceMs);
	for (const pid of pids.filter(isAlive)) send(pid, 'SIGKILL');
	await gone(graceMs);
}
