import { ExpiringCache } from '../../../nodes/CodeSignalTrigger/expiringCache';

const T0 = Date.UTC(2026, 10, 30);

describe('ExpiringCache', () => {
	it('hands out a value until its time is up, then never again', () => {
		const cache = new ExpiringCache<string>(10_000);
		cache.set('trigger', 'secret', T0);
		expect(cache.get('trigger', T0)).toBe('secret');
		expect(cache.get('trigger', T0 + 9_999)).toBe('secret');
		expect(cache.get('trigger', T0 + 10_000)).toBeUndefined();
		expect(cache.get('trigger', T0 + 1)).toBeUndefined();
	});

	it('keeps each key apart, and a value stored again starts its time afresh', () => {
		const cache = new ExpiringCache<number>(1_000);
		cache.set('a', 1, T0);
		cache.set('b', 2, T0 + 500);
		cache.set('a', 3, T0 + 900);
		expect(cache.get('a', T0 + 1_500)).toBe(3);
		expect(cache.get('b', T0 + 1_500)).toBeUndefined();
		expect(cache.get('c', T0)).toBeUndefined();
	});

	it('drops a value when the clock goes back rather than keeping it longer', () => {
		const cache = new ExpiringCache<string>(1_000);
		cache.set('a', 'x', T0);
		expect(cache.get('a', T0 - 1)).toBeUndefined();
	});
});
