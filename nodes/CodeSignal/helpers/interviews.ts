/** Live interviews and their interviewers' feedback as the node emits them. */
import { isoDate } from '../../shared/codesignal/sessions';
import { anonymizeNotes } from './anonymize';
import { normalizeUser, USER_FIELDS, type RawUser, type UserItem } from './users';

export const INTERVIEW_FIELDS = `
	id
	candidateEmail
	candidateName
	status
	proctoringStatus
	startDate
	finishDate
	url
	shortenedUrl
	trackCandidateLocation
	disableDescriptionCopy
`;

export const FEEDBACK_FIELDS = `
	interviewersFeedback {
		author { ${USER_FIELDS} }
		notes
		categories { name attributes { name score notes } }
		recommendedLevel
		evaluation
	}
`;

export interface RawInterview {
	id: string;
	candidateEmail?: string | null;
	candidateName?: string | null;
	status?: string | null;
	proctoringStatus?: string | null;
	startDate?: number | null;
	finishDate?: number | null;
	url?: string | null;
	shortenedUrl?: string | null;
	trackCandidateLocation?: boolean | null;
	disableDescriptionCopy?: boolean | null;
	interviewersFeedback?: Array<RawFeedback | null> | null;
}

interface RawFeedback {
	author?: RawUser | null;
	notes?: string | null;
	categories?: Array<{
		name?: string | null;
		attributes?: Array<{ name?: string | null; score?: number | null; notes?: string | null } | null> | null;
	} | null> | null;
	recommendedLevel?: string | null;
	evaluation?: string | null;
}

export interface InterviewItem {
	id: string;
	candidateEmail: string | null;
	candidateName: string | null;
	status: string | null;
	proctoringStatus: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	startDate: number | null;
	finishDate: number | null;
	url: string | null;
	shortenedUrl: string | null;
	trackCandidateLocation: boolean | null;
	disableDescriptionCopy: boolean | null;
}

export interface FeedbackItem {
	interviewer: UserItem | null;
	notes: string | null;
	categories: Array<{ name: string | null; attributes: Array<{ name: string | null; score: number | null; notes: string | null }> }>;
	recommendedLevel: string | null;
	evaluation: string | null;
}

export interface InterviewFeedbackItem {
	interviewId: string;
	status: string | null;
	/** Left out when anonymised. */
	candidateName?: string | null;
	candidateEmail?: string | null;
	anonymized: boolean;
	feedback: FeedbackItem[];
}

export function normalizeInterview(raw: RawInterview, timeZone: string): InterviewItem {
	return {
		id: raw.id,
		candidateEmail: raw.candidateEmail ?? null,
		candidateName: raw.candidateName ?? null,
		status: raw.status ?? null,
		proctoringStatus: raw.proctoringStatus ?? null,
		startedAt: isoDate(raw.startDate, timeZone),
		finishedAt: isoDate(raw.finishDate, timeZone),
		startDate: raw.startDate ?? null,
		finishDate: raw.finishDate ?? null,
		url: raw.url ?? null,
		shortenedUrl: raw.shortenedUrl ?? null,
		trackCandidateLocation: raw.trackCandidateLocation ?? null,
		disableDescriptionCopy: raw.disableDescriptionCopy ?? null,
	};
}

const present = <T>(list: Array<T | null> | null | undefined): T[] => (list ?? []).filter((entry): entry is T => entry !== null);

/**
 * Every interviewer's feedback on one interview. Anonymised: the candidate's name and e-mail are left out
 * and every note is rewritten without the candidate's names and gendered pronouns.
 */
export function normalizeFeedback(raw: RawInterview, anonymize: boolean): InterviewFeedbackItem {
	const notes = (text: string | null | undefined) => {
		if (typeof text !== 'string') return null;
		return anonymize ? anonymizeNotes(text, [raw.candidateName]) : text;
	};
	const feedback = present(raw.interviewersFeedback).map((entry) => ({
		interviewer: normalizeUser(entry.author),
		notes: notes(entry.notes),
		categories: present(entry.categories).map((category) => ({
			name: category.name ?? null,
			attributes: present(category.attributes).map((attribute) => ({
				name: attribute.name ?? null,
				score: attribute.score ?? null,
				notes: notes(attribute.notes),
			})),
		})),
		recommendedLevel: entry.recommendedLevel ?? null,
		evaluation: entry.evaluation ?? null,
	}));
	const item: InterviewFeedbackItem = { interviewId: raw.id, status: raw.status ?? null, anonymized: anonymize, feedback };
	if (!anonymize) {
		item.candidateName = raw.candidateName ?? null;
		item.candidateEmail = raw.candidateEmail ?? null;
	}
	return item;
}
