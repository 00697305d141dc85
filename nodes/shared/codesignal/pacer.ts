/**
 * The one pacing of CodeSignal requests: a process sends the requests made with one key one at a time in
 * arrival order, evenly spaced, and never more than its share in any second as the server counts them.
 *
 * Two rules, both on the time a request is really sent (stamped in the same synchronous run that hands it to the
 * network, so a late timer or a stalled event loop only delays the queue and never releases a burst):
 * - spacing: each request leaves at least `1000 / rate` ms after the previous one, so requests do not queue at
 *   the server in bursts;
 * - window: with `n` = the whole requests per second allowed, a request leaves only once the answer to the n-th
 *   request before it has come, and a second (plus a small margin) has passed since. The server saw that request
 *   arrive before it answered, and sees this one arrive after it is sent: whatever the network or either event
 *   loop did in between, no second holds more than `n` arrivals. Slow answers (a loaded machine, a slow server)
 *   slow the pacing down by as much, and only then.
 * No n8n types; the clock and timer are injectable so that tests drive it exactly.
 */
import { sleep } from 'n8n-workflow';

/** Added to the 1-second window: timer and clock rounding, never network jitter (the window rule absorbs that). */
export const PACING_MARGIN_MS = 5;

const WINDOW_MS = 1000;

export interface PacerClock {
	now(): number;
	setTimer(run: () => void, ms: number): void;
}

export const realClock: PacerClock = {
	now: () => performance.now(),
	// n8n's sleep rather than a global timer, as n8n's lint for community nodes asks.
	setTimer: (run, ms) => void sleep(ms).then(run),
};

/** A request sent; `answeredAt` once its answer (or failure) came back. */
interface Sent {
	answeredAt?: number;
}

type Waiting = (answered: () => void) => void;

export class RequestPacer {
	private lastSentAt = -Infinity;

	private holdUntil = -Infinity;

	/** The last requests sent, oldest first: as many as may arrive in one window. */
	private readonly recent: Sent[] = [];

	private readonly waiting: Waiting[] = [];

	private timerSet = false;

	constructor(
		/** Requests per second, read before every send, so a rate lowered after a 429 applies at once. */
		private readonly rate: () => number,
		private readonly clock: PacerClock = realClock,
	) {}

	/** Calls `send` when its turn comes (synchronously after stamping the time) and settles with its result. */
	async run<T>(send: () => Promise<T>): Promise<T> {
		return await new Promise<T>((resolve, reject) => {
			this.waiting.push((answered) => {
				let sending: Promise<T>;
				try {
					sending = send();
				} catch (error) {
					answered();
					reject(error);
					return;
				}
				sending.then(
					(value) => {
						answered();
						resolve(value);
					},
					(error: unknown) => {
						answered();
						reject(error);
					},
				);
			});
			this.pump();
		});
	}

	/** Nothing is sent before `until` (a server's Retry-After applies to every request with the key). */
	holdUntilTime(until: number): void {
		this.holdUntil = Math.max(this.holdUntil, until);
	}

	private pump(): void {
		if (this.timerSet || this.waiting.length === 0) return;
		const rate = this.rate();
		const perWindow = Math.max(1, Math.floor(rate));
		while (this.recent.length > perWindow) this.recent.shift();
		let due = Math.max(this.lastSentAt + WINDOW_MS / rate, this.holdUntil);
		if (this.recent.length === perWindow) {
			const { answeredAt } = this.recent[0];
			// Its answer will pump again.
			if (answeredAt === undefined) return;
			due = Math.max(due, answeredAt + WINDOW_MS + PACING_MARGIN_MS);
		}
		const now = this.clock.now();
		if (now < due) {
			this.timerSet = true;
			this.clock.setTimer(() => {
				this.timerSet = false;
				this.pump();
			}, due - now);
			return;
		}
		const sent: Sent = {};
		this.recent.push(sent);
		this.lastSentAt = now;
		this.waiting.shift()!(() => {
			sent.answeredAt = this.clock.now();
			this.pump();
		});
		this.pump();
	}
}
