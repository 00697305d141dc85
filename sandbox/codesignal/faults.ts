/** Injected failures, deterministic from their seed, so clients can be tested against a flaky CodeSignal. */
import { Random } from './random';

export type FailWhenResult = 'http429' | 'http500' | 'drop' | 'slow' | undefined;

export interface FaultOptions {
	/** Seeds the fault sequence (default 1). */
	seed?: number;
	/** Share 0..1 of requests answered 429 (counted apart from the real rate limit's 429s). */
	rate429?: number;
	/** Share answered 500, 502 or 503. */
	rate5xx?: number;
	/** Share answered only after `slowMs`. */
	rateSlow?: number;
	slowMs?: number;
	/** Share whose connection is destroyed without an answer. */
	rateDrop?: number;
	/** The next N requests fail with 503, then requests are served normally. */
	failNext?: number;
	/** Share 0..1 of the entries of plain lists (companyTestSessions, liveInterviews) returned as null, per response. */
	nullEntryRate?: number;
	/** `first` above this is lowered to it silently, instead of refused as above the maximum page size. */
	silentPageCap?: number;
	/** In-process only: told of each list entry returned as null (to tell afterwards what a null hid). */
	onNullEntry?: (entry: unknown) => void;
	/** In-process only: decides per request, before the rates. `requestNumber` counts from when the faults were set. */
	failWhen?: (info: {
		operationName?: string;
		variables: Record<string, unknown>;
		requestNumber: number;
	}) => FailWhenResult;
}

export interface ListFaults {
	silentPageCap?: number;
	/** Whether the next entry is returned as null. */
	isNull(): boolean;
	/** Called with each entry that is returned as null. */
	nulled(entry: unknown): void;
}

export type Fault =
	| { type: 'respond'; status: number; headers: Record<string, string>; body: string }
	| { type: 'drop' }
	| { type: 'slow'; delayMs: number };

const DEFAULT_SLOW_MS = 2000;

const JSON_TYPE = { 'content-type': 'application/json' };
const HTML_TYPE = { 'content-type': 'text/html' };

function nginxPage(status: number, reason: string): string {
	const title = `${status} ${reason}`;
	return [
		'<html>',
		`<head><title>${title}</title></head>`,
		'<body>',
		`<center><h1>${title}</h1></center>`,
		'<hr><center>nginx</center>',
		'</body>',
		'</html>',
		'',
	].join('\r\n');
}

function tooManyRequests(withRetryAfter: boolean): Fault {
	return {
		type: 'respond',
		status: 429,
		headers: withRetryAfter ? { ...JSON_TYPE, 'retry-after': '1' } : JSON_TYPE,
		body: JSON.stringify({ errors: [{ message: 'Too Many Requests' }] }),
	};
}

/** 500 comes from the application (JSON); 502 and 503 from the proxy in front of it (HTML). */
function serverError(status: 500 | 502 | 503): Fault {
	if (status === 500) {
		return {
			type: 'respond',
			status,
			headers: JSON_TYPE,
			body: JSON.stringify({ errors: [{ message: 'Internal server error' }] }),
		};
	}
	const reason = status === 502 ? 'Bad Gateway' : 'Service Temporarily Unavailable';
	return { type: 'respond', status, headers: HTML_TYPE, body: nginxPage(status, reason) };
}

function checkRate(name: string, value: number | undefined): number {
	const rate = value ?? 0;
	if (!(rate >= 0 && rate <= 1)) {
		throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
	}
	return rate;
}

export class FaultInjector {
	private readonly rng: Random;

	private failNext: number;

	private requestNumber = 0;

	private readonly rates: { rate429: number; rate5xx: number; rateSlow: number; rateDrop: number };

	constructor(private readonly options: FaultOptions = {}) {
		this.rng = new Random(options.seed ?? 1);
		this.failNext = options.failNext ?? 0;
		this.rates = {
			rate429: checkRate('rate429', options.rate429),
			rate5xx: checkRate('rate5xx', options.rate5xx),
			rateSlow: checkRate('rateSlow', options.rateSlow),
			rateDrop: checkRate('rateDrop', options.rateDrop),
		};
		const total = Object.values(this.rates).reduce((sum, rate) => sum + rate, 0);
		if (total > 1) throw new RangeError(`Fault rates add up to ${total}, more than 1`);
	}

	/** What plain lists do to their entries under these faults: drop some to null, cap the page silently. */
	get listFaults(): ListFaults | undefined {
		const { nullEntryRate, silentPageCap, onNullEntry } = this.options;
		if (!nullEntryRate && silentPageCap === undefined) return undefined;
		const rate = checkRate('nullEntryRate', nullEntryRate);
		return {
			silentPageCap,
			isNull: () => rate > 0 && this.rng.float() < rate,
			nulled: (entry) => onNullEntry?.(entry),
		};
	}

	/** The fault for this request, if any. Every call is one request. */
	decide(request: {
		operationName?: string;
		variables: Record<string, unknown>;
	}): Fault | undefined {
		this.requestNumber++;
		const chosen = this.options.failWhen?.({ ...request, requestNumber: this.requestNumber });
		if (chosen) return this.fault(chosen);
		if (this.failNext > 0) {
			this.failNext--;
			return serverError(503);
		}
		const roll = this.rng.float();
		const { rate429, rate5xx, rateSlow, rateDrop } = this.rates;
		if (roll < rate429) return tooManyRequests(this.rng.chance(0.5));
		if (roll < rate429 + rate5xx) return serverError(this.rng.pick([500, 502, 503] as const));
		if (roll < rate429 + rate5xx + rateSlow) return this.fault('slow');
		if (roll < rate429 + rate5xx + rateSlow + rateDrop) return { type: 'drop' };
		return undefined;
	}

	private fault(kind: Exclude<FailWhenResult, undefined>): Fault {
		switch (kind) {
			case 'http429':
				return tooManyRequests(true);
			case 'http500':
				return serverError(500);
			case 'drop':
				return { type: 'drop' };
			case 'slow':
				return { type: 'slow', delayMs: this.options.slowMs ?? DEFAULT_SLOW_MS };
		}
	}
}
