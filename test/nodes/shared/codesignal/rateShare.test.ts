import {
	AdaptiveRate,
	DEFAULT_BACK_OFF,
	processesSharingLimit,
	processRequestsPerSecond,
} from '../../../../nodes/shared/codesignal/rateShare';

describe('the share of the rate limit', () => {
	it('is the whole limit for one process, and shared by the processes the credential names', () => {
		expect(processesSharingLimit(undefined)).toBe(1);
		expect(processesSharingLimit(0)).toBe(1);
		expect(processesSharingLimit(3)).toBe(3);
		expect(processesSharingLimit(2.7)).toBe(2);
		expect(processesSharingLimit('nonsense')).toBe(1);
	});

	it('is whole requests per second, so that the shares add up to at most the limit in any second', () => {
		expect(processRequestsPerSecond(10, 1)).toBe(10);
		expect(processRequestsPerSecond(10, 3)).toBe(3);
		expect(processRequestsPerSecond(10, 4)).toBe(2);
		expect(processRequestsPerSecond(10, 20)).toBe(0.5);
		for (let processes = 1; processes <= 10; processes++) {
			expect(processes * Math.ceil(processRequestsPerSecond(10, processes))).toBeLessThanOrEqual(10);
		}
	});
});

describe('AdaptiveRate', () => {
	const { holdMs, recoverMs } = DEFAULT_BACK_OFF;

	it('halves the rate on a 429, holds it, then climbs back to the share', () => {
		const rate = new AdaptiveRate(8);
		expect(rate.requestsPerSecond(0)).toBe(8);
		rate.rateLimited(1000);
		expect(rate.requestsPerSecond(1000)).toBe(4);
		expect(rate.requestsPerSecond(1000 + holdMs)).toBe(4);
		expect(rate.requestsPerSecond(1000 + holdMs + recoverMs / 2)).toBe(6);
		expect(rate.requestsPerSecond(1000 + holdMs + recoverMs)).toBe(8);
		expect(rate.requestsPerSecond(1000 + holdMs + 2 * recoverMs)).toBe(8);
	});

	it('cuts once for the 429s of requests sent before the cut, again for a later one, never below the floor', () => {
		const rate = new AdaptiveRate(8);
		rate.rateLimited(0);
		rate.rateLimited(200);
		rate.rateLimited(900);
		expect(rate.requestsPerSecond(900)).toBe(4);
		rate.rateLimited(1500);
		expect(rate.requestsPerSecond(1500)).toBe(2);
		for (let at = 3000; at < 20_000; at += 1500) rate.rateLimited(at);
		expect(rate.requestsPerSecond(20_000)).toBe(1);
	});

	it('takes a new share at once (the credential was edited)', () => {
		const rate = new AdaptiveRate(10);
		rate.share = 3;
		expect(rate.requestsPerSecond(0)).toBe(3);
	});
});
