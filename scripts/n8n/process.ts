/**
 * Processes of a real n8n: the environment every n8n command gets, one-shot CLI commands, and the watchdog
 * that ends a server (its whole process group) when the process that started it ends.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { delimiter, dirname, resolve } from 'node:path';

import type { OutputSink } from './progress';
import type { N8nRuntime } from './runtime';

/** A runtime and the folder that holds one n8n's data (`<userFolder>/.n8n`): enough to run its CLI. */
export interface N8nSetup {
	runtime: N8nRuntime;
	userFolder: string;
	/**
	 * Environment shared by the CLI and the server, winning over every default (e.g. PostgreSQL, Redis and one
	 * encryption key for all the processes of a queue-mode deployment).
	 */
	env?: Record<string, string>;
}

/** Fixed per user folder, so the server and every CLI command agree without storing the key anywhere. */
export function encryptionKeyFor(userFolder: string): string {
	return createHash('sha256').update(`n8n-nodes-codesignal:${resolve(userFolder)}`).digest('hex').slice(0, 32);
}

/**
 * The parent's environment without what its own runner set: npm_* (under `npm run`) must not steer npm,
 * and n8n started with jest's NODE_ENV=test exits at once without a word.
 */
export function inheritedEnv(): NodeJS.ProcessEnv {
	const fromRunner = /^(npm_|JEST_|NODE_ENV$)/i;
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !fromRunner.test(key)));
}

export function n8nEnv(setup: N8nSetup, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = inheritedEnv();
	return {
		...env,
		PATH: [dirname(setup.runtime.nodeBin), env.PATH].join(delimiter),
		N8N_USER_FOLDER: resolve(setup.userFolder),
		N8N_ENCRYPTION_KEY: encryptionKeyFor(setup.userFolder),
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// The late 1.123 patches default to an expression engine on isolated-vm, which needs Node >= 22.
		...(setup.runtime.major === 1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...extra,
		...setup.env,
	};
}

/** Runs `n8n <args>` to completion and returns its output. */
export function runN8nCli(setup: N8nSetup, args: string[]): Promise<string> {
	return runCommand(setup.runtime.nodeBin, [setup.runtime.n8nBin, ...args], {
		cwd: setup.userFolder,
		env: n8nEnv(setup),
		label: `n8n ${args[0]}`,
	});
}

export interface RunCommandOptions {
	cwd: string;
	/** The parent's environment without its runner's variables by default (see inheritedEnv). */
	env?: NodeJS.ProcessEnv;
	/** Names the command in its error. */
	label: string;
	/** Receives stdout and stderr as they come (a log file, say); they are returned either way. */
	output?: OutputSink;
}

const ERROR_TAIL_CHARS = 4000;

/** Runs a command to completion; returns stdout and stderr together, rejects with their tail when it fails. */
export function runCommand(command: string, args: string[], options: RunCommandOptions): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? inheritedEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			options.output?.(chunk.toString());
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('error', (error) => reject(new Error(`${options.label} could not run ${command}: ${error.message}`)));
		child.on('close', (code, signal) => {
			if (code === 0) resolvePromise(output);
			else {
				const ending = signal ? `killed by ${signal}` : `exit ${code}`;
				reject(new Error(`${options.label} failed (${ending}):\n${output.trimEnd().slice(-ERROR_TAIL_CHARS)}`));
			}
		});
	});
}

/** n8n runs in its own process group (with its task runners): signal the whole group. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

/**
 * Runs in a process of its own and ends the group when its stdin, a pipe from the parent, closes: that is,
 * when the parent ends for any reason (Ctrl-C, SIGTERM, a crash, even SIGKILL). It leaves once the group is gone.
 */
const WATCHDOG_SOURCE = `
const [group, graceMs] = process.argv.slice(1).map(Number);
const signal = (name) => { try { process.kill(-group, name); return true; } catch { return false; } };
setInterval(() => signal(0) || process.exit(0), 1000);
process.stdin.on('data', () => {});
process.stdin.on('close', () => {
	signal('SIGTERM');
	setTimeout(() => { signal('SIGKILL'); process.exit(0); }, graceMs).unref();
});
`;

/** Starts the watchdog for a process group; the returned function dismisses it (the group is left alone). */
export function watchProcessGroup(pid: number, graceMs: number): () => void {
	const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, String(pid), String(graceMs)], {
		detached: true,
		stdio: ['pipe', 'ignore', 'ignore'],
	});
	watchdog.unref();
	(watchdog.stdin as Socket).unref();
	return () => watchdog.kill('SIGKILL');
}
