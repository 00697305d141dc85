/**
 * Ports on 127.0.0.1: which are free, and who holds one that is not. Every n8n process takes two ports
 * (its own and the next one, for n8n 2.x's task-runner broker).
 */
import { createServer } from 'node:net';

import { portListener } from './procfs';

export function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolveFree) => {
		const probe = createServer()
			.once('error', () => resolveFree(false))
			.listen(port, '127.0.0.1', () => probe.close(() => resolveFree(true)));
	});
}

/** The first port from `from` on that is free together with the `count - 1` ports after it. */
export async function findFreePorts(from: number, count: number): Promise<number> {
	for (let port = from; port < from + 400; port += count) {
		let free = true;
		for (let offset = 0; offset < count && free; offset++) free = await isPortFree(port + offset);
		if (free) return port;
	}
	throw new Error(`No ${count} free consecutive ports between ${from} and ${from + 400}`);
}

/** The first port from `from` on that is free on 127.0.0.1 together with the next one (an n8n process's pair). */
export function findFreePort(from = 5678): Promise<number> {
	return findFreePorts(from, 2);
}

/** A port a command needs, what for, and how the user moves it. */
export interface PortNeed {
	port: number;
	/** e.g. "the CodeSignal sandbox", "n8n's task-runner broker". */
	user: string;
	/** e.g. "--codesignal-sandbox-port or CODESIGNAL_SANDBOX_PORT". */
	howToMove: string;
}

/** One line per needed port that is taken, naming the process that holds it; empty when all are free. */
export async function takenPorts(needs: PortNeed[]): Promise<string[]> {
	const lines: string[] = [];
	for (const need of needs) {
		if (await isPortFree(need.port)) continue;
		const holder = portListener(need.port) ?? 'a socket that is not listening (try again in a minute)';
		lines.push(`Port ${need.port} (${need.user}) is in use by ${holder}: free it or move it with ${need.howToMove}`);
	}
	return lines;
}
