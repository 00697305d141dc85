import { DeliveryMemory, isStoredDelivery } from '../../../nodes/CodeSignalTrigger/deliveryMemory';

const HOUR = 3_600_000;
const limits = { maxEntries: 3, maxAgeMs: 24 * HOUR };
const T0 = Date.UTC(2026, 4, 1);

/** Delivers ids one per minute from T0, as the trigger does: a repeat is reported and not recorded again. */
function deliverAll(ids: string[], memory = new DeliveryMemory()) {
	const duplicates: string[] = [];
	ids.forEach((id, index) => {
		const now = T0 + index * 60_000;
		if (memory.has(id, now, limits)) duplicates.push(id);
		else memory.record(id, now, limits);
	});
	return { memory, duplicates };
}

describe('DeliveryMemory', () => {
	it('reports a delivery seen before as a duplicate, and a new one as new', () => {
		expect(deliverAll(['a', 'b', 'a', 'c', 'b']).duplicates).toEqual(['a', 'b']);
	});

	it('remembers when each delivery was first received, oldest first', () => {
		expect(deliverAll(['a', 'b', 'a']).memory.toStored()).toEqual({ a: T0, b: T0 + 60_000 });
	});

	it('keeps at most maxEntries, forgetting the oldest', () => {
		const { memory } = deliverAll(['a', 'b', 'c', 'd']);
		expect(Object.keys(memory.toStored())).toEqual(['b', 'c', 'd']);
		expect(memory.has('a', T0 + 10 * 60_000, limits)).toBe(false);
	});

	it('keeps the newest delivery when several arrive in the same millisecond', () => {
		const memory = new DeliveryMemory();
		for (const id of ['a', 'b', 'c', 'd']) memory.record(id, T0, limits);
		expect(Object.keys(memory.toStored())).toEqual(['b', 'c', 'd']);
	});

	it('forgets deliveries older than maxAgeMs, and remembers one received again as new', () => {
		const { memory } = deliverAll(['a', 'b']);
		expect(memory.has('a', T0 + 24 * HOUR - 1, limits)).toBe(true);
		expect(memory.has('a', T0 + 24 * HOUR, limits)).toBe(false);
		memory.record('a', T0 + 24 * HOUR + 60_000, limits);
		// 'b' expired too by then, and expired deliveries are dropped when the next is recorded.
		expect(memory.toStored()).toEqual({ a: T0 + 24 * HOUR + 60_000 });
	});

	it('applies smaller limits from the next delivery on', () => {
		const { memory } = deliverAll(['a', 'b', 'c']);
		memory.record('d', T0 + HOUR, { ...limits, maxEntries: 1 });
		expect(memory.toStored()).toEqual({ d: T0 + HOUR });
	});

	it('forgets only the oldest when a large memory is full', () => {
		const large = { maxEntries: 100_000, maxAgeMs: 24 * HOUR };
		const memory = new DeliveryMemory();
		for (let i = 0; i < 100_000; i++) memory.record(`id-${i}`, T0 + i, large);
		expect(Object.keys(memory.toStored())).toHaveLength(100_000);
		memory.record('id-new', T0 + 100_000, large);
		expect(Object.keys(memory.toStored())).toHaveLength(100_000);
		expect(memory.has('id-0', T0 + 100_000, large)).toBe(false);
		expect(memory.has('id-1', T0 + 100_000, large)).toBe(true);
	});

	it('tells which deliveries it forgot when it recorded one', () => {
		const { memory } = deliverAll(['a', 'b', 'c']);
		expect(memory.record('d', T0 + 3 * 60_000, limits)).toEqual(['a']);
		expect(memory.record('e', T0 + 25 * HOUR, limits)).toEqual(['b', 'c', 'd']);
	});

	describe('into static data', () => {
		it('adds the delivery to the stored object and removes what it forgot, in place', () => {
			const { memory } = deliverAll(['a', 'b']);
			const stored = memory.toStored();
			expect(memory.recordAndStore('c', T0 + 2 * 60_000, limits, stored)).toBe(stored);
			expect(memory.recordAndStore('d', T0 + 3 * 60_000, limits, stored)).toBe(stored);
			expect(stored).toEqual({ b: T0 + 60_000, c: T0 + 2 * 60_000, d: T0 + 3 * 60_000 });
		});

		it('writes the whole memory when static data holds none', () => {
			const memory = new DeliveryMemory();
			memory.record('a', T0, limits);
			for (const stored of [undefined, 'corrupted', ['a']]) {
				expect(memory.recordAndStore('b', T0 + 1, limits, stored)).toEqual({ a: T0, b: T0 + 1 });
			}
		});

		it('writes the whole memory once every maxEntries deliveries, dropping what it never recorded', () => {
			const memory = new DeliveryMemory();
			// Put there by another process: this one neither remembers nor forgets it.
			const stored: Record<string, number> = { foreign: T0 };
			const written = ['a', 'b', 'c'].map((id, index) => memory.recordAndStore(id, T0 + index + 1, limits, stored));
			expect(written.slice(0, 2)).toEqual([stored, stored]);
			expect(stored).toEqual({ foreign: T0, a: T0 + 1, b: T0 + 2 });
			expect(written[2]).not.toBe(stored);
			expect(written[2]).toEqual({ a: T0 + 1, b: T0 + 2, c: T0 + 3 });
		});
	});

	describe('from static data', () => {
		it('takes over what static data remembers, ordered by time', () => {
			const memory = DeliveryMemory.fromStored({ b: T0 + 1, a: T0 });
			expect(memory.has('a', T0 + 2, limits)).toBe(true);
			memory.record('c', T0 + 2, limits);
			memory.record('d', T0 + 3, limits);
			expect(Object.keys(memory.toStored())).toEqual(['b', 'c', 'd']);
		});

		it.each([
			['nothing stored yet', undefined],
			['a value that is not an object', 'corrupted'],
			['entries that are not timestamps', { x: 'yesterday', y: null }],
		])('starts afresh from %s', (_case, stored) => {
			const memory = DeliveryMemory.fromStored(stored);
			expect(memory.toStored()).toEqual({});
			memory.record('a', T0, limits);
			expect(memory.toStored()).toEqual({ a: T0 });
		});

		it('never changes the object it was given: the trigger stores a new one', () => {
			const stored = { a: T0 };
			const memory = DeliveryMemory.fromStored(stored);
			memory.record('b', T0 + 1, limits);
			expect(stored).toEqual({ a: T0 });
			expect(memory.toStored()).not.toBe(stored);
		});
	});
});

describe('isStoredDelivery', () => {
	it('finds a delivery that static data remembers until it expires', () => {
		expect(isStoredDelivery({ a: T0 }, 'a', T0 + HOUR, limits)).toBe(true);
		expect(isStoredDelivery({ a: T0 }, 'a', T0 + 24 * HOUR, limits)).toBe(false);
		expect(isStoredDelivery({ a: T0 }, 'b', T0, limits)).toBe(false);
	});

	it.each([
		['nothing stored', undefined, 'a'],
		['a value that is not an object', 'corrupted', 'a'],
		['a value that is not a timestamp', { a: 'yesterday' }, 'a'],
		['a name every object inherits', {}, 'toString'],
	])('finds nothing in %s', (_case, stored, id) => {
		expect(isStoredDelivery(stored, id, T0, limits)).toBe(false);
	});
});
