/**
 * Test sessions as every node of the package reads and emits them: the GraphQL selections per detail
 * level, the documents that fetch them, and one stable, flat item shape.
 */
import { DateTime } from 'luxon';

import type { GraphqlOperation } from './transport';

export type SessionDetail = 'summary' | 'results' | 'full';

/** A company's own test sessions, or standardized (certification) ones, which differ in a few fields. */
export type SessionKind = 'company' | 'standardized';

const SUMMARY_FIELDS = `
	id
	status
	testTaker { email firstName lastName }
	maxScore
	createDate
	startDate
	finishDate
	expirationDate
	labels
	taskCount
	customDuration
	verificationStatus
	integrityReviewSuggested
	test { id title }
`;

const SCORING_MODEL = `
	scoringModel {
		type
		... on CodingScore2023ScoringModel { scoreRange { min max } }
		... on RawScoringModel { scoreRange { min max } }
	}
`;

/** A company test has a scoring model; a standardized test has it through its framework. */
const KIND_FIELDS: Record<SessionKind, { summary: string; results: string }> = {
	company: { summary: 'invitationUrl', results: `test { ${SCORING_MODEL} }` },
	standardized: { summary: 'result { certificationStatus }', results: `test { framework { ${SCORING_MODEL} } }` },
};

const RESULT_FIELDS = `
	result {
		score
		solvedTaskCount
		url
		versionedCodingScore { version value }
		aiInsights { summary }
		taskResults {
			score
			timeSpent
			solveTime
			sessionTask { maxScore task { id title } }
			integrityReport { suspicionScore }
			solution { ... on CodingSolution { sources { language } } }
		}
	}
`;

const FULL_FIELDS = `
	result {
		coreSkillScores { implementation problemSolving speed }
		taskResults {
			sessionTask { task { generalType ... on SingleEnvironmentTask { description } } }
			solution {
				... on CodingSolution { sources { language path source } }
				... on QuizSolution { answer }
			}
		}
	}
`;

export function sessionSelection(detail: SessionDetail, kind: SessionKind = 'company'): string {
	const { summary, results } = KIND_FIELDS[kind];
	const parts = [SUMMARY_FIELDS, summary];
	if (detail !== 'summary') parts.push(results, RESULT_FIELDS);
	if (detail === 'full') parts.push(FULL_FIELDS);
	return parts.join('\n');
}

function getSessionDocument(detail: SessionDetail): GraphqlOperation {
	return {
		name: 'GetTestSession',
		action: 'read the test session',
		document: /* GraphQL */ `
			query GetTestSession($id: ID!) {
				companyTestSession(id: $id) { ${sessionSelection(detail)} }
			}
		`,
	};
}

function listSessionsDocument(detail: SessionDetail): GraphqlOperation {
	return {
		name: 'ListTestSessions',
		action: 'list the test sessions of a test',
		document: /* GraphQL */ `
			query ListTestSessions($testId: ID!, $first: Int, $offset: Int, $ids: [ID!]) {
				companyTestSessions(companyTestId: $testId, first: $first, offset: $offset, ids: $ids) {
					${sessionSelection(detail)}
				}
			}
		`,
	};
}

/** Documents per detail level, built once so that each can be validated and reused. */
export const sessionDocuments = {
	get: { summary: getSessionDocument('summary'), results: getSessionDocument('results'), full: getSessionDocument('full') },
	list: { summary: listSessionsDocument('summary'), results: listSessionsDocument('results'), full: listSessionsDocument('full') },
};

/** The session as CodeSignal returns it for the selections above (fields absent at lower detail). */
export interface RawSession {
	id: string;
	status: string;
	testTaker?: { email?: string | null; firstName?: string | null; lastName?: string | null } | null;
	maxScore?: number | null;
	createDate?: number | null;
	startDate?: number | null;
	finishDate?: number | null;
	expirationDate?: number | null;
	invitationUrl?: string | null;
	labels?: Array<string | null> | null;
	taskCount?: number | null;
	customDuration?: number | null;
	verificationStatus?: 'pending' | 'verified' | 'notVerified' | null;
	integrityReviewSuggested?: boolean | null;
	test?: {
		id?: string;
		title?: string;
		scoringModel?: RawScoringModel | null;
		/** Standardized tests only: their scoring model is the framework's. */
		framework?: { scoringModel?: RawScoringModel | null } | null;
	} | null;
	result?: {
		/** Standardized sessions only. */
		certificationStatus?: 'certified' | 'pending' | 'rejected' | null;
		score?: number | null;
		solvedTaskCount?: number | null;
		url?: string | null;
		versionedCodingScore?: { version?: string | null; value?: number | null } | null;
		aiInsights?: { summary?: string | null } | null;
		coreSkillScores?: { implementation?: number | null; problemSolving?: number | null; speed?: number | null } | null;
		taskResults?: Array<RawTaskResult | null> | null;
	} | null;
}

