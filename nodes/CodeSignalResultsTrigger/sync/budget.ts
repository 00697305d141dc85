import type { ItemBudget } from './scan';

/**
 * What one poll (or one operation run) may collect, and until when it may start requests. Scans running
 * side by side draw on it page by page. A scan finding it all held by pages in flight waits for them to
 * settle rather than giving up: what they did not collect comes back. `stop()` ends every scan at its next
 * page (a request failed).
 */
export class PollBudget implements ItemBudget {
	private available: number;

	private held = 0;

	private stopped = false;

	private waiting: Array<() => void> = [];

	constructor(
		maxItems: number,
		private readonly deadline = Infinity,
		private readonly now: () => number = Date.now,
	) {
		this.available = maxItems;
	}

	async reserve(wanted: number): Promise<number> {
		for (;;) {
			if (this.stopped || this.now() >= this.deadline) return 0;
			if (this.available > 0) {
				const granted = Math.min(wanted, this.available);
				this.available -= granted;
				this.held += granted;
				return granted;
			}
			if (this.held === 0) return 0;
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
	}

	settle(granted: number, used: number): void {
		this.held -= granted;
		this.available += granted - used;
		this.wake();
	}

	stop(): void {
		this.stopped = true;
		this.wake();
	}

	private wake(): void {
		const waiting = this.waiting;
		this.waiting = [];
		for (const resume of waiting) resume();
	}
}
