import { DateTime } from 'luxon';

import type { CodeSignalSandbox, SessionRecord, TestRecord } from '../../../sandbox/codesignal';
import { sessionDetails } from '../../../sandbox/codesignal/resultDetails';
import { byId, runJson, startSandbox, TIME_ZONE } from './harness';

const NOW = Date.parse('2026-10-01T00:00:00Z');
const MINUTE = 60_000;

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ now: () => NOW, dataset: { tests: 24 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

describe('Company → Get', () => {
	it('reads the API key\'s company', async () => {
		expect(await runJson(sandbox, { resource: 'company', operation: 'get' })).toEqual([
			expect.objectContaining({ id: sandbox.store.company.id, name: sandbox.store.company.name }),
		]);
	});
});

describe('Test → Get', () => {
	it('reads a test with its scoring range and reminder templates', async () => {
		const test = sandbox.store.tests()[0];
		const [item] = await runJson(sandbox, { resource: 'test', operation: 'get', test: byId(test.id) });
		expect(item).toMatchObject({
			id: test.id,
			title: test.title,
			labels: test.labels,
			durationMs: test.duration,
			createdAt: DateTime.fromMillis(test.createDate, { zone: TIME_ZONE }).toISO(),
			reminderTemplates: test.emailReminderTemplates.map((template) => template.name),
		});
		expect(item.scoring.type).toBe(test.scoringModel.type);
	});
});

describe('Test → Get Many', () => {
	const getMany = (parameters: object) => runJson(sandbox, { resource: 'test', operation: 'getAll', ...parameters });

	it('returns all tests over several pages, or up to the limit', async () => {
		expect(await getMany({ returnAll: true })).toHaveLength(sandbox.store.tests().length);
		expect(sandbox.stats().requests).toBe(Math.ceil(sandbox.store.tests().length / 20));
		expect(await getMany({ returnAll: false, limit: 3 })).toHaveLength(3);
	});

	it('searches titles, filters labels and sorts', async () => {
		const bySearch = await getMany({ returnAll: true, filters: { titleSearchText: 'backend' } });
		expect(bySearch.length).toBeGreaterThan(0);
		expect(bySearch.every((test) => /backend/i.test(test.title))).toBe(true);

		const byLabel = await getMany({ returnAll: true, filters: { labels: ['analytics'] } });
		expect(byLabel.map((test) => test.id).sort()).toEqual(
			sandbox.store.tests().filter((test) => test.labels.includes('analytics')).map((test) => test.id).sort(),
		);

		const sorted = await getMany({ returnAll: true, options: { sortBy: 'title', sortDirection: 'asc' } });
		const titles = sorted.map((test) => test.title as string);
		expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
	});
});

describe('Test → Get Task Statistics', () => {
	let test: TestRecord;
	let finished: SessionRecord[];

	beforeAll(() => {
		test = sandbox.store.addTest({ title: 'Statistics Test' });
		const sessions = sandbox.store.addSessions(test.id, 9, { status: 'pending' });
		// Each task: a spread of scores, from nothing to full points.
		finished = sessions.slice(0, 7).map((session, index) =>
			sandbox.store.finishSession(session.id, NOW - (index + 1) * 10 * MINUTE, {
				taskScores: test.slots.map((slot, slotIndex) => Math.round((slot.maxScore * ((index + slotIndex) % 5)) / 4)),
			}),
		);
	});

	/** What the statistics must say, computed from the sandbox's own records. */
	function expectedFor(sessions: SessionRecord[]) {
		return test.slots.map((slot, slotIndex) => {
			const shares = sessions.map((session) => session.result!.taskScores[slotIndex] / slot.maxScore).sort((a, b) => a - b);
			const middle = Math.floor(shares.length / 2);
			const median = shares.length % 2 ? shares[middle] : (shares[middle - 1] + shares[middle]) / 2;
			const times = sessions.map((session) => sessionDetails(session, test, session.result!).taskResults[slotIndex].timeSpent);
			const percent = (share: number) => Math.round(share * 10_000) / 100;
			return {
				testId: test.id,
				taskId: slot.task.id,
				title: slot.task.title,
				maxScore: slot.maxScore,
				sessionCount: sessions.length,
				meanScorePercent: percent(shares.reduce((sum, share) => sum + share, 0) / shares.length),
				medianScorePercent: percent(median),
				solvedPercent: percent(shares.filter((share) => share === 1).length / shares.length),
				meanTimeSpentMs: Math.round(times.reduce((sum, time) => sum + time, 0) / times.length),
			};
		});
	}

	it('gives one item per task, over the finished sessions only', async () => {
		const items = await runJson(sandbox, { resource: 'test', operation: 'getTaskStatistics', test: byId(test.id) });
		expect(items).toEqual(expectedFor(finished));
	});

	it('limits the analysis to sessions finished in a period', async () => {
		const items = await runJson(sandbox, {
			resource: 'test',
			operation: 'getTaskStatistics',
			test: byId(test.id),
			filters: { finishedAfter: DateTime.fromMillis(NOW - 30 * MINUTE, { zone: TIME_ZONE }).toISO() },
		});
		expect(items).toEqual(expectedFor(finished.slice(0, 3)));
	});

	it('returns nothing for a test that nobody finished', async () => {
		const untouched = sandbox.store.addTest({ title: 'Nobody Finished' });
		sandbox.store.addSessions(untouched.id, 3, { status: 'pending' });
		expect(await runJson(sandbox, { resource: 'test', operation: 'getTaskStatistics', test: byId(untouched.id) })).toEqual([]);
	});
});