export interface RawScoringModel {
	type?: string;
	scoreRange?: { min?: number | null; max?: number | null } | null;
}

export interface RawTaskResult {
	score?: number | null;
	timeSpent?: number | null;
	solveTime?: number | null;
	sessionTask?: {
		maxScore?: number | null;
		task?: { id?: string; title?: string; generalType?: string; description?: string } | null;
	} | null;
	integrityReport?: { suspicionScore?: string | null } | null;
	solution?: {
		sources?: Array<{ language?: string | null; path?: string | null; source?: string | null } | null> | null;
		answer?: Array<string | null> | null;
	} | null;
}

export interface SessionTaskItem {
	taskId: string | null;
	title: string | null;
	score: number | null;
	maxScore: number | null;
	scorePercent: number | null;
	solved: boolean | null;
	timeSpentMs: number | null;
	solveTimeMs: number | null;
	languages: string[];
	suspicionScore: string | null;
	type?: string | null;
	description?: string | null;
	sources?: Array<{ language: string | null; path: string | null; source: string | null }>;
	quizAnswer?: string[];
}

/** The stable shape of a test session in node output. */
export interface SessionItem {
	id: string;
	status: string;
	test: { id: string | null; title: string | null };
	candidate: { email: string | null; firstName: string | null; lastName: string | null; name: string | null };
	createdAt: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	expiresAt: string | null;
	createDate: number | null;
	startDate: number | null;
	finishDate: number | null;
	expirationDate: number | null;
	timeTakenMs: number | null;
	score: number | null;
	maxScore: number | null;
	scorePercent: number | null;
	codingScore: { value: number | null; version: string | null; min: number | null; max: number | null } | null;
	solvedTaskCount: number | null;
	taskCount: number | null;
	languages: string[];
	proctored: boolean;
	verificationStatus: string | null;
	integrityReviewSuggested: boolean | null;
	/** Integrity review suggested, or a task whose solution looks medium or highly suspicious. */
	integrityFlag: boolean | null;
	/** Finished, and verified when proctored: what "result ready" means in CodeSignal's webhooks. */
	resultReady: boolean;
	labels: string[];
	invitationUrl: string | null;
	aiSummary: string | null;
	coreSkillScores?: { implementation: number | null; problemSolving: number | null; speed: number | null } | null;
	tasks?: SessionTaskItem[];
	/** Carries an access token: present only when the user asks for it. */
	resultUrl?: string | null;
	/** Present when the session was invited with one (webhooks echo it; the API does not return it). */
	externalId?: string | null;
}

export interface NormalizeOptions {
	detail: SessionDetail;
	includeResultUrl?: boolean;
	/** IANA zone for the ISO dates (the workflow's time zone). */
	timeZone?: string;
}

const SUSPICIOUS = new Set(['medium', 'high']);

/** Sessions deleted in CodeSignal have no result left to read. */
export const REMOVED_STATUSES: ReadonlySet<string> = new Set(['deleted', 'deletedForPii']);

/** Statuses of a session still under way: whatever its dates say, its result is not final yet. */
const UNDER_WAY_STATUSES: ReadonlySet<string> = new Set(['pending', 'active', 'gracePeriod', 'finalizing']);

/**
 * Where a session's result stands. The one rule the live trigger, the backfill and Push Assessment share:
 * - `none`: no result (not finished, still under way, expired, declined);
 * - `removed`: deleted in CodeSignal;
 * - `awaitingVerification`: a proctored session whose recording is not reviewed yet;
 * - `notVerified`: final, but the proctored review failed;
 * - `ready`: final (finished, and verified when proctored).
 */
export type ResultState = 'none' | 'removed' | 'awaitingVerification' | 'notVerified' | 'ready';

export function resultStateOf(session: {
	status?: string | null;
	finishDate?: number | null;
	verificationStatus?: string | null;
}): ResultState {
	const status = session.status ?? '';
	if (REMOVED_STATUSES.has(status)) return 'removed';
	if (typeof session.finishDate !== 'number' || UNDER_WAY_STATUSES.has(status)) return 'none';
	if (session.verificationStatus === 'pending') return 'awaitingVerification';
	if (session.verificationStatus === 'notVerified') return 'notVerified';
	return 'ready';
}

export function isoDate(epochMs: number | null | undefined, timeZone = 'UTC'): string | null {
	if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) return null;
	const date = DateTime.fromMillis(epochMs, { zone: timeZone });
	return (date.isValid ? date : DateTime.fromMillis(epochMs, { zone: 'UTC' })).toISO();
}

