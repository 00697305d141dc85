/**
 * A busy machine for a bench (`--cpu-hog`) or a torture run: child processes spinning at normal priority, so that
 * the client's event loop and timers (or n8n) run late as on a loaded machine. Each child leaves by itself when
 * the process that started it is gone (its parent changes), so a killed run leaves no spinning process behind.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

export const wantsCpuHog = (argv: string[] = process.argv.slice(2)) => argv.includes('--cpu-hog');

export interface CpuHog {
	/** How many processes spin. */
	processes: number;
	stop(): Promise<void>;
}

/** Spins; every ~10 ms of work it checks that its parent is still the one that started it. */
const SPIN = `const parent = process.ppid; for (;;) { const until = Date.now() + 10; while (Date.now() < until); if (process.ppid !== parent) process.exit(0); }`;

/** `processes` spinning children: one per core by default. */
export function startCpuHog(processes = availableParallelism()): CpuHog {
	const children: ChildProcess[] = Array.from({ length: processes }, () =>
		spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }),
	);
	return {
		processes,
		stop: async () => {
			await Promise.all(
				children.map(
					(child) =>
						new Promise<void>((resolve) => {
							if (child.exitCode !== null || child.signalCode !== null) return resolve();
							child.once('exit', () => resolve());
							child.kill('SIGKILL');
						}),
				),
			);
		},
	};
}
