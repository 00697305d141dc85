/** Interview templates (the tasks and feedback form of a live interview) as the node emits them. */
import { HOUR_MS } from '../../shared/inputs';
import { normalizeUser, USER_FIELDS, type RawUser, type UserItem } from './users';

export const INTERVIEW_TEMPLATE_FIELDS = `
	id
	name
	isCompanyDefault
	defaultExpirationTime
	canEdit
	author { ${USER_FIELDS} }
	team { id title }
	tasks { id title generalType }
	hasAssociatedInterviews
	taskCustomScores { id score }
	feedbackSettings {
		categories { name attributes { name details } }
		overallEvaluation { enabled details anchors }
		recommendedLevel { enabled details levels }
	}
`;

/** The feedback form interviewers fill in, as CodeSignal returns it. */
export interface FeedbackSettings {
	categories?: Array<{ name?: string | null; attributes?: Array<{ name?: string | null; details?: string | null }> | null }> | null;
	overallEvaluation?: { enabled?: boolean | null; details?: string | null; anchors?: string[] | null } | null;
	recommendedLevel?: { enabled?: boolean | null; details?: string | null; levels?: string[] | null } | null;
}

export interface RawInterviewTemplate {
	id: string;
	name?: string | null;
	isCompanyDefault?: boolean | null;
	/** Milliseconds. */
	defaultExpirationTime?: number | null;
	canEdit?: boolean | null;
	author?: RawUser | null;
	team?: { id?: string; title?: string | null } | null;
	tasks?: Array<{ id?: string; title?: string | null; generalType?: string | null } | null> | null;
	hasAssociatedInterviews?: boolean | null;
	taskCustomScores?: Array<{ id: string; score: number }> | null;
	feedbackSettings?: FeedbackSettings | null;
}

export interface InterviewTemplateItem {
	id: string;
	name: string | null;
	isCompanyDefault: boolean | null;
	/** Hours a new interview stays open. */
	defaultExpirationHours: number | null;
	canEdit: boolean | null;
	author: UserItem | null;
	team: { id: string | null; title: string | null } | null;
	tasks: Array<{ id: string | null; title: string | null; type: string | null }>;
	/** Pending or active interviews use the template. */
	hasAssociatedInterviews: boolean | null;
	/** Max scores that replace the tasks' own. */
	taskCustomScores: Array<{ taskId: string; score: number }>;
	feedbackSettings: FeedbackSettings | null;
}

export function normalizeInterviewTemplate(raw: RawInterviewTemplate): InterviewTemplateItem {
	return {
		id: raw.id,
		name: raw.name ?? null,
		isCompanyDefault: raw.isCompanyDefault ?? null,
		defaultExpirationHours: typeof raw.defaultExpirationTime === 'number' ? raw.defaultExpirationTime / HOUR_MS : null,
		canEdit: raw.canEdit ?? null,
		author: normalizeUser(raw.author),
		team: raw.team ? { id: raw.team.id ?? null, title: raw.team.title ?? null } : null,
		tasks: (raw.tasks ?? []).flatMap((task) =>
			task ? [{ id: task.id ?? null, title: task.title ?? null, type: task.generalType ?? null }] : [],
		),
		hasAssociatedInterviews: raw.hasAssociatedInterviews ?? null,
		taskCustomScores: (raw.taskCustomScores ?? []).map(({ id, score }) => ({ taskId: id, score })),
		feedbackSettings: raw.feedbackSettings ?? null,
	};
}