/** Share of `max` as a percentage with two decimals; null when either is missing or max is 0. */
export function percentOf(value: number | null | undefined, max: number | null | undefined): number | null {
	if (typeof value !== 'number' || typeof max !== 'number' || max <= 0) return null;
	return Math.round((value / max) * 10_000) / 100;
}

const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

function normalizeTask(raw: RawTaskResult, detail: SessionDetail): SessionTaskItem {
	const maxScore = orNull(raw.sessionTask?.maxScore);
	const score = orNull(raw.score);
	const sources = (raw.solution?.sources ?? []).filter((source) => source !== null);
	const task: SessionTaskItem = {
		taskId: orNull(raw.sessionTask?.task?.id),
		title: orNull(raw.sessionTask?.task?.title),
		score,
		maxScore,
		scorePercent: percentOf(score, maxScore),
		solved: score !== null && maxScore !== null && maxScore > 0 ? score >= maxScore : null,
		timeSpentMs: orNull(raw.timeSpent),
		solveTimeMs: orNull(raw.solveTime),
		languages: [...new Set(sources.map((source) => source!.language).filter((l): l is string => !!l))],
		suspicionScore: orNull(raw.integrityReport?.suspicionScore),
	};
	if (detail === 'full') {
		task.type = orNull(raw.sessionTask?.task?.generalType);
		task.description = orNull(raw.sessionTask?.task?.description);
		task.sources = sources.map((source) => ({
			language: orNull(source!.language),
			path: orNull(source!.path),
			source: orNull(source!.source),
		}));
		if (raw.solution?.answer) task.quizAnswer = raw.solution.answer.filter((a): a is string => a !== null);
	}
	return task;
}

export function normalizeSession(raw: RawSession, options: NormalizeOptions): SessionItem {
	const zone = options.timeZone ?? 'UTC';
	const first = orNull(raw.testTaker?.firstName);
	const last = orNull(raw.testTaker?.lastName);
	const result = raw.result ?? null;
	const tasks = options.detail === 'summary' ? undefined : (result?.taskResults ?? []).filter((t) => t !== null).map((t) => normalizeTask(t!, options.detail));
	const score = orNull(result?.score);
	const maxScore = orNull(raw.maxScore);
	const verificationStatus = orNull(raw.verificationStatus);
	const range = (raw.test?.scoringModel ?? raw.test?.framework?.scoringModel)?.scoreRange;
	const integrityReviewSuggested = orNull(raw.integrityReviewSuggested);
	const suspicious = tasks?.some((task) => task.suspicionScore !== null && SUSPICIOUS.has(task.suspicionScore));

	const item: SessionItem = {
		id: raw.id,
		status: raw.status,
		test: { id: orNull(raw.test?.id), title: orNull(raw.test?.title) },
		candidate: {
			email: orNull(raw.testTaker?.email),
			firstName: first,
			lastName: last,
			name: [first, last].filter(Boolean).join(' ') || null,
		},
		createdAt: isoDate(raw.createDate, zone),
		startedAt: isoDate(raw.startDate, zone),
		finishedAt: isoDate(raw.finishDate, zone),
		expiresAt: isoDate(raw.expirationDate, zone),
		createDate: orNull(raw.createDate),
		startDate: orNull(raw.startDate),
		finishDate: orNull(raw.finishDate),
		expirationDate: orNull(raw.expirationDate),
		timeTakenMs:
			typeof raw.startDate === 'number' && typeof raw.finishDate === 'number' ? raw.finishDate - raw.startDate : null,
		score,
		maxScore,
		scorePercent: percentOf(score, maxScore),
		codingScore: result?.versionedCodingScore
			? {
					value: orNull(result.versionedCodingScore.value),
					version: orNull(result.versionedCodingScore.version),
					min: orNull(range?.min),
					max: orNull(range?.max),
				}
			: null,
		solvedTaskCount: orNull(result?.solvedTaskCount),
		taskCount: orNull(raw.taskCount),
		languages: [...new Set((tasks ?? []).flatMap((task) => task.languages))].sort(),
		proctored: verificationStatus !== null,
		verificationStatus,
		integrityReviewSuggested,
		integrityFlag:
			integrityReviewSuggested === null && suspicious === undefined ? null : integrityReviewSuggested === true || suspicious === true,
		resultReady: resultStateOf(raw) === 'ready',
		labels: (raw.labels ?? []).filter((label): label is string => typeof label === 'string'),
		invitationUrl: orNull(raw.invitationUrl),
		aiSummary: orNull(result?.aiInsights?.summary),
	};
	if (tasks) item.tasks = tasks;
	if (options.detail === 'full') {
		const core = result?.coreSkillScores;
		item.coreSkillScores = core
			? { implementation: orNull(core.implementation), problemSolving: orNull(core.problemSolving), speed: orNull(core.speed) }
			: null;
	}
	if (options.includeResultUrl) item.resultUrl = orNull(result?.url);
	return item;
}
