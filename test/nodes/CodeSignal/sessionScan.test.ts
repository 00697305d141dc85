import { scanTestSessions, sessionVerdict } from '../../../nodes/CodeSignal/helpers/sessionScan';
import type { CodeSignalClient, GraphqlOperation } from '../../../nodes/shared/codesignal/transport';

const MINUTE = 60_000;
const NOW = Date.parse('2026-05-01T12:00:00Z');

describe('sessionVerdict', () => {
	const finishedAt = (minutesAgo: number) => ({ status: 'over', finishDate: NOW - minutesAgo * MINUTE });
	const pending = { status: 'pending', finishDate: null };

	it('keeps everything without filters', () => {
		expect(sessionVerdict(pending, {})).toBe('keep');
		expect(sessionVerdict(finishedAt(5), { statuses: [] })).toBe('keep');
	});

	it('stops at the first session finished before "finished after" and keeps that boundary inclusive', () => {
		const filters = { finishedAfter: NOW - 10 * MINUTE };
		expect(sessionVerdict(finishedAt(10), filters)).toBe('keep');
		expect(sessionVerdict(finishedAt(11), filters)).toBe('stop');
	});

	it('skips unfinished sessions under a finish-date filter without stopping, wherever the API lists them', () => {
		expect(sessionVerdict(pending, { finishedAfter: NOW - MINUTE })).toBe('skip');
		expect(sessionVerdict(pending, { finishedBefore: NOW })).toBe('skip');
	});

	it('skips sessions finished at or after "finished before"', () => {
		expect(sessionVerdict(finishedAt(0), { finishedBefore: NOW })).toBe('skip');
		expect(sessionVerdict(finishedAt(1), { finishedBefore: NOW })).toBe('keep');
	});

	it('skips other statuses', () => {
		expect(sessionVerdict(pending, { statuses: ['over'] })).toBe('skip');
		expect(sessionVerdict(finishedAt(1), { statuses: ['over', 'archived'] })).toBe('keep');
	});
});

describe('scanTestSessions', () => {
	const document: GraphqlOperation = {
		name: 'ListSessions',
		action: 'list',
		document: 'query ListSessions($testId: ID!, $first: Int, $offset: Int) { companyTestSessions(companyTestId: $testId, first: $first, offset: $offset) { id status finishDate } }',
	};

	/** A test of `finished` sessions one minute apart, newest first, then `pending` unfinished ones. */
	function fakeClient(finished: number, pending: number) {
		const sessions = [
			...Array.from({ length: finished }, (_, index) => ({ id: `f${index}`, status: 'over', finishDate: NOW - index * MINUTE })),
			...Array.from({ length: pending }, (_, index) => ({ id: `p${index}`, status: 'pending', finishDate: null })),
		];
		const pages: Array<{ first: number; offset: number }> = [];
		const client: CodeSignalClient = {
			async request<T>(_operation: GraphqlOperation, variables: Record<string, unknown> = {}) {
				const { first, offset } = variables as { first: number; offset: number };
				pages.push({ first, offset });
				return { companyTestSessions: sessions.slice(offset, offset + first) } as T;
			},
		};
		return { client, pages };
	}

	async function collect(client: CodeSignalClient, scan: Parameters<typeof scanTestSessions>[2]) {
		const all: Array<{ id: string; status: string }> = [];
		for await (const page of scanTestSessions<{ id: string; status: string; finishDate: number | null }>(client, document, scan)) {
			all.push(...page);
		}
		return all;
	}

	it('reads every page of a test, ending on the short page', async () => {
		const { client, pages } = fakeClient(45, 5);
		const sessions = await collect(client, { testId: 't', filters: {}, returnAll: true });
		expect(sessions).toHaveLength(50);
		expect(pages).toEqual([
			{ first: 20, offset: 0 },
			{ first: 20, offset: 20 },
			{ first: 20, offset: 40 },
		]);
	});

	it('stops paging once past "finished after" instead of reading the whole test', async () => {
		const { client, pages } = fakeClient(1000, 50);
		const sessions = await collect(client, { testId: 't', filters: { finishedAfter: NOW - 29 * MINUTE }, returnAll: true });
		expect(sessions.map((session) => session.id)).toEqual(Array.from({ length: 30 }, (_, index) => `f${index}`));
		expect(pages).toHaveLength(2);
	});

	it('counts the limit in matching sessions and asks for no page past it', async () => {
		const { client, pages } = fakeClient(10, 30);
		const sessions = await collect(client, { testId: 't', filters: { statuses: ['pending'] }, returnAll: false, limit: 15 });
		expect(sessions).toHaveLength(15);
		expect(sessions.every((session) => session.status === 'pending')).toBe(true);
		expect(pages).toHaveLength(2);
	});

	it('asks for a page no larger than the limit when nothing is filtered', async () => {
		const { client, pages } = fakeClient(100, 0);
		expect(await collect(client, { testId: 't', filters: {}, returnAll: false, limit: 5 })).toHaveLength(5);
		expect(pages).toEqual([{ first: 5, offset: 0 }]);
	});

	it('uses the page size asked for', async () => {
		const { client, pages } = fakeClient(12, 0);
		await collect(client, { testId: 't', filters: {}, returnAll: true, pageSize: 5 });
		expect(pages.map((page) => page.first)).toEqual([5, 5, 5]);
	});
});
