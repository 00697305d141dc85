/**
 * The one pacing of CodeSignal requests: a process sends the requests made with one key evenly spaced, one
 * at a time in arrival order, each at least a spacing after the previous one was really sent.
 *
 * The time is stamped in the same synchronous run that hands the request to the network, so a late timer or a
 * stalled event loop only delays the queue: after a stall one request leaves, never the backlog at once. Even
 * spacing (not a sliding window that lets a whole second's budget leave together) also keeps requests from
 * queueing at the server, where the ones that waited arrive in the next window and make it count too many.
 *
 * The spacing is `1000 × (1 + PACING_MARGIN) / budget`: a server counting any 1-second window sees at most
 * `budget` requests from this process as long as arrival jitter stays under 1000 × PACING_MARGIN ms (15 ms).
 * No n8n types; the clock and timer are injectable so that tests drive it exactly.
 */

/** 1.5 % slower than the limit: 15 ms of arrival jitter absorbed, 1.5 % of throughput paid. */
export const PACING_MARGIN = 0.015;

export interface PacerClock {
	now(): number;
	setTimer(run: () => void, ms: number): void;
}

export const realClock: PacerClock = {
	now: () => performance.now(),
	setTimer: (run, ms) => {
		setTimeout(run, ms);
	},
};

/** Milliseconds between two requests for `requestsPerSecond`, margin included. */
export function spacingMs(requestsPerSecond: number): number {
	return (1000 * (1 + PACING_MARGIN)) / requestsPerSecond;
}

export class RequestPacer {
	private lastSentAt = -Infinity;

	private holdUntil = -Infinity;

	private readonly waiting: Array<() => void> = [];

	private timerSet = false;

	constructor(
		/** Read before every send, so a rate lowered after a 429 applies to the very next request. */
		private readonly spacing: () => number,
		private readonly clock: PacerClock = realClock,
	) {}

	/** Calls `send` when its turn comes (synchronously after stamping the time) and settles with its result. */
	async run<T>(send: () => Promise<T>): Promise<T> {
		return await new Promise<T>((resolve, reject) => {
			this.waiting.push(() => {
				try {
					send().then(resolve, reject);
				} catch (error) {
					reject(error);
				}
			});
			this.pump();
		});
	}

	/** Nothing is sent before `until` (a server's Retry-After applies to every request with the key). */
	holdUntilTime(until: number): void {
		this.holdUntil = Math.max(this.holdUntil, until);
	}

	get queued(): number {
		return this.waiting.length;
	}

	private pump(): void {
		if (this.timerSet || this.waiting.length === 0) return;
		const now = this.clock.now();
		const due = Math.max(this.lastSentAt + this.spacing(), this.holdUntil);
		if (now < due) {
			this.timerSet = true;
			this.clock.setTimer(() => {
				this.timerSet = false;
				this.pump();
			}, due - now);
			return;
		}
		this.lastSentAt = now;
		this.waiting.shift()!();
		this.pump();
	}
}
