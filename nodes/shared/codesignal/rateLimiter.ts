/**
 * A sliding-window limiter: at most `maxRequests` starts in any window of `windowMs`.
 * A token bucket would let a full bucket plus a refill through within one second (up to twice the limit),
 * which is exactly what a server counting a sliding window rejects; this never does.
 */
import { sleep } from 'n8n-workflow';

export interface RateLimiterOptions {
	maxRequests: number;
	windowMs: number;
	/** Extra spacing that absorbs network jitter between our clock and the server's arrival times. */
	marginMs?: number;
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export class SlidingWindowRateLimiter {
	private readonly starts: number[] = [];

	private queue: Promise<void> = Promise.resolve();

	private readonly now: () => number;

	private readonly sleep: (ms: number) => Promise<void>;

	constructor(private readonly options: RateLimiterOptions) {
		if (!Number.isFinite(options.maxRequests) || options.maxRequests < 1) {
			throw new RangeError(`maxRequests must be a positive number, got ${options.maxRequests}`);
		}
		this.now = options.now ?? Date.now;
		this.sleep = options.sleep ?? sleep;
	}

	get limit() {
		return this.options.maxRequests;
	}

	/** Resolves when a request may start; callers are served in arrival order. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		// Keep the chain alive even if a waiter is abandoned.
		this.queue = turn.catch(() => undefined);
		return await turn;
	}

	private async waitForSlot() {
		const span = this.options.windowMs + (this.options.marginMs ?? 0);
		for (;;) {
			const now = this.now();
			while (this.starts.length > 0 && now - this.starts[0] >= span) this.starts.shift();
			if (this.starts.length < this.options.maxRequests) {
				this.starts.push(now);
				return;
			}
			await this.sleep(span - (now - this.starts[0]));
		}
	}
}

/** One limiter per key (a credential), shared by every execution in this process. */
export class RateLimiterRegistry {
	private readonly limiters = new Map<string, SlidingWindowRateLimiter>();

	get(key: string, options: RateLimiterOptions): SlidingWindowRateLimiter {
		const existing = this.limiters.get(key);
		if (existing && existing.limit === options.maxRequests) return existing;
		const limiter = new SlidingWindowRateLimiter(options);
		this.limiters.set(key, limiter);
		return limiter;
	}
}
