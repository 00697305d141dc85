/**
 * `npm start` as a user runs it (issue 18): every port it needs is checked before any build work, a taken
 * one named in one line with the process that holds it; SIGTERM to the npm process stops everything it
 * started, ports free within 10 s; and a start after a run that was killed outright finds and stops what that
 * run left, instead of failing on a busy port. The output stays quiet: one line per phase.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { findFreePort, findFreePorts, isPortFree } from '../../scripts/n8n/ports';
import { commandLine, descendantPids, isAlive, portListener } from '../../scripts/n8n/procfs';
import { NpmStart, npmStart } from './support/npmStart';

const READY = 'Press Ctrl-C to stop everything.';
const START_TIMEOUT_MS = 8 * 60_000;
/** What issue 18 allows for everything to be down after a signal. */
const STOP_DEADLINE_MS = 10_000;
/** A run on a cached runtime; a first run in a fresh cache adds the install phases. */
const MOST_OUTPUT_LINES = 40;

interface Ports {
	n8n: number;
	codeSignal: number;
	endorsed: number;
}

async function freePorts(from: number): Promise<Ports> {
	const n8n = await findFreePort(from);
	const codeSignal = await findFreePorts(n8n + 2, 1);
	const endorsed = await findFreePorts(codeSignal + 1, 1);
	return { n8n, codeSignal, endorsed };
}

function startArgs(ports: Ports, dataFolder: string): string[] {
	return [
		'--port',
		String(ports.n8n),
		'--codesignal-sandbox-port',
		String(ports.codeSignal),
		'--endorsed-sandbox-port',
		String(ports.endorsed),
		'--data-folder',
		dataFolder,
	];
}

const allPorts = (ports: Ports) => [ports.n8n, ports.n8n + 1, ports.codeSignal, ports.endorsed];

async function portsFreeWithin(ports: number[], deadlineMs: number): Promise<number[]> {
	const deadline = Date.now() + deadlineMs;
	for (;;) {
		const taken = [];
		for (const port of ports) if (!(await isPortFree(port))) taken.push(port);
		if (taken.length === 0 || Date.now() > deadline) return taken;
		await sleep(100);
	}
}

function listen(port: number): Promise<Server> {
	return new Promise((resolve, reject) => {
		const server = createServer().once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

describe('npm start', () => {
	let dataFolder: string;
	const running: NpmStart[] = [];

	beforeEach(() => {
		dataFolder = mkdtempSync(join(tmpdir(), 'n8n-codesignal-start-'));
	});

	afterEach(async () => {
		// A failed test must not leave a run behind.
		for (const start of running.splice(0)) {
			start.child.kill('SIGTERM');
			await start.exited;
		}
		rmSync(dataFolder, { recursive: true, force: true });
	});

	describe('with a port taken', () => {
		let holder: Server;

		afterEach(async () => {
			await new Promise((resolve) => holder.close(resolve));
		});

		it('says in one line which process holds the sandbox port, before any build work', async () => {
			const ports = await freePorts(5900);
			holder = await listen(ports.codeSignal);

			const start = npmStart(startArgs(ports, dataFolder));
			const code = await start.exited;

			expect(code).toBe(1);
			expect(start.stderr().trim().split('\n')).toEqual([
				`Port ${ports.codeSignal} (the CodeSignal sandbox) is in use by ${portListener(ports.codeSignal)}: free it or move it with --codesignal-sandbox-port or CODESIGNAL_SANDBOX_PORT`,
			]);
			expect(portListener(ports.codeSignal)).toMatch(new RegExp(`\\(pid ${process.pid}\\)$`));
			expect(start.stdout()).not.toContain('▸');
			expect(existsSync(join(dataFolder, 'start.log'))).toBe(false);
		});

		it("names n8n's task-runner broker when the port after n8n's is taken", async () => {
			const ports = await freePorts(5900);
			holder = await listen(ports.n8n + 1);

			const start = npmStart(startArgs(ports, dataFolder));

			expect(await start.exited).toBe(1);
			expect(start.stderr().trim().split('\n')).toEqual([
				expect.stringMatching(
					new RegExp(`^Port ${ports.n8n + 1} \\(n8n's task-runner broker, always n8n's port \\+ 1\\) is in use by .*\\(pid ${process.pid}\\): free it or move it with --port or N8N_PORT$`),
				),
			]);
		});
	});

	it('stops everything it started within 10 s of a SIGTERM to the npm process', async () => {
		const ports = await freePorts(5910);
		const start = npmStart(startArgs(ports, dataFolder));
		running.push(start);
		await start.waitForOutput(READY, START_TIMEOUT_MS);
		const started = start.ownProcesses();

		process.kill(start.pid, 'SIGTERM');
		const stillTaken = await portsFreeWithin(allPorts(ports), STOP_DEADLINE_MS);
		await start.exited;

		expect(start.stdout().trim().split('\n').length).toBeLessThan(MOST_OUTPUT_LINES);
		expect(started.length).toBeGreaterThan(4);
		expect(stillTaken).toEqual([]);
		expect(start.ownProcesses()).toEqual([]);
	});

	it('finds and stops what a killed run left, then starts on the same ports', async () => {
		const ports = await freePorts(5920);
		const crashed = npmStart(startArgs(ports, dataFolder));
		running.push(crashed);
		await crashed.waitForOutput(READY, START_TIMEOUT_MS);
		// Killed outright with the watchdogs that would have ended n8n and the sandboxes: those keep their ports.
		const cli = descendantPids(crashed.pid).find((pid) => commandLine(pid).includes('scripts/start/cli.ts'));
		if (cli === undefined) throw new Error('npm start runs no scripts/start/cli.ts');
		const watchdogs = descendantPids(cli).filter((pid) => commandLine(pid)[1] === '-e');
		for (const pid of [crashed.pid, cli, ...watchdogs]) process.kill(pid, 'SIGKILL');
		await crashed.exited;
		const left = crashed.ownProcesses();
		expect(left.length).toBeGreaterThan(0);
		expect(await isPortFree(ports.n8n)).toBe(false);

		const restarted = npmStart(startArgs(ports, dataFolder));
		running.push(restarted);
		await restarted.waitForOutput(READY, START_TIMEOUT_MS);
		process.kill(restarted.pid, 'SIGTERM');
		await restarted.exited;

		const report = restarted.stdout().split('\n').find((line) => line.startsWith('An earlier npm start'));
		expect(report).toMatch(new RegExp(`^An earlier npm start \\(pid ${cli}, started .*\\) did not stop cleanly; stopped or gave back what it left: `));
		expect(report).toContain(`n8n (node n8n start (pid`);
		expect(report).toContain(`ports ${ports.n8n}, ${ports.n8n + 1})`);
		expect(report).toContain(`the CodeSignal sandbox (`);
		expect(left.filter(isAlive)).toEqual([]);
		expect(restarted.ownProcesses()).toEqual([]);
	});
});
