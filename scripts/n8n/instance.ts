/**
 * Starts a real n8n server (from a runtime installed by ./runtime) on 127.0.0.1, optionally with a community
 * package installed the way users get it, and hands back a handle to stop or restart it.
 *
 * The server also listens on `port + 1` (n8n 2.x's task-runner broker), so give parallel instances ports
 * at least two apart.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { installCommunityPackage } from './community-package';
import { N8nSetup, n8nEnv, signalGroup, watchProcessGroup } from './process';
import type { N8nRuntime } from './runtime';

export type { N8nSetup } from './process';
export { installCommunityPackage } from './community-package';
export { importCredentials, importWorkflows, publishWorkflow } from './cli';
export { HARNESS_OWNER, ownerSession } from './api';
export type { N8nCredentialFile, N8nWorkflowFile } from './cli';
export type { InstalledPackage } from './community-package';
export type { N8nApiClient, N8nExecutionSummary, OwnerAccount, OwnerSession } from './api';

export interface StartN8nOptions {
	runtime: N8nRuntime;
	/** N8N_USER_FOLDER: n8n keeps its database, settings and community packages under `<userFolder>/.n8n`. */
	userFolder: string;
	port?: number;
	/** A packed community package (`npm pack` output) to install into `<userFolder>/.n8n/nodes` first. */
	packageTarball?: string;
	/** Extra environment for the server (wins over the defaults). */
	env?: Record<string, string>;
	/** Where the server's output is appended; `<userFolder>/n8n.log` by default. */
	logFile?: string;
	/** How long a (re)start may take before it counts as failed. */
	startTimeoutMs?: number;
}

export interface N8nInstance extends N8nSetup {
	baseUrl: string;
	port: number;
	logFile: string;
	/** Process id of the running server (also its process group id); undefined while stopped. */
	readonly pid: number | undefined;
	readonly running: boolean;
	stop(): Promise<void>;
	restart(): Promise<void>;
	/** Everything the server printed since this handle was created. */
	logs(): string;
}

const READY_LOG_LINE = 'Editor is now accessible via';
const DEFAULT_START_TIMEOUT_MS = 180_000;
/** n8n's own shutdown gets N8N_GRACEFUL_SHUTDOWN_TIMEOUT (10 s); after this it is killed. */
const STOP_GRACE_MS = 15_000;
const POLL_MS = 250;

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const port = options.port ?? 5678;
	const userFolder = resolve(options.userFolder);
	mkdirSync(userFolder, { recursive: true });
	const setup: N8nSetup = { runtime: options.runtime, userFolder };
	if (options.packageTarball) await installCommunityPackage(setup, options.packageTarball);

	const server = new N8nServer(setup, port, options);
	await server.start();
	return server;
}

/**
 * n8n writes straight into the log file rather than into a pipe: an n8n whose parent died would otherwise
 * spin at full CPU on a broken pipe. A watchdog (see process.ts) ends n8n when its parent ends.
 */
class N8nServer implements N8nInstance {
	readonly baseUrl: string;
	readonly logFile: string;
	private child?: ChildProcess;
	private exited?: Promise<void>;
	private dismissWatchdog?: () => void;
	/** Byte offset of the log where this handle's output begins. */
	private readonly logStart: number;

	constructor(
		private readonly setup: N8nSetup,
		readonly port: number,
		private readonly options: StartN8nOptions,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = resolve(options.logFile ?? join(setup.userFolder, 'n8n.log'));
		this.logStart = logSize(this.logFile);
	}

	get runtime(): N8nRuntime {
		return this.setup.runtime;
	}

	get userFolder(): string {
		return this.setup.userFolder;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	get running(): boolean {
		return this.child !== undefined;
	}

	logs(): string {
		return this.logSince(this.logStart);
	}

	async start(): Promise<void> {
		if (this.child) throw new Error(`n8n is already running (pid ${this.child.pid})`);
		const runStart = logSize(this.logFile);
		const logFd = openSync(this.logFile, 'a');
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: n8nEnv(this.setup, { ...this.serverEnv(), ...this.options.env }),
			detached: true,
			stdio: ['ignore', logFd, logFd],
		});
		closeSync(logFd);
		if (child.pid === undefined) throw new Error(`Could not start ${this.runtime.nodeBin}`);
		this.child = child;
		this.dismissWatchdog = watchProcessGroup(child.pid, STOP_GRACE_MS);
		this.exited = new Promise((resolveExit) =>
			child.once('exit', () => {
				if (this.child === child) this.child = undefined;
				resolveExit();
			}),
		);
		try {
			await this.waitUntilReady(runStart);
		} catch (error) {
			await this.stop();
			throw error;
		}
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (!child?.pid) return;
		signalGroup(child.pid, 'SIGTERM');
		const timedOut = await Promise.race([this.exited!.then(() => false), sleep(STOP_GRACE_MS, true, { ref: false })]);
		// Task runners and anything else n8n left behind in its group go too.
		signalGroup(child.pid, 'SIGKILL');
		if (timedOut) await this.exited;
		this.dismissWatchdog?.();
	}

	async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}

	private serverEnv(): Record<string, string> {
		return {
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1),
			// 2.x renamed WEBHOOK_URL (and warns about the old name).
			[this.runtime.major >= 2 ? 'N8N_WEBHOOK_URL' : 'WEBHOOK_URL']: `${this.baseUrl}/`,
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		};
	}

	private logSince(offset: number): string {
		return readFileSync(this.logFile).subarray(offset).toString();
	}

	/**
	 * n8n answers /healthz before it has activated its workflows; the line it prints last says it has
	 * finished starting (2.x then publishes workflows in the background: see OwnerSession.waitUntilActive).
	 */
	private async waitUntilReady(runStart: number): Promise<void> {
		const timeoutMs = this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.child) throw new Error(`n8n exited while starting:\n${this.logSince(runStart).slice(-4000)}`);
			if (this.logSince(runStart).includes(READY_LOG_LINE) && (await this.isHealthy())) return;
			await sleep(POLL_MS);
		}
		throw new Error(`n8n did not start within ${timeoutMs / 1000}s:\n${this.logSince(runStart).slice(-4000)}`);
	}

	private async isHealthy(): Promise<boolean> {
		try {
			const response = await fetch(`${this.baseUrl}/healthz/readiness`);
			return response.ok;
		} catch {
			return false;
		}
	}
}

function logSize(path: string): number {
	return existsSync(path) ? statSync(path).size : 0;
}

/** The first port from `from` on that is free on 127.0.0.1 together with the next one (see the note above). */
export async function findFreePort(from = 5678): Promise<number> {
	for (let port = from; port < from + 400; port += 2) {
		if ((await isFree(port)) && (await isFree(port + 1))) return port;
	}
	throw new Error(`No free pair of ports between ${from} and ${from + 400}`);
}

function isFree(port: number): Promise<boolean> {
	return new Promise((resolveFree) => {
		const probe = createServer()
			.once('error', () => resolveFree(false))
			.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
	});
}
