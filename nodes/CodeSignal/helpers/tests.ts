/** CodeSignal tests (assessments) as the node reads and emits them. */
import { isoDate } from '../../shared/codesignal/sessions';
import { normalizeUser, USER_FIELDS, type RawUser, type UserItem } from './users';

const SCORING_MODEL_FIELDS = `
	scoringModel {
		type
		... on CodingScore2023ScoringModel { scoreRange { min max } }
		... on RawScoringModel { scoreRange { min max } }
	}
`;

export const TEST_FIELDS = `
	id
	title
	externalTitle
	internalDescription
	duration
	labels
	createDate
	author { ${USER_FIELDS} }
	framework { id title }
	${SCORING_MODEL_FIELDS}
	emailReminderTemplates { name }
`;

/** What the test mutations answer: the test as Get reads it, plus the texts and settings they change. */
export const TEST_DETAIL_FIELDS = `
	${TEST_FIELDS}
	introMessage
	outroMessage
	emailSubject
	emailMessage
	expirationEmailSubject
	expirationEmailMessage
	completionEmailSubject
	completionEmailMessage
	emailReminders { templateName timeBeforeExpiration }
	scoreRangeLabels { label scoreRange { min max } }
	resultDateLimit
`;

/** A certified-assessment framework: what a test created from a certified assessment is built on. */
export const FRAMEWORK_FIELDS = `
	id
	title
	format
	duration
	skillSets { id name }
	${SCORING_MODEL_FIELDS}
`;

/** A certified assessment (StandardizedTest) with its framework. */
export const STANDARDIZED_TEST_FIELDS = `
	id
	title
	type
	duration
	internalDescription
	introMessage
	outroMessage
	framework { ${FRAMEWORK_FIELDS} }
`;

type RawScoringModel = { type?: string | null; scoreRange?: { min?: number | null; max?: number | null } | null };
type Scoring = { type: string | null; min: number | null; max: number | null };

export interface RawTest {
	id: string;
	title?: string | null;
	externalTitle?: string | null;
	internalDescription?: string | null;
	duration?: number | null;
	labels?: string[] | null;
	createDate?: number | null;
	author?: RawUser | null;
	framework?: { id?: string; title?: string | null } | null;
	scoringModel?: RawScoringModel | null;
	emailReminderTemplates?: Array<{ name?: string | null } | null> | null;
}

export interface RawTestDetail extends RawTest {
	introMessage?: string | null;
	outroMessage?: string | null;
	emailSubject?: string | null;
	emailMessage?: string | null;
	expirationEmailSubject?: string | null;
	expirationEmailMessage?: string | null;
	completionEmailSubject?: string | null;
	completionEmailMessage?: string | null;
	emailReminders?: Array<{ templateName?: string | null; timeBeforeExpiration?: number | null } | null> | null;
	scoreRangeLabels?: Array<{ label?: string | null; scoreRange?: { min?: number | null; max?: number | null } | null } | null> | null;
	resultDateLimit?: number | null;
}

export interface RawStandardizedTest {
	id: string;
	title?: string | null;
	type?: string | null;
	duration?: number | null;
	internalDescription?: string | null;
	introMessage?: string | null;
	outroMessage?: string | null;
	framework?: RawFramework | null;
}

export interface RawFramework {
	id?: string;
	title?: string | null;
	format?: string | null;
	duration?: number | null;
	skillSets?: Array<{ id?: string; name?: string | null } | null> | null;
	scoringModel?: RawScoringModel | null;
}

export interface TestItem {
	id: string;
	title: string | null;
	externalTitle: string | null;
	description: string | null;
	durationMs: number | null;
	labels: string[];
	createdAt: string | null;
	createDate: number | null;
	author: UserItem | null;
	framework: { id: string | null; title: string | null } | null;
	scoring: Scoring | null;
	/** Names to use in "Reminders" when inviting candidates to this test. */
	reminderTemplates: string[];
}

function normalizeScoring(raw: RawScoringModel | null | undefined): Scoring | null {
	if (!raw) return null;
	return { type: raw.type ?? null, min: raw.scoreRange?.min ?? null, max: raw.scoreRange?.max ?? null };
}

export function normalizeTest(raw: RawTest, timeZone: string): TestItem {
	return {
		id: raw.id,
		title: raw.title ?? null,
		externalTitle: raw.externalTitle ?? null,
		description: raw.internalDescription ?? null,
		durationMs: raw.duration ?? null,
		labels: raw.labels ?? [],
		createdAt: isoDate(raw.createDate, timeZone),
		createDate: raw.createDate ?? null,
		author: normalizeUser(raw.author),
		framework: raw.framework ? { id: raw.framework.id ?? null, title: raw.framework.title ?? null } : null,
		scoring: normalizeScoring(raw.scoringModel),
		reminderTemplates: (raw.emailReminderTemplates ?? []).flatMap((template) => (template?.name ? [template.name] : [])),
	};
}

/** A test as the test mutations answer it: the Get item plus its texts, reminders and score labels. */
export function normalizeTestDetail(raw: RawTestDetail, timeZone: string) {
	return {
		...normalizeTest(raw, timeZone),
		introMessage: raw.introMessage ?? null,
		outroMessage: raw.outroMessage ?? null,
		emailSubject: raw.emailSubject ?? null,
		emailMessage: raw.emailMessage ?? null,
		expirationEmailSubject: raw.expirationEmailSubject ?? null,
		expirationEmailMessage: raw.expirationEmailMessage ?? null,
		completionEmailSubject: raw.completionEmailSubject ?? null,
		completionEmailMessage: raw.completionEmailMessage ?? null,
		/** Sent to every new invitation, `timeBeforeExpirationMs` before it expires. */
		reminders: (raw.emailReminders ?? []).flatMap((reminder) =>
			reminder?.templateName
				? [{ templateName: reminder.templateName, timeBeforeExpirationMs: reminder.timeBeforeExpiration ?? null }]
				: [],
		),
		scoreRangeLabels: (raw.scoreRangeLabels ?? []).flatMap((range) =>
			range?.label
				? [{ label: range.label, min: range.scoreRange?.min ?? null, max: range.scoreRange?.max ?? null }]
				: [],
		),
		resultDateLimit: raw.resultDateLimit ?? null,
	};
}

/** A certified assessment: what it is, and the framework a test created from it is built on. */
export function normalizeFramework(framework: RawFramework) {
	return {
		id: framework.id ?? null,
		title: framework.title ?? null,
		format: framework.format ?? null,
		durationMs: framework.duration ?? null,
		skillSets: (framework.skillSets ?? []).flatMap((skillSet) => (skillSet?.name ? [skillSet.name] : [])),
		scoring: normalizeScoring(framework.scoringModel),
	};
}

export function normalizeStandardizedTest(raw: RawStandardizedTest) {
	return {
		id: raw.id,
		title: raw.title ?? null,
		type: raw.type ?? null,
		durationMs: raw.duration ?? null,
		description: raw.internalDescription ?? null,
		introMessage: raw.introMessage ?? null,
		outroMessage: raw.outroMessage ?? null,
		framework: raw.framework ? normalizeFramework(raw.framework) : null,
	};
}
