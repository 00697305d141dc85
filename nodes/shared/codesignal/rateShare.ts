/**
 * How much of a key's rate limit one n8n process uses, and how it backs off when CodeSignal still says 429.
 *
 * CodeSignal counts requests per key, whichever process sends them. In queue mode the main process (the
 * Results Trigger's polls, the editor's lists) and every worker (executions) send with the same key; webhook
 * processes send nothing (the trigger answers without an API call). So each process takes a share: the
 * limit divided by the processes that share it, rounded down to whole requests per second, so that the
 * shares of all processes add up to at most the limit in every 1-second window. No n8n types.
 */

/**
 * "Processes Sharing the Rate Limit" as set; 1 when empty or invalid. A node cannot tell queue mode from here
 * (it reads no environment): the user sets it, and 429s slow each process down meanwhile.
 */
export function processesSharingLimit(setting: unknown): number {
	const set = Math.floor(Number(setting ?? 1));
	return Number.isFinite(set) && set >= 1 ? set : 1;
}

/**
 * Requests per second this process may send. Whole numbers while every process gets at least one: evenly
 * spaced, a process then sends at most that many in any second, and the shares add up to at most the limit.
 */
export function processRequestsPerSecond(limit: number, processes: number): number {
	const share = limit / processes;
	return share >= 1 ? Math.floor(share) : share;
}

export interface BackOffPolicy {
	/** How long the lowered rate is kept after a 429 before it climbs back. */
	holdMs: number;
	/** How long the climb from the lowered rate back to the whole share takes. */
	recoverMs: number;
	/** The rate never goes below this fraction of the share. */
	minFactor: number;
	/** 429s within this time of a cut answer requests sent before it: they do not cut again. */
	settleMs: number;
}

export const DEFAULT_BACK_OFF: BackOffPolicy = { holdMs: 10_000, recoverMs: 30_000, minFactor: 1 / 8, settleMs: 1000 };

/**
 * The process's rate for one key: its share, halved by each 429 (another process, another tool or a smaller
 * limit than configured is using the key), held there for a while, then raised linearly back to the share.
 */
export class AdaptiveRate {
	private factorAtCut = 1;

	private cutAt = -Infinity;

	constructor(
		public share: number,
		private readonly policy: BackOffPolicy = DEFAULT_BACK_OFF,
	) {}

	/** Requests per second at `now`. */
	requestsPerSecond(now: number): number {
		return this.share * this.factor(now);
	}

	/** CodeSignal answered 429 at `now`. */
	rateLimited(now: number): void {
		if (now - this.cutAt < this.policy.settleMs) return;
		this.factorAtCut = Math.max(this.policy.minFactor, this.factor(now) / 2);
		this.cutAt = now;
	}

	private factor(now: number): number {
		if (this.factorAtCut === 1) return 1;
		const climbing = now - this.cutAt - this.policy.holdMs;
		if (climbing <= 0) return this.factorAtCut;
		return Math.min(1, this.factorAtCut + ((1 - this.factorAtCut) * climbing) / this.policy.recoverMs);
	}
}
