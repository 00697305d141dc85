/** The live-interview mutations. */
import { SandboxError } from './errors';
import { HOUR } from './generator';
import type { LiveInterviewRecord } from './model';
import type { SandboxStore } from './store';
import { checkEmail } from './validation';

const MAX_EXPIRATION_HOURS = 336;
const DEFAULT_EXPIRATION = 72 * HOUR;

/** LiveInterviewInput. */
export interface LiveInterviewFields {
	candidateEmail?: string | null;
	candidateName?: string | null;
	teamId?: string | null;
	interviewerId?: string | null;
	templateId?: string | null;
	lockTemplate?: boolean | null;
	expirationTime?: number | null;
	trackCandidateLocation?: boolean | null;
	disableDescriptionCopy?: boolean | null;
}

function checkReferences(store: SandboxStore, fields: LiveInterviewFields): void {
	checkEmail(fields.candidateEmail);
	if (fields.interviewerId && !store.getUser(fields.interviewerId)) {
		throw new SandboxError(`User "${fields.interviewerId}" not found`);
	}
	if (fields.templateId && !store.getInterviewTemplate(fields.templateId)) {
		throw new SandboxError(`Interview template "${fields.templateId}" not found`);
	}
	if (fields.teamId && !store.getTeam(fields.teamId)) {
		throw new SandboxError(`Team "${fields.teamId}" not found`);
	}
	checkExpirationTime('expirationTime', fields.expirationTime);
}

/** Interview expirations are milliseconds, from 1 to 336 hours. */
function checkExpirationTime(name: string, milliseconds: number | null | undefined): void {
	if (
		milliseconds !== undefined &&
		milliseconds !== null &&
		(milliseconds < HOUR || milliseconds > MAX_EXPIRATION_HOURS * HOUR)
	) {
		throw new SandboxError(
			`${name} must be between 1 and ${MAX_EXPIRATION_HOURS} hours (in milliseconds), got ${milliseconds}`,
		);
	}
}

/** Copies the fields that were given (null clears, undefined keeps). */
function applyFields(interview: LiveInterviewRecord, fields: LiveInterviewFields): void {
	for (const [key, value] of Object.entries(fields) as Array<
		[keyof LiveInterviewFields, unknown]
	>) {
		if (value !== undefined) Object.assign(interview, { [key]: value });
	}
}

export function createLiveInterview(
	store: SandboxStore,
	fields: LiveInterviewFields | null | undefined,
): LiveInterviewRecord {
	const input = fields ?? {};
	checkReferences(store, input);
	const template = input.templateId ? store.getInterviewTemplate(input.templateId) : undefined;
	const interview: LiveInterviewRecord = {
		id: store.generator.newId(),
		candidateEmail: null,
		candidateName: null,
		status: 'pending',
		proctoringStatus: 'unavailable',
		createDate: store.now(),
		startDate: null,
		finishDate: null,
		interviewerId: null,
		teamId: template?.teamId ?? null,
		templateId: null,
		lockTemplate: false,
		expirationTime: template?.defaultExpirationTime ?? DEFAULT_EXPIRATION,
		trackCandidateLocation: false,
		disableDescriptionCopy: false,
		interviewersFeedback: [],
		questionsSolved: 0,
		questionsAttempted: 0,
	};
	applyFields(interview, input);
	store.insertLiveInterview(interview);
	return interview;
}

export function editLiveInterview(
	store: SandboxStore,
	id: string,
	fields: LiveInterviewFields,
): LiveInterviewRecord {
	const interview = store.requireLiveInterview(id);
	if (interview.status !== 'pending' && interview.status !== 'active') {
		throw new SandboxError(`Cannot edit live interview "${id}": status is ${interview.status}`);
	}
	checkReferences(store, fields);
	applyFields(interview, fields);
	return interview;
}

export function deleteLiveInterview(store: SandboxStore, id: string): string {
	const interview = store.requireLiveInterview(id);
	if (interview.status === 'deleted') {
		throw new SandboxError(`Live interview "${id}" is already deleted`);
	}
	interview.status = 'deleted';
	return id;
}
