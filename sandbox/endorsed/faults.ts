import { mulberry32 } from '../codesignal/random';

/** Injected failures, for testing a client's retries. Rates are probabilities per API request. */
export interface EndorsedFaults {
	/** Seeds the draws, so a seed gives the same faults on the same request sequence. Default 1. */
	seed?: number;
	/** Answer 429 TOO_MANY_REQUESTS with Retry-After: 1. */
	rate429?: number;
	/** Answer 500 INTERNAL_SERVER_ERROR. */
	rate5xx?: number;
	/** Wait slowMs before serving the request normally. */
	rateSlow?: number;
	/** Default 2000. */
	slowMs?: number;
	/** Close the connection without answering. */
	rateDrop?: number;
	/** The next N API requests answer 500, before any rate applies. */
	failNext?: number;
}

export type Fault = { kind: 'drop' } | { kind: 'status'; status: 429 | 500 } | { kind: 'slow'; ms: number };

const DEFAULT_SEED = 1;
const DEFAULT_SLOW_MS = 2000;
const RATES = ['rateDrop', 'rate429', 'rate5xx', 'rateSlow'] as const;

export class FaultInjector {
	private faults: EndorsedFaults = {};
	private random = mulberry32(DEFAULT_SEED);

	/** Replaces the whole configuration ({} turns faults off) and restarts the seeded draws. */
	set(faults: EndorsedFaults): void {
		for (const name of RATES) {
			const rate = faults[name];
			if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError(`${name} must be between 0 and 1`);
		}
		for (const name of ['slowMs', 'failNext'] as const) {
			const value = faults[name];
			if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
				throw new RangeError(`${name} must be a non-negative integer`);
			}
		}
		this.faults = { ...faults };
		this.random = mulberry32(faults.seed ?? DEFAULT_SEED);
	}

	/** The configuration in force; failNext counts down as requests fail. */
	current(): EndorsedFaults {
		return { ...this.faults };
	}

	/** The fault for the next request, if any. Every request draws exactly one number, whatever the rates. */
	next(): Fault | undefined {
		if (this.faults.failNext) {
			this.faults.failNext--;
			return { kind: 'status', status: 500 };
		}
		let roll = this.random();
		for (const name of RATES) {
			roll -= this.faults[name] ?? 0;
			if (roll < 0) return this.fault(name);
		}
		return undefined;
	}

	private fault(rate: (typeof RATES)[number]): Fault {
		if (rate === 'rateDrop') return { kind: 'drop' };
		if (rate === 'rate429') return { kind: 'status', status: 429 };
		if (rate === 'rate5xx') return { kind: 'status', status: 500 };
		return { kind: 'slow', ms: this.faults.slowMs ?? DEFAULT_SLOW_MS };
	}
}
