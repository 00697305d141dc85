/**
 * A sandbox server (sandbox/<name>/cli.ts) run as a child process: it prints one JSON line with its URLs
 * and credentials when it listens. A watchdog ends it when this process ends, however that happens.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { inheritedEnv, signalGroup, watchProcessGroup } from '../n8n/process';
import { REPO_ROOT } from '../n8n/package-tarball';

export interface SandboxProcess<Ready> {
	ready: Ready;
	pid: number;
	stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export async function startSandboxProcess<Ready>(name: string, args: string[]): Promise<SandboxProcess<Ready>> {
	const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [join(REPO_ROOT, 'sandbox', name, 'cli.ts'), ...args], {
		cwd: REPO_ROOT,
		env: inheritedEnv(),
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	if (child.pid === undefined) throw new Error(`Could not start the ${name} sandbox`);
	const pid = child.pid;
	const dismissWatchdog = watchProcessGroup(pid, STOP_GRACE_MS);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let errorOutput = '';
	child.stderr.on('data', (chunk: Buffer) => (errorOutput = (errorOutput + chunk.toString()).slice(-4000)));

	const ready = await new Promise<Ready>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`The ${name} sandbox did not start within a minute`)),
			START_TIMEOUT_MS,
		);
		createInterface({ input: child.stdout }).once('line', (line) => {
			clearTimeout(timer);
			resolve(JSON.parse(line) as Ready);
		});
		void exited.then(() => {
			clearTimeout(timer);
			reject(new Error(`The ${name} sandbox exited while starting:\n${errorOutput}`));
		});
	});

	return {
		ready,
		pid,
		async stop() {
			signalGroup(pid, 'SIGTERM');
			const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
			await exited;
			clearTimeout(timer);
			dismissWatchdog();
		},
	};
}
