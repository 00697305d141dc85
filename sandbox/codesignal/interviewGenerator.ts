/** Live interviews (with interviewers' feedback) and interview templates, drawn from the shared generator. */
import { EVALUATIONS, FEEDBACK_CATEGORIES, RECOMMENDED_LEVELS } from './content';
import { DAY, HOUR, MINUTE, type Candidate, type Generator } from './generator';
import type {
	FeedbackSettingsRecord,
	InterviewTemplateRecord,
	InterviewerFeedbackRecord,
	LiveInterviewRecord,
	LiveInterviewStatus,
	TaskRecord,
	TeamRecord,
	UserRecord,
} from './model';
import { attributeNotes, interviewerNotes } from './texts';

const INTERVIEW_STATUS_WEIGHTS: Record<LiveInterviewStatus, number> = {
	over: 60,
	pending: 15,
	active: 5,
	archived: 10,
	deleted: 10,
};

/** One or two interviewers' feedback; the first author is the interviewer who ran the interview. */
function interviewFeedback(
	generator: Generator,
	candidate: Candidate,
	authors: UserRecord[],
): InterviewerFeedbackRecord[] {
	const { rng } = generator;
	const count = Math.min(authors.length, rng.int(1, 2));
	const firstName = candidate.testTaker.firstName ?? 'The candidate';
	return authors.slice(0, count).map((author) => {
		const positive = rng.chance(0.6);
		const categories = FEEDBACK_CATEGORIES.map((category) => ({
			name: category.name,
			attributes: category.attributes.map((name) => {
				const score = positive ? rng.int(3, 5) : rng.int(1, 3);
				if (!rng.chance(0.6)) return { name, score };
				return {
					name,
					score,
					notes: attributeNotes(rng, firstName, candidate.pronouns, name, score),
				};
			}),
		}));
		return {
			authorId: author.id,
			notes: interviewerNotes(rng, firstName, candidate.pronouns, positive),
			categories,
			recommendedLevel: rng.pick(RECOMMENDED_LEVELS),
			evaluation: rng.pick(positive ? EVALUATIONS.slice(0, 2) : EVALUATIONS.slice(2)),
		};
	});
}

export function generateLiveInterview(
	generator: Generator,
	templates: InterviewTemplateRecord[],
	interviewers: UserRecord[],
): LiveInterviewRecord {
	const { rng, baseTime } = generator;
	const status = rng.weighted(INTERVIEW_STATUS_WEIGHTS);
	const candidate = generator.candidate(0.5);
	const template = templates.length > 0 ? rng.pick(templates) : null;
	const createDate = baseTime - rng.int(1, 60) * DAY - rng.int(0, 23) * HOUR;
	const started = status === 'over' || status === 'active' || status === 'archived';
	const startDate = started ? createDate + rng.int(1, 5) * DAY : null;
	const finished = status === 'over' || status === 'archived';
	const questions = template?.taskIds.length ?? 1;
	const { firstName, lastName, email } = candidate.testTaker;
	const interviewer = rng.pick(interviewers);
	const otherInterviewers = interviewers.filter((user) => user !== interviewer);
	return {
		id: generator.newId(),
		candidateEmail: email,
		candidateName: `${firstName} ${lastName}`,
		status,
		proctoringStatus: 'unavailable',
		createDate,
		startDate,
		finishDate: finished && startDate !== null ? startDate + rng.int(40, 65) * MINUTE : null,
		interviewerId: interviewer.id,
		teamId: template?.teamId ?? null,
		templateId: template?.id ?? null,
		lockTemplate: false,
		expirationTime: 72 * HOUR,
		trackCandidateLocation: false,
		disableDescriptionCopy: rng.chance(0.3),
		interviewersFeedback: finished
			? interviewFeedback(generator, candidate, [interviewer, ...otherInterviewers])
			: [],
		questionsSolved: finished ? rng.int(0, questions) : 0,
		questionsAttempted: finished ? questions : 0,
	};
}

export function generateInterviewTemplate(
	generator: Generator,
	definition: { name: string; tasks: string[] },
	tasks: TaskRecord[],
	author: UserRecord,
	team: TeamRecord,
	isCompanyDefault: boolean,
): InterviewTemplateRecord {
	return {
		id: generator.newId(),
		name: definition.name,
		taskIds: definition.tasks.map(
			(title) => tasks.find((task) => task.title === title)?.id ?? tasks[0].id,
		),
		authorId: author.id,
		teamId: team.id,
		canEdit: true,
		defaultExpirationTime: 72 * HOUR,
		isCompanyDefault,
		taskCustomScores: [],
		feedbackSettings: defaultFeedbackSettings(),
	};
}

/** The feedback form a template gets unless it says otherwise. */
export function defaultFeedbackSettings(): FeedbackSettingsRecord {
	return {
		categories: FEEDBACK_CATEGORIES.map((category) => ({
			name: category.name,
			attributes: category.attributes.map((name) => ({ name, details: null })),
		})),
		overallEvaluation: { enabled: true, details: null, anchors: [...EVALUATIONS] },
		recommendedLevel: { enabled: true, details: null, levels: [...RECOMMENDED_LEVELS] },
	};
}
