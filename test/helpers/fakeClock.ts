/**
 * A clock and timers that move only when the test says so, for the CodeSignal pacing: `stall` moves time on
 * without firing anything (an event loop busy elsewhere), `run` fires timers in order until nothing waits.
 */
import type { PacerClock } from '../../nodes/shared/codesignal/pacer';

export class FakeClock implements PacerClock {
	private time = 0;

	private timers: Array<{ at: number; run: () => void }> = [];

	now = () => this.time;

	setTimer = (run: () => void, ms: number) => {
		this.timers.push({ at: this.time + ms, run });
	};

	/** Time passes and no timer fires: the event loop is blocked. */
	stall(ms: number): void {
		this.time += ms;
	}

	/** Lets promises settle, then fires the earliest timer (at its time, or now if that is past), until none is left. */
	async run(): Promise<void> {
		for (;;) {
			await settle();
			if (this.timers.length === 0) return;
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers.shift()!;
			this.time = Math.max(this.time, next.at);
			next.run();
		}
	}
}

/** Every promise callback that can run without a timer has run. */
async function settle(): Promise<void> {
	for (let round = 0; round < 20; round++) await new Promise((resolve) => setImmediate(resolve));
}

/** The most of `times` in any half-open window of `windowMs` (how the sandbox and CodeSignal count). */
export function busiestWindow(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let busiest = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		busiest = Math.max(busiest, last - first + 1);
	}
	return busiest;
}
