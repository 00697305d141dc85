/**
 * Starts a real n8n process (from a runtime installed by ./runtime) on 127.0.0.1, optionally with a community
 * package installed the way users get it, and hands back a handle to stop or restart it: the main server
 * (`n8n start`), or in queue mode a worker (`n8n worker`) or a webhook process (`n8n webhook`).
 *
 * Every process also takes `port + 1` (n8n 2.x's task-runner broker), so give parallel processes ports
 * at least two apart. A worker serves no API: its `port` is its health-check server.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { installCommunityPackage, InstalledPackage } from './community-package';
import { N8nSetup, n8nEnv, signalGroup, watchProcessGroup } from './process';
import type { N8nRuntime } from './runtime';

export type { N8nSetup } from './process';
export { findFreePort } from './ports';
export { installCommunityPackage } from './community-package';
export { importCredentials, importWorkflows, publishWorkflow } from './cli';
export { HARNESS_OWNER, ownerSession } from './api';
export type { N8nCredentialFile, N8nWorkflowFile } from './cli';
export type { InstalledPackage } from './community-package';
export type { N8nApiClient, N8nExecutionData, N8nExecutionSummary, OwnerAccount, OwnerSession } from './api';

/** The n8n command a process runs: the main server, or in queue mode a worker or a webhook process. */
export type N8nRole = 'start' | 'worker' | 'webhook';

export interface StartN8nOptions extends Partial<Pick<N8nSetup, 'env'>> {
	runtime: N8nRuntime;
	/** N8N_USER_FOLDER: n8n keeps its database, settings and community packages under `<userFolder>/.n8n`. */
	userFolder: string;
	/** `start` by default. */
	role?: N8nRole;
	port?: number;
	/** A packed community package (`npm pack` output) to install into `<userFolder>/.n8n/nodes` first. */
	packageTarball?: string;
	/** Where the server's output is appended; `<userFolder>/n8n.log` by default. */
	logFile?: string;
	/** How long a (re)start may take before it counts as failed. */
	startTimeoutMs?: number;
	/**
	 * N8N_GRACEFUL_SHUTDOWN_TIMEOUT: how long n8n may take to finish running executions when stopped (10 s by
	 * default); two seconds later it is killed.
	 */
	shutdownTimeoutSeconds?: number;
}

export interface N8nInstance extends N8nSetup {
	role: N8nRole;
	baseUrl: string;
	port: number;
	logFile: string;
	/** The community package installed from `packageTarball`, if one was. */
	readonly installedPackage?: InstalledPackage;
	/** Process id of the running server (also its process group id); undefined while stopped. */
	readonly pid: number | undefined;
	readonly running: boolean;
	/** Starts the server again after stop() or kill(), on the same user folder, port and log file. */
	start(): Promise<void>;
	stop(): Promise<void>;
	/**
	 * Ends n8n at once, as a crash or the kernel's OOM killer would: SIGKILL to its whole process group (the
	 * task runner included), no graceful shutdown. Resolves once no process of the group is left.
	 */
	kill(): Promise<void>;
	restart(): Promise<void>;
	/** Everything the server printed since this handle was created. */
	logs(): string;
}

/** What each role prints last when it has finished starting. */
const READY_LOG_LINES: Record<N8nRole, string> = {
	start: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests',
};
const DEFAULT_START_TIMEOUT_MS = 180_000;
const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 10;
/** After n8n's own shutdown timeout, how long it gets before it is killed. */
const KILL_AFTER_SHUTDOWN_MS = 2_000;
const POLL_MS = 250;
/** How long the members of a killed process group may take to be gone. */
const GROUP_GONE_TIMEOUT_MS = 10_000;

export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const port = options.port ?? 5678;
	const userFolder = resolve(options.userFolder);
	mkdirSync(userFolder, { recursive: true });
	const setup: N8nSetup = { runtime: options.runtime, userFolder, env: options.env };
	const installed = options.packageTarball ? await installCommunityPackage(setup, options.packageTarball) : undefined;

	const server = new N8nServer(setup, port, options, installed);
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

	readonly role: N8nRole;
	private readonly shutdownTimeoutSeconds: number;

	constructor(
		private readonly setup: N8nSetup,
		readonly port: number,
		private readonly options: StartN8nOptions,
		readonly installedPackage?: InstalledPackage,
	) {
		this.role = options.role ?? 'start';
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = resolve(options.logFile ?? join(setup.userFolder, 'n8n.log'));
		this.logStart = logSize(this.logFile);
		this.shutdownTimeoutSeconds = options.shutdownTimeoutSeconds ?? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS;
	}

	get runtime(): N8nRuntime {
		return this.setup.runtime;
	}

	get userFolder(): string {
		return this.setup.userFolder;
	}

	get env(): Record<string, string> | undefined {
		return this.setup.env;
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
		if (this.child) throw new Error(`n8n ${this.role} is already running (pid ${this.child.pid})`);
		const runStart = logSize(this.logFile);
		const logFd = openSync(this.logFile, 'a');
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, this.role], {
			cwd: this.userFolder,
			env: n8nEnv(this.setup, this.serverEnv()),
			detached: true,
			stdio: ['ignore', logFd, logFd],
		});
		closeSync(logFd);
		if (child.pid === undefined) throw new Error(`Could not start ${this.runtime.nodeBin}`);
		this.child = child;
		this.dismissWatchdog = watchProcessGroup(child.pid, this.stopGraceMs());
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
		const timedOut = await Promise.race([
			this.exited!.then(() => false),
			sleep(this.stopGraceMs(), true, { ref: false }),
		]);
		// Task runners and anything else n8n left behind in its group go too.
		signalGroup(child.pid, 'SIGKILL');
		if (timedOut) await this.exited;
		this.dismissWatchdog?.();
	}

	async kill(): Promise<void> {
		const child = this.child;
		if (!child?.pid) return;
		signalGroup(child.pid, 'SIGKILL');
		await this.exited;
		// The task runner is reaped by init a moment after its parent died: wait until the group is empty.
		const deadline = Date.now() + GROUP_GONE_TIMEOUT_MS;
		while (isGroupAlive(child.pid) && Date.now() < deadline) await sleep(POLL_MS);
		this.dismissWatchdog?.();
	}

	async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}

	private stopGraceMs(): number {
		return this.shutdownTimeoutSeconds * 1000 + KILL_AFTER_SHUTDOWN_MS;
	}

	/** Defaults that the setup's env overrides (e.g. a public webhook URL in front of several processes). */
	private serverEnv(): Record<string, string> {
		const listen: Record<string, string> =
			this.role === 'worker'
				? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port) }
				: { N8N_PORT: String(this.port) };
		return {
			...listen,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1),
			[webhookUrlVariable(this.runtime)]: `${this.baseUrl}/`,
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: String(this.shutdownTimeoutSeconds),
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
			if (!this.child) throw new Error(`n8n ${this.role} exited while starting:\n${this.logSince(runStart).slice(-4000)}`);
			if (this.logSince(runStart).includes(READY_LOG_LINES[this.role]) && (await this.isHealthy())) return;
			await sleep(POLL_MS);
		}
		throw new Error(`n8n ${this.role} did not start within ${timeoutMs / 1000}s:\n${this.logSince(runStart).slice(-4000)}`);
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

function isGroupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

function logSize(path: string): number {
	return existsSync(path) ? statSync(path).size : 0;
}

/** n8n 2.x renamed WEBHOOK_URL (and warns about the old name). */
export function webhookUrlVariable(runtime: N8nRuntime): string {
	return runtime.major >= 2 ? 'N8N_WEBHOOK_URL' : 'WEBHOOK_URL';
}
