import { recallDelivery, type DeliveryMemory } from '../../../../../nodes/shared/codesignal/webhook/duplicates';

const HOUR = 3_600_000;
const limits = { maxEntries: 3, maxAgeMs: 24 * HOUR };
const T0 = Date.UTC(2026, 4, 1);

/** Delivers ids one per minute from T0, threading the memory through like static data. */
function deliverAll(ids: string[], memory: DeliveryMemory = {}) {
	const duplicates: string[] = [];
	ids.forEach((id, index) => {
		const recollection = recallDelivery(memory, id, T0 + index * 60_000, limits);
		if (recollection.duplicate) duplicates.push(id);
		memory = recollection.memory;
	});
	return { memory, duplicates };
}

describe('recallDelivery', () => {
	it('reports a delivery seen before as a duplicate, and a new one as new', () => {
		expect(deliverAll(['a', 'b', 'a', 'c', 'b']).duplicates).toEqual(['a', 'b']);
	});

	it('remembers when each delivery was first received', () => {
		expect(deliverAll(['a', 'b', 'a']).memory).toEqual({ a: T0, b: T0 + 60_000 });
	});

	it('keeps at most maxEntries, forgetting the oldest', () => {
		const { memory } = deliverAll(['a', 'b', 'c', 'd']);
		expect(Object.keys(memory)).toEqual(['b', 'c', 'd']);
		expect(recallDelivery(memory, 'a', T0 + 10 * 60_000, limits).duplicate).toBe(false);
	});

	it('keeps the newest delivery when several arrive in the same millisecond', () => {
		let memory: DeliveryMemory = {};
		for (const id of ['a', 'b', 'c', 'd']) memory = recallDelivery(memory, id, T0, limits).memory;
		expect(Object.keys(memory)).toEqual(['b', 'c', 'd']);
	});

	it('forgets deliveries older than maxAgeMs', () => {
		const { memory } = deliverAll(['a']);
		expect(recallDelivery(memory, 'a', T0 + 24 * HOUR - 1, limits).duplicate).toBe(true);
		const later = recallDelivery(memory, 'a', T0 + 24 * HOUR, limits);
		expect(later).toEqual({ duplicate: false, memory: { a: T0 + 24 * HOUR } });
	});

	it('remembers nothing when maxEntries is 0', () => {
		const off = { ...limits, maxEntries: 0 };
		expect(recallDelivery({ a: T0 }, 'a', T0, off)).toEqual({ duplicate: false, memory: {} });
	});

	it.each([
		['nothing stored yet', undefined],
		['a value that is not an object', 'corrupted'],
		['entries that are not timestamps', { x: 'yesterday', y: null }],
	])('starts afresh from %s', (_case, stored) => {
		expect(recallDelivery(stored, 'a', T0, limits)).toEqual({ duplicate: false, memory: { a: T0 } });
	});

	it('does not change the memory it was given', () => {
		const stored = { a: T0 };
		recallDelivery(stored, 'b', T0 + 1, limits);
		expect(stored).toEqual({ a: T0 });
	});
});
