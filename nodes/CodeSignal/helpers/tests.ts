/** CodeSignal tests (assessments) as the node reads and emits them. */
import { isoDate } from '../../shared/codesignal/sessions';
import { normalizeUser, USER_FIELDS, type RawUser, type UserItem } from './users';

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
	scoringModel {
		type
		... on CodingScore2023ScoringModel { scoreRange { min max } }
		... on RawScoringModel { scoreRange { min max } }
	}
	emailReminderTemplates { name }
`;

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
	scoringModel?: { type?: string | null; scoreRange?: { min?: number | null; max?: number | null } | null } | null;
	emailReminderTemplates?: Array<{ name?: string | null } | null> | null;
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
	scoring: { type: string | null; min: number | null; max: number | null } | null;
	/** Names to use in "Reminders" when inviting candidates to this test. */
	reminderTemplates: string[];
}

export function normalizeTest(raw: RawTest, timeZone: string): TestItem {
	const range = raw.scoringModel?.scoreRange;
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
		scoring: raw.scoringModel
			? { type: raw.scoringModel.type ?? null, min: range?.min ?? null, max: range?.max ?? null }
			: null,
		reminderTemplates: (raw.emailReminderTemplates ?? []).flatMap((template) => (template?.name ? [template.name] : [])),
	};
}
