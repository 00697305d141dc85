/**
 * Spreads a sync's requests evenly over each second instead of sending them in the bursts that a sliding
 * window allows. A burst queues at the server, and the requests that waited there arrive in the next
 * window: the server then counts more than the limit in one second although the client never started
 * more. Evenly spaced, a backfill runs at 96% of the rate limit and tolerates arrival jitter. (Retries
 * inside the transport are not paced here; its limiter still holds them to the limit.)
 */
import { sleep } from 'n8n-workflow';

import type { SyncSource } from './source';

/**
 * `rate` starts per 1040 ms: the transport's limiter (`rate` per 1025 ms) never holds one back, and a
 * request may reach the server up to 40 ms later than the one ten before it without making 11 in a second.
 */
const WINDOW_WITH_MARGIN_MS = 1040;

export function paced(
	source: SyncSource,
	requestsPerSecond: number,
	now: () => number = () => performance.now(),
): SyncSource {
	const interval = WINDOW_WITH_MARGIN_MS / requestsPerSecond;
	let lastStart = -Infinity;
	let queue = Promise.resolve();
	// One at a time, each an interval after the previous one really started: a late timer must not bunch the next.
	const turn = async () => {
		const mine = queue.then(async () => {
			const wait = lastStart + interval - now();
			if (wait > 0) await sleep(wait);
			lastStart = now();
		});
		queue = mine;
		await mine;
	};
	const inTurn =
		<A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			await turn();
			return await read(...args);
		};
	return {
		listTests: inTurn((page) => source.listTests(page)),
		listSessions: inTurn((testId: string, page) => source.listSessions(testId, page)),
		getSessions: inTurn((testId: string, ids: string[]) => source.getSessions(testId, ids)),
	};
}
