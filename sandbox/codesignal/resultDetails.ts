/**
 * A finished session's details (solutions, timings, integrity, AI summary), generated on demand from the
 * session's own seed: the same every time, and never stored, so 100,000 sessions stay light.
 */
import { CODE_LANGUAGES, type CodeLanguage } from './content';
import { MINUTE } from './generator';
import type { ResultRecord, SessionRecord, TestRecord, TestSlot } from './model';
import { Random } from './random';
import { aiSummary, solutionSources, type SolutionSourceRecord } from './texts';

const APP_URL = 'https://app.codesignal.com';

export interface TaskResultView {
	sessionTask: TestSlot;
	score: number;
	solution: Record<string, unknown> | null;
	replayUrl: string;
	solveTime: number | null;
	timeSpent: number;
	timeOpen: number;
	levelResults: null;
	levelResult: null;
	integrityReport: Record<string, unknown>;
}

export interface SessionDetails {
	language: CodeLanguage;
	taskResults: TaskResultView[];
	coreSkillScores: { implementation: number; problemSolving: number; speed: number };
	aiSummary: string;
	totalTimeClosed: number;
}

/** The secret part of the result link. */
export function accessToken(session: SessionRecord): string {
	return new Random(session.detailSeed + 1).token();
}

export function resultUrl(session: SessionRecord): string {
	return `${APP_URL}/test-result/${session.id}?accessToken=${accessToken(session)}`;
}

export function invitationUrl(session: SessionRecord): string {
	return `${APP_URL}/test/${session.id}/invitation`;
}

export function sessionScore(result: ResultRecord): number {
	return result.taskScores.reduce((sum, points) => sum + points, 0);
}

export function solvedTaskCount(test: TestRecord, result: ResultRecord): number {
	return test.slots.filter(
		(slot, index) => result.taskScores[index] === slot.maxScore && slot.maxScore > 0,
	).length;
}

function clampPercent(value: number): number {
	return Math.round(Math.min(100, Math.max(0, value)));
}

function solution(
	rng: Random,
	session: SessionRecord,
	slot: TestSlot,
	score: number,
	language: CodeLanguage,
) {
	const id = rng.id();
	if (slot.task.solutionStyle === 'quiz') {
		const options = slot.task.quizOptions ?? [];
		const correct = score === slot.maxScore;
		const chosen = options.find((option) => option.isCorrect === correct) ?? options[0];
		return {
			__typename: 'QuizSolution',
			id,
			options: options.map((option) => ({ ...option, isSelected: option === chosen })),
			answer: chosen ? [chosen.description] : [],
		};
	}
	const sources: SolutionSourceRecord[] = solutionSources(rng, slot.task, language);
	return {
		__typename: 'CodingSolution',
		id,
		plagiarismLabel: 'none',
		sources,
		url: `${APP_URL}/test-result/${session.id}/solution/${slot.task.id}`,
	};
}

function integrityReport(rng: Random, quiz: boolean) {
	if (quiz) {
		return {
			status: 'ready',
			suspicionScore: 'not_applicable',
			solutionSimilarity: { score: 'not_applicable', similarSolutionSources: [] },
			suspiciousActivity: null,
			typingLinearity: 'not_applicable',
		};
	}
	const suspicion = rng.weighted({ none: 70, low: 15, medium: 10, high: 5 });
	const pastes = suspicion === 'none' ? 0 : rng.int(1, 4);
	return {
		status: 'ready',
		suspicionScore: suspicion,
		solutionSimilarity: {
			score: suspicion === 'high' ? 'high' : 'none',
			similarSolutionSources: [],
		},
		suspiciousActivity: {
			pasteEventsCount: pastes,
			pasteSizes: Array.from({ length: pastes }, () => rng.int(20, 900)),
			descriptionCopied: suspicion === 'high',
		},
		typingLinearity: rng.pick(['low', 'medium', 'high']),
	};
}

export function sessionDetails(
	session: SessionRecord,
	test: TestRecord,
	result: ResultRecord,
): SessionDetails {
	const rng = new Random(session.detailSeed + 2);
	const language = rng.pick(CODE_LANGUAGES);
	const submittedNothing = sessionScore(result) === 0;
	const taskResults = test.slots.map((slot, index): TaskResultView => {
		const score = result.taskScores[index] ?? 0;
		const timeSpent = rng.int(2, 30) * MINUTE + rng.int(0, 59_999);
		return {
			sessionTask: slot,
			score,
			solution: submittedNothing ? null : solution(rng, session, slot, score, language),
			replayUrl: `${APP_URL}/test-result/${session.id}/replay/${slot.task.id}`,
			solveTime: score === slot.maxScore && slot.maxScore > 0 ? Math.round(timeSpent * 0.8) : null,
			timeSpent,
			timeOpen: timeSpent + rng.int(0, 10) * MINUTE,
			levelResults: null,
			levelResult: null,
			integrityReport: integrityReport(rng, slot.task.solutionStyle === 'quiz'),
		};
	});
	const maxScore = test.slots.reduce((sum, slot) => sum + slot.maxScore, 0);
	const share = maxScore === 0 ? 0 : (100 * sessionScore(result)) / maxScore;
	const coreSkillScores = {
		implementation: clampPercent(share + rng.int(-10, 10)),
		problemSolving: clampPercent(share + rng.int(-10, 10)),
		speed: clampPercent(share + rng.int(-20, 20)),
	};
	const skillNames = {
		implementation: 'implementation',
		problemSolving: 'problem solving',
		speed: 'speed',
	};
	const strongest = (Object.keys(skillNames) as Array<keyof typeof skillNames>).reduce(
		(best, skill) => (coreSkillScores[skill] > coreSkillScores[best] ? skill : best),
	);
	return {
		language,
		taskResults,
		coreSkillScores,
		aiSummary: aiSummary(
			rng,
			solvedTaskCount(test, result),
			test.slots.length,
			skillNames[strongest],
		),
		totalTimeClosed: rng.int(0, 5) * MINUTE,
	};
}
