/**
 * `npm start` run as a user runs it, from the repository, with a marker in its environment that every
 * process it starts inherits: the marker tells which processes are its own, wherever they end up.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

import { REPO_ROOT } from '../../../scripts/n8n/package-tarball';
import { inheritedEnv } from '../../../scripts/n8n/process';
import { isAlive } from '../../../scripts/n8n/procfs';

const MARKER_VARIABLE = 'N8N_NODES_CODESIGNAL_E2E_MARKER';

export interface NpmStart {
	child: ChildProcess;
	pid: number;
	/** stdout and stderr so far. */
	stdout(): string;
	stderr(): string;
	/** Resolves with the exit code once npm has exited. */
	exited: Promise<number | null>;
	/** Resolves once stdout holds `text`; rejects if npm exits first or the time runs out. */
	waitForOutput(text: string, timeoutMs: number): Promise<void>;
	/** Processes still running with this start's marker in their environment. */
	ownProcesses(): number[];
}

export function npmStart(args: string[]): NpmStart {
	const marker = randomUUID();
	const child = spawn('npm', ['start', '--', ...args], {
		cwd: REPO_ROOT,
		env: { ...inheritedEnv(), [MARKER_VARIABLE]: marker },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	let hasExited = false;
	void exited.then(() => (hasExited = true));

	return {
		child,
		pid: child.pid ?? 0,
		stdout: () => stdout,
		stderr: () => stderr,
		exited,
		async waitForOutput(text, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			while (!stdout.includes(text)) {
				if (hasExited || Date.now() > deadline) {
					throw new Error(`npm start never printed "${text}":\n${stdout}\n${stderr}`);
				}
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		},
		ownProcesses: () => processesWithEnv(`${MARKER_VARIABLE}=${marker}`),
	};
}

function processesWithEnv(entry: string): number[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number)
		.filter((pid) => {
			try {
				return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry) && isAlive(pid);
			} catch {
				return false;
			}
		});
}
