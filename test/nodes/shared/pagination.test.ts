import { collectAll, PageSizeWatch, paginate, planPageSize, type PageRequest } from '../../../nodes/shared/pagination';

/** A plain list of `total` numbers served by offset, recording every page asked for. */
function plainList(total: number) {
	const requests: PageRequest[] = [];
	const fetchPage = async ({ first, offset }: PageRequest) => {
		requests.push({ first, offset });
		return { items: Array.from({ length: Math.max(0, Math.min(first, total - offset)) }, (_, i) => offset + i) };
	};
	return { requests, fetchPage };
}

describe('planPageSize', () => {
	it('defaults to 20 and respects the requested size', () => {
		expect(planPageSize({ returnAll: true })).toBe(20);
		expect(planPageSize({ returnAll: true, pageSize: 5 })).toBe(5);
	});

	it('never asks for more than the cost limit allows', () => {
		expect(planPageSize({ returnAll: true, pageSize: 20, costPerItem: 1200 })).toBe(8);
		expect(planPageSize({ returnAll: true, pageSize: 20, costPerItem: 20_000 })).toBe(1);
	});

	it('asks only for what the limit still needs', () => {
		expect(planPageSize({ returnAll: false, limit: 45 }, 40)).toBe(5);
	});

	it('names a bad page size or limit', () => {
		expect(() => planPageSize({ returnAll: true, pageSize: 0 })).toThrow('Page size must be a whole number of at least 1, got 0');
		expect(() => planPageSize({ returnAll: false, limit: 2.5 })).toThrow('Limit must be a whole number of at least 1, got 2.5');
	});
});

describe('paginate', () => {
	it('returns every item of a plain list once and stops on the short page', async () => {
		const list = plainList(45);
		const items = await collectAll(list.fetchPage, { returnAll: true });
		expect(items).toEqual(Array.from({ length: 45 }, (_, i) => i));
		expect(list.requests).toEqual([
			{ first: 20, offset: 0 },
			{ first: 20, offset: 20 },
			{ first: 20, offset: 40 },
		]);
	});

	it('asks one more page when a plain list ends exactly on a page boundary', async () => {
		const list = plainList(40);
		expect(await collectAll(list.fetchPage, { returnAll: true })).toHaveLength(40);
		expect(list.requests.map((request) => request.offset)).toEqual([0, 20, 40]);
	});

	it('stops at the limit without asking for more', async () => {
		const list = plainList(1000);
		expect(await collectAll(list.fetchPage, { returnAll: false, limit: 25 })).toEqual(
			Array.from({ length: 25 }, (_, i) => i),
		);
		expect(list.requests).toEqual([
			{ first: 20, offset: 0 },
			{ first: 5, offset: 20 },
		]);
	});

	it('follows pageInfo.hasNextPage on wrapped lists', async () => {
		const requests: number[] = [];
		const items = await collectAll(
			async ({ offset }) => {
				requests.push(offset);
				return { items: [offset, offset + 1], hasNextPage: offset < 4 };
			},
			{ returnAll: true, pageSize: 2 },
		);
		expect(items).toEqual([0, 1, 2, 3, 4, 5]);
		expect(requests).toEqual([0, 2, 4]);
	});

	it('lets the caller stop early and resume from an offset', async () => {
		const list = plainList(100);
		const seen: number[] = [];
		for await (const page of paginate(list.fetchPage, { returnAll: true, pageSize: 10, startOffset: 30 })) {
			seen.push(...page);
			if (page[page.length - 1] >= 49) break;
		}
		expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => 30 + i));
		expect(list.requests).toHaveLength(2);
	});

	it('propagates a failed page instead of skipping it', async () => {
		let calls = 0;
		const failing = async ({ first, offset }: PageRequest) => {
			calls++;
			if (offset === 20) throw new Error('page at offset 20 failed');
			return { items: Array.from({ length: first }, (_, i) => offset + i) };
		};
		await expect(collectAll(failing, { returnAll: true })).rejects.toThrow('page at offset 20 failed');
		expect(calls).toBe(2);
	});
});

describe('paginate over a plain list that holds nulls, is capped silently, or moves while it is read', () => {
	/** A plain list of numbers served by offset, with null entries where `isNull` says, capped at `cap`. */
	function serverList(total: number, options: { cap?: number; isNull?: (n: number) => boolean } = {}) {
		const requests: PageRequest[] = [];
		const values = Array.from({ length: total }, (_, n) => (options.isNull?.(n) ? null : n));
		const fetchPage = async ({ first, offset }: PageRequest) => {
			requests.push({ first, offset });
			return { items: values.slice(offset, offset + Math.min(first, options.cap ?? first)) };
		};
		return { requests, values, fetchPage };
	}

	it('counts a null entry as an entry: a page with one does not end the list, and nulls are reported, not emitted', async () => {
		const list = serverList(47, { isNull: (n) => n % 10 === 3 });
		const reported: Array<[number, number]> = [];
		const items = await collectAll(list.fetchPage, {
			returnAll: true,
			onNulls: (count, offset) => reported.push([count, offset]),
		});
		expect(items).toEqual(list.values.filter((value) => value !== null));
		expect(reported).toEqual([
			[2, 0],
			[2, 20],
			[1, 40],
		]);
		expect(list.requests.map((request) => request.offset)).toEqual([0, 20, 40]);
	});

	it('finds a silent cap on `first` with one more read, and reads the rest at the cap', async () => {
		const list = serverList(147, { cap: 20 });
		const caps: Array<[number, number]> = [];
		const watch = new PageSizeWatch((cap, asked) => caps.push([cap, asked]));
		const items = await collectAll(list.fetchPage, { returnAll: true, pageSize: 50, watch });
		expect(items).toEqual(list.values);
		expect(caps).toEqual([[20, 50]]);
		expect(list.requests).toEqual([
			{ first: 50, offset: 0 },
			{ first: 50, offset: 20 },
			...[40, 60, 80, 100, 120, 140].map((offset) => ({ first: 20, offset })),
		]);
	});

	it('takes a short page of 20 or more, when more were asked and nothing follows, for the end after one check', async () => {
		const list = serverList(23);
		expect(await collectAll(list.fetchPage, { returnAll: true, pageSize: 50 })).toHaveLength(23);
		expect(list.requests).toEqual([
			{ first: 50, offset: 0 },
			{ first: 50, offset: 23 },
		]);
	});

	it('ends on an empty last page', async () => {
		const list = serverList(40);
		expect(await collectAll(list.fetchPage, { returnAll: true })).toHaveLength(40);
		expect(list.requests.map((request) => request.offset)).toEqual([0, 20, 40]);
	});

	it('yields each item once when one is inserted at the top while the list is paged', async () => {
		const values = Array.from({ length: 45 }, (_, n) => ({ id: `s${n}` }));
		let inserted = 0;
		const fetchPage = async ({ first, offset }: PageRequest) => {
			const page = values.slice(offset, offset + first);
			values.unshift({ id: `new${++inserted}` });
			return { items: page };
		};
		const items = await collectAll(fetchPage, { returnAll: true, idOf: (item) => item.id });
		const ids = items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(Array.from({ length: 45 }, (_, n) => `s${n}`)));
	});
});
