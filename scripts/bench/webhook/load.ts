/**
 * Sends a block of POSTs to one URL with a fixed number of concurrent senders over kept-alive connections,
 * timing each request from its start to the end of its answer and the server's CPU over the block, and
 * summarises blocks.
 */
import { Agent, request } from 'node:http';

import type { Delivery } from './deliveries';

export interface BlockResult {
	latenciesMs: number[];
	/** Answers other than 200, and requests that got no answer, by status (0 for none). */
	errors: Map<number, number>;
	elapsedMs: number;
	/** CPU the server used during the block. */
	serverCpuMs: number;
}

export interface LoadSummary {
	requests: number;
	medianMs: number;
	p95Ms: number;
	requestsPerSecond: number;
	serverCpuMsPerRequest: number;
	errors: number;
	errorsByStatus: Map<number, number>;
}

const REQUEST_TIMEOUT_MS = 30_000;

export function keepAliveAgent(maxSockets: number): Agent {
	return new Agent({ keepAlive: true, maxSockets });
}

export async function sendBlock(
	url: string,
	deliveries: Delivery[],
	concurrency: number,
	agent: Agent,
	serverCpuMs: () => number,
	/** Resolves once the work the block started after its answers (the executions) is done, so its CPU counts here. */
	settled: () => Promise<void> = async () => undefined,
): Promise<BlockResult> {
	const result: BlockResult = { latenciesMs: [], errors: new Map(), elapsedMs: 0, serverCpuMs: 0 };
	let next = 0;
	const sender = async () => {
		while (next < deliveries.length) {
			const delivery = deliveries[next++];
			const startedAt = performance.now();
			const status = await post(url, delivery, agent);
			result.latenciesMs.push(performance.now() - startedAt);
			if (status !== 200) result.errors.set(status, (result.errors.get(status) ?? 0) + 1);
		}
	};
	const startedAt = performance.now();
	const cpuAtStart = serverCpuMs();
	await Promise.all(Array.from({ length: concurrency }, sender));
	result.elapsedMs = performance.now() - startedAt;
	await settled();
	result.serverCpuMs = serverCpuMs() - cpuAtStart;
	return result;
}

/** The answer's status once its body has arrived; 0 when no answer came. */
function post(url: string, delivery: Delivery, agent: Agent): Promise<number> {
	return new Promise((resolve) => {
		const outgoing = request(
			url,
			{
				method: 'POST',
				agent,
				headers: { ...delivery.headers, 'content-length': String(Buffer.byteLength(delivery.body)) },
				timeout: REQUEST_TIMEOUT_MS,
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
				response.on('error', () => resolve(0));
			},
		);
		outgoing.on('timeout', () => outgoing.destroy());
		outgoing.on('error', () => resolve(0));
		outgoing.end(delivery.body);
	});
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], share: number): number {
	return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

export function summarize(blocks: BlockResult[]): LoadSummary {
	const latencies = blocks.flatMap((block) => block.latenciesMs).sort((a, b) => a - b);
	const total = (measure: (block: BlockResult) => number) => blocks.reduce((sum, block) => sum + measure(block), 0);
	const elapsedMs = total((block) => block.elapsedMs);
	const errorsByStatus = new Map<number, number>();
	for (const [status, count] of blocks.flatMap((block) => [...block.errors])) {
		errorsByStatus.set(status, (errorsByStatus.get(status) ?? 0) + count);
	}
	return {
		requests: latencies.length,
		medianMs: percentile(latencies, 0.5),
		p95Ms: percentile(latencies, 0.95),
		requestsPerSecond: (latencies.length * 1000) / elapsedMs,
		serverCpuMsPerRequest: total((block) => block.serverCpuMs) / latencies.length,
		errors: [...errorsByStatus.values()].reduce((sum, count) => sum + count, 0),
		errorsByStatus,
	};
}
