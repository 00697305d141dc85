/**
 * Question-difficulty analysis (CodeSignal's article): for each task of a test, how the finished
 * sessions scored on it. A task few solve and whose scores sit low is hard; one everyone solves is easy.
 */
import type { SessionTaskItem } from '../../shared/codesignal/sessions';

export interface TaskStatistics {
	taskId: string | null;
	title: string | null;
	/** The points the task is worth in this test. */
	maxScore: number | null;
	/** Finished sessions with a result for this task. */
	sessionCount: number;
	/** Mean and median share of `maxScore` scored, in percent. */
	meanScorePercent: number | null;
	medianScorePercent: number | null;
	/** Share of sessions that scored full points, in percent. */
	solvedPercent: number | null;
	meanTimeSpentMs: number | null;
}

type TaskResult = Pick<SessionTaskItem, 'taskId' | 'title' | 'score' | 'maxScore' | 'solved' | 'timeSpentMs'>;

interface Accumulator {
	taskId: string | null;
	title: string | null;
	maxScore: number | null;
	sessionCount: number;
	shares: number[];
	solvedFlags: boolean[];
	timesSpent: number[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const percent = (value: number | null) => (value === null ? null : round2(value * 100));

/** One entry per task, in the order tasks first appear; sessions without task results are ignored. */
export function taskStatistics(sessions: Array<{ tasks?: TaskResult[] }>): TaskStatistics[] {
	const byTask = new Map<string, Accumulator>();
	for (const session of sessions) {
		(session.tasks ?? []).forEach((task, position) => {
			const key = task.taskId ?? `#${position}`;
			let entry = byTask.get(key);
			if (!entry) {
				entry = { taskId: task.taskId, title: task.title, maxScore: null, sessionCount: 0, shares: [], solvedFlags: [], timesSpent: [] };
				byTask.set(key, entry);
			}
			entry.sessionCount++;
			entry.title ??= task.title;
			entry.maxScore = task.maxScore ?? entry.maxScore;
			if (task.score !== null && task.maxScore !== null && task.maxScore > 0) entry.shares.push(task.score / task.maxScore);
			if (task.solved !== null) entry.solvedFlags.push(task.solved);
			if (task.timeSpentMs !== null) entry.timesSpent.push(task.timeSpentMs);
		});
	}
	return [...byTask.values()].map((entry) => {
		const meanTime = mean(entry.timesSpent);
		return {
			taskId: entry.taskId,
			title: entry.title,
			maxScore: entry.maxScore,
			sessionCount: entry.sessionCount,
			meanScorePercent: percent(mean(entry.shares)),
			medianScorePercent: percent(median(entry.shares)),
			solvedPercent: percent(mean(entry.solvedFlags.map((solved) => (solved ? 1 : 0)))),
			meanTimeSpentMs: meanTime === null ? null : Math.round(meanTime),
		};
	});
}
