import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

const NOW = Date.parse('2026-10-01T09:30:00Z');
const FIELDS =
	'id candidateEmail candidateName status trackCandidateLocation interviewersFeedback { notes }';

describe('CodeSignal sandbox: live-interview mutations', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ now: () => NOW, rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	const CREATE = `mutation ($fields: LiveInterviewInput) { createLiveInterview(interviewFields: $fields) { ${FIELDS} } }`;
	const EDIT = `mutation ($id: ID!, $fields: LiveInterviewInput!) { editLiveInterview(id: $id, interviewFields: $fields) { ${FIELDS} } }`;
	const DELETE = 'mutation ($id: ID!) { deleteLiveInterview(id: $id) }';

	it('creates a pending interview, listed first', async () => {
		const interviewer = sandbox.store.users()[1];
		const template = sandbox.store.interviewTemplates()[0];
		const { createLiveInterview: created } = await data(sandbox, CREATE, {
			fields: {
				candidateEmail: 'lin@example.com',
				candidateName: 'Lin Chen',
				interviewerId: interviewer.id,
				templateId: template.id,
			},
		});
		expect(created).toMatchObject({
			candidateEmail: 'lin@example.com',
			candidateName: 'Lin Chen',
			status: 'pending',
			interviewersFeedback: [],
		});
		const { liveInterviews } = await data(sandbox, '{ liveInterviews(first: 1) { id } }');
		expect(liveInterviews).toEqual([{ id: created.id }]);
		expect(sandbox.store.getLiveInterview(created.id)).toMatchObject({
			interviewerId: interviewer.id,
			templateId: template.id,
		});
	});

	it('refuses unknown interviewers and templates', async () => {
		expect(firstError(await graphql(sandbox, CREATE, { fields: { interviewerId: 'ghost' } }))).toBe(
			'User "ghost" not found',
		);
		expect(firstError(await graphql(sandbox, CREATE, { fields: { templateId: 'ghost' } }))).toBe(
			'Interview template "ghost" not found',
		);
	});

	it('takes the expiration in milliseconds, from 1 to 336 hours', async () => {
		const hour = 3_600_000;
		const { createLiveInterview: created } = await data(sandbox, CREATE, {
			fields: { candidateName: 'Kim Lee', expirationTime: 48 * hour },
		});
		expect(sandbox.store.getLiveInterview(created.id)!.expirationTime).toBe(48 * hour);
		expect(firstError(await graphql(sandbox, CREATE, { fields: { expirationTime: 48 } }))).toBe(
			'expirationTime must be between 1 and 336 hours (in milliseconds), got 48',
		);
		expect(
			firstError(await graphql(sandbox, CREATE, { fields: { expirationTime: 337 * hour } })),
		).toBe(`expirationTime must be between 1 and 336 hours (in milliseconds), got ${337 * hour}`);
	});

	it('edits the given fields of an open interview and refuses finished ones', async () => {
		const { createLiveInterview: created } = await data(sandbox, CREATE, {
			fields: { candidateName: 'Sam Roe' },
		});
		const { editLiveInterview: edited } = await data(sandbox, EDIT, {
			id: created.id,
			fields: { candidateEmail: 'sam@example.com', trackCandidateLocation: true },
		});
		expect(edited).toMatchObject({
			candidateName: 'Sam Roe',
			candidateEmail: 'sam@example.com',
			trackCandidateLocation: true,
		});

		const finished = sandbox.store
			.liveInterviews()
			.find((interview) => interview.status === 'over')!;
		expect(
			firstError(await graphql(sandbox, EDIT, { id: finished.id, fields: { candidateName: 'X' } })),
		).toBe(`Cannot edit live interview "${finished.id}": status is over`);
	});

	it('deletes once, returning the id', async () => {
		const { createLiveInterview: created } = await data(sandbox, CREATE, {
			fields: { candidateName: 'To Delete' },
		});
		expect((await data(sandbox, DELETE, { id: created.id })).deleteLiveInterview).toBe(created.id);
		expect(sandbox.store.getLiveInterview(created.id)?.status).toBe('deleted');
		expect(firstError(await graphql(sandbox, DELETE, { id: created.id }))).toBe(
			`Live interview "${created.id}" is already deleted`,
		);
	});

	it('answers unknown interview ids with "not found"', async () => {
		expect(firstError(await graphql(sandbox, DELETE, { id: 'missing' }))).toBe(
			'Live interview "missing" not found',
		);
		expect(firstError(await graphql(sandbox, EDIT, { id: 'missing', fields: {} }))).toBe(
			'Live interview "missing" not found',
		);
	});
});
