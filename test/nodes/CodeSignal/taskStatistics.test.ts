import { taskStatistics } from '../../../nodes/CodeSignal/helpers/taskStatistics';

/** A task result as normalizeSession emits it. */
function result(taskId: string, score: number | null, maxScore: number | null, timeSpentMs: number | null) {
	return {
		taskId,
		title: `Task ${taskId}`,
		score,
		maxScore,
		solved: score !== null && maxScore !== null && maxScore > 0 ? score >= maxScore : null,
		timeSpentMs,
	};
}

describe('taskStatistics', () => {
	it('gives each task the mean and median share of its max score, the share solved and the mean time spent', () => {
		const sessions = [
			{ tasks: [result('a', 100, 100, 60_000), result('b', 0, 300, 600_000)] },
			{ tasks: [result('a', 50, 100, 120_000), result('b', 300, 300, 900_000)] },
			{ tasks: [result('a', 100, 100, 90_000), result('b', 30, 300, 301_000)] },
		];
		expect(taskStatistics(sessions)).toEqual([
			{
				taskId: 'a',
				title: 'Task a',
				maxScore: 100,
				sessionCount: 3,
				meanScorePercent: 83.33,
				medianScorePercent: 100,
				solvedPercent: 66.67,
				meanTimeSpentMs: 90_000,
			},
			{
				taskId: 'b',
				title: 'Task b',
				maxScore: 300,
				sessionCount: 3,
				meanScorePercent: 36.67,
				medianScorePercent: 10,
				solvedPercent: 33.33,
				meanTimeSpentMs: 600_333,
			},
		]);
	});

	it('takes the median of an even count as the mean of the two middle shares', () => {
		const sessions = [10, 40, 60, 100].map((score) => ({ tasks: [result('a', score, 100, null)] }));
		expect(taskStatistics(sessions)[0]).toMatchObject({ medianScorePercent: 50, meanScorePercent: 52.5, meanTimeSpentMs: null });
	});

	it('counts a session without a usable score but does not let it skew the shares', () => {
		const sessions = [{ tasks: [result('a', 80, 100, 1000)] }, { tasks: [result('a', null, 100, null)] }];
		expect(taskStatistics(sessions)[0]).toMatchObject({
			sessionCount: 2,
			meanScorePercent: 80,
			solvedPercent: 0,
			meanTimeSpentMs: 1000,
		});
	});

	it('ignores sessions without task results and returns nothing when no session has any', () => {
		expect(taskStatistics([{ tasks: [] }, {}])).toEqual([]);
		expect(taskStatistics([{}, { tasks: [result('a', 1, 2, 3)] }])).toHaveLength(1);
	});

	it('keeps tasks without an ID apart by their position', () => {
		const unnamed = (score: number) => ({ ...result('x', score, 10, null), taskId: null });
		const stats = taskStatistics([{ tasks: [unnamed(10), unnamed(0)] }, { tasks: [unnamed(5), unnamed(0)] }]);
		expect(stats.map((task) => task.meanScorePercent)).toEqual([75, 0]);
	});
});
