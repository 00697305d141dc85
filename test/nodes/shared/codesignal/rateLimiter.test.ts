import { RateLimiterRegistry, SlidingWindowRateLimiter } from '../../../../nodes/shared/codesignal/rateLimiter';

/** A clock that only moves when the limiter sleeps, so the test is exact and instant. */
function fakeClock() {
	let now = 0;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
	};
}

describe('SlidingWindowRateLimiter', () => {
	it('lets at most maxRequests start in any window, in arrival order', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowRateLimiter({ maxRequests: 10, windowMs: 1000, ...clock });
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 35 }, async () => {
				await limiter.acquire();
				starts.push(clock.now());
			}),
		);
		expect(starts).toHaveLength(35);
		for (let i = 10; i < starts.length; i++) expect(starts[i] - starts[i - 10]).toBeGreaterThanOrEqual(1000);
		// Not slower than needed: 35 requests at 10 per second fit in 3 seconds.
		expect(starts[34]).toBe(3000);
	});

	it('adds the margin to the window', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowRateLimiter({ maxRequests: 2, windowMs: 1000, marginMs: 50, ...clock });
		const starts: number[] = [];
		for (let i = 0; i < 3; i++) {
			await limiter.acquire();
			starts.push(clock.now());
		}
		expect(starts).toEqual([0, 0, 1050]);
	});

	it('refuses a limit below 1', () => {
		expect(() => new SlidingWindowRateLimiter({ maxRequests: 0, windowMs: 1000 })).toThrow(
			'maxRequests must be a positive number, got 0',
		);
	});

	it('shares one limiter per key and replaces it when the limit changes', () => {
		const registry = new RateLimiterRegistry();
		const a = registry.get('k', { maxRequests: 10, windowMs: 1000 });
		expect(registry.get('k', { maxRequests: 10, windowMs: 1000 })).toBe(a);
		expect(registry.get('other', { maxRequests: 10, windowMs: 1000 })).not.toBe(a);
		expect(registry.get('k', { maxRequests: 5, windowMs: 1000 }).limit).toBe(5);
	});
});
