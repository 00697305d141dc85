/**
 * `--cpu-hog` for the rate benches: a child process that keeps one core busy while the bench runs, so that the
 * client's event loop and timers run late as on a loaded machine. The busiest second must stay within the limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export const wantsCpuHog = (argv: string[] = process.argv.slice(2)) => argv.includes('--cpu-hog');

export interface CpuHog {
	stop(): void;
}

export function startCpuHog(): CpuHog {
	const hog: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random());'], { stdio: 'ignore' });
	const stopOnExit = () => hog.kill('SIGKILL');
	process.once('exit', stopOnExit);
	return {
		stop: () => {
			process.off('exit', stopOnExit);
			hog.kill('SIGKILL');
		},
	};
}
