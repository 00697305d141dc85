import { DateTime } from 'luxon';

import { anonymizeNotes } from '../../../nodes/CodeSignal/helpers/anonymize';
import type { CodeSignalSandbox, LiveInterviewRecord } from '../../../sandbox/codesignal';
import { byId, runJson, startSandbox, TIME_ZONE } from './harness';

const NOW = Date.parse('2026-10-01T00:00:00Z');
const GENDERED = /\b(he|she|him|his|her|hers|himself|herself)\b/i;

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ now: () => NOW, dataset: { liveInterviews: 30 } });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const withFeedback = () =>
	sandbox.store.liveInterviews().find((interview) => interview.interviewersFeedback.length > 0 && interview.candidateName)!;
const pendingInterview = (skip: number) =>
	sandbox.store.liveInterviews().filter((interview) => interview.status === 'pending')[skip];

describe('Live Interview → Create', () => {
	it('creates an interview with a template chosen from the list, an interviewer and options', async () => {
		const template = sandbox.store.interviewTemplates()[1];
		const interviewer = sandbox.store.users().find((user) => user.role.title === 'Interviewer')!;
		const [item] = await runJson(sandbox, {
			resource: 'liveInterview',
			operation: 'create',
			candidateEmail: 'alan.turing@example.com',
			candidateName: 'Alan Turing',
			additionalFields: {
				interviewTemplate: { __rl: true, mode: 'list', value: template.id, cachedResultName: template.name },
				interviewerId: interviewer.id,
				expirationHours: 48,
				lockTemplate: true,
			},
		});
		expect(item).toMatchObject({ candidateEmail: 'alan.turing@example.com', candidateName: 'Alan Turing', status: 'pending' });
		expect(sandbox.store.getLiveInterview(item.id)).toMatchObject({
			templateId: template.id,
			interviewerId: interviewer.id,
			expirationTime: 48 * 3_600_000,
			lockTemplate: true,
		});
	});
});

describe('Live Interview → Get and Get Many', () => {
	it('reads an interview with dates in the workflow\'s time zone', async () => {
		const interview = sandbox.store.liveInterviews().find((candidate) => candidate.startDate !== null)!;
		const [item] = await runJson(sandbox, { resource: 'liveInterview', operation: 'get', interviewId: interview.id });
		expect(item).toMatchObject({ id: interview.id, status: interview.status, startDate: interview.startDate });
		expect(item.startedAt).toBe(DateTime.fromMillis(interview.startDate!, { zone: TIME_ZONE }).toISO());
	});

	it('lists all interviews, or a candidate\'s', async () => {
		const all = await runJson(sandbox, { resource: 'liveInterview', operation: 'getAll', returnAll: true });
		expect(all.map((item) => item.id)).toEqual(sandbox.store.liveInterviews().map((interview) => interview.id));
		const email = withFeedback().candidateEmail!;
		const theirs = await runJson(sandbox, {
			resource: 'liveInterview',
			operation: 'getAll',
			returnAll: true,
			filters: { candidateEmail: email },
		});
		expect(theirs.length).toBeGreaterThan(0);
		expect(theirs.every((item) => item.candidateEmail.toLowerCase() === email.toLowerCase())).toBe(true);
	});
});

describe('Live Interview → Update and Delete', () => {
	it('updates the fields given and leaves the others', async () => {
		const interview = pendingInterview(0);
		const before = { ...interview };
		const [item] = await runJson(sandbox, {
			resource: 'liveInterview',
			operation: 'update',
			interviewId: interview.id,
			updateFields: { candidateName: 'Renamed Candidate', trackCandidateLocation: true },
		});
		expect(item).toMatchObject({ candidateName: 'Renamed Candidate', trackCandidateLocation: true });
		expect(sandbox.store.getLiveInterview(interview.id)).toMatchObject({
			candidateEmail: before.candidateEmail,
			templateId: before.templateId,
		});
	});

	it('deletes an interview', async () => {
		const interview = pendingInterview(1);
		expect(await runJson(sandbox, { resource: 'liveInterview', operation: 'delete', interviewId: interview.id })).toEqual([
			{ id: interview.id, deleted: true },
		]);
		expect(sandbox.store.getLiveInterview(interview.id)!.status).toBe('deleted');
	});
});

describe('Live Interview → Get Feedback', () => {
	const feedback = (interview: LiveInterviewRecord, anonymize: boolean) =>
		runJson(sandbox, { resource: 'liveInterview', operation: 'getFeedback', interviewId: interview.id, anonymize });

	it('reads every interviewer\'s notes, categories and evaluation as written', async () => {
		const interview = withFeedback();
		const [item] = await feedback(interview, false);
		expect(item).toMatchObject({ interviewId: interview.id, candidateName: interview.candidateName, anonymized: false });
		expect(item.feedback.map((entry: any) => entry.notes)).toEqual(interview.interviewersFeedback.map((entry) => entry.notes));
		expect(item.feedback[0].interviewer.id).toBe(interview.interviewersFeedback[0].authorId);
		expect(item.feedback[0].evaluation).toBe(interview.interviewersFeedback[0].evaluation);
	});

	it('anonymises for a blind committee: no candidate name, e-mail or gendered pronoun left', async () => {
		const interview = withFeedback();
		const [item] = await feedback(interview, true);
		expect(item).not.toHaveProperty('candidateName');
		expect(item).not.toHaveProperty('candidateEmail');
		const names = interview.candidateName!.split(' ');
		const notes: string[] = item.feedback.flatMap((entry: any) => [
			entry.notes,
			...entry.categories.flatMap((category: any) => category.attributes.map((attribute: any) => attribute.notes)),
		]).filter(Boolean);
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) {
			expect(note).not.toMatch(GENDERED);
			for (const name of names) expect(note).not.toContain(name);
		}
		expect(item.feedback[0].notes).toBe(anonymizeNotes(interview.interviewersFeedback[0].notes, [interview.candidateName]));
	});
});
