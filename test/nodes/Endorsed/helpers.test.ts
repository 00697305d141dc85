import { DateTime } from 'luxon';

import {
	readScoredAssessment,
	reportFileName,
	reportIsCurrent,
	reportText,
	type ScoredAssessment,
} from '../../../nodes/Endorsed/helpers/assessment';
import { mergeCandidate, withContact } from '../../../nodes/Endorsed/helpers/candidates';
import { describeEndorsedError, readEnvelopeError } from '../../../nodes/Endorsed/transport/envelope';
import {
	summarizeEvaluations,
	waitForEvaluations,
	type CriterionEvaluation,
} from '../../../nodes/Endorsed/helpers/evaluationSummary';
import { referenceSegment } from '../../../nodes/Endorsed/helpers/recordReference';
import {
	EndorsedTokenError,
	isRenewalDue,
	parseExpiresIn,
	readTokenAnswer,
	renewalTime,
	tokenRequestForm,
} from '../../../credentials/endorsedToken';
import { scoredItem } from './fixtures';

const ISSUED = Date.parse('2026-11-23T12:00:00Z');
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO();

describe('Endorsed tokens', () => {
	it('reads expires_in, which Endorsed sends as a string of seconds', () => {
		expect(parseExpiresIn('1209600')).toBe(1209600);
		expect(parseExpiresIn(3600)).toBe(3600);
		for (const unreadable of ['', 'soon', '-5', '0', null, undefined])
			expect(parseExpiresIn(unreadable)).toBeUndefined();
	});

	it('renews five minutes before expiry, or after nine tenths of a short life', () => {
		expect(renewalTime(ISSUED, 1209600)).toBe(iso(ISSUED + 1209600_000 - 5 * 60_000));
		expect(renewalTime(ISSUED, 60)).toBe(iso(ISSUED + 54_000));
	});

	it('renews once the renewal time has come, and keeps a token without one', () => {
		const renewAt = iso(ISSUED);
		expect(isRenewalDue(renewAt, ISSUED - 1)).toBe(false);
		expect(isRenewalDue(renewAt, ISSUED)).toBe(true);
		expect(isRenewalDue('', ISSUED)).toBe(false);
		expect(isRenewalDue('not a date', ISSUED)).toBe(false);
	});

	it('asks for the chosen scopes by client credentials, form-encoded', () => {
		const form = tokenRequestForm({ clientId: ' id ', clientSecret: 's3cret', scopes: ['all:read', 'all:write'] });
		expect(form.toString()).toBe(
			'grant_type=client_credentials&client_id=id&client_secret=s3cret&scope=all%3Aread+all%3Awrite',
		);
		expect(tokenRequestForm({ clientId: 'id', clientSecret: 's', scopes: [] }).has('scope')).toBe(false);
	});

	it('reads a token answer', () => {
		const answer = { is_error: false, access_token: 'tok', token_type: 'Bearer', expires_in: '60', scope: [] };
		expect(readTokenAnswer(200, answer, {}, ISSUED)).toEqual({
			accessToken: 'tok',
			accessTokenRenewAt: iso(ISSUED + 54_000),
		});
	});

	it('explains a refused or unusable token answer without the secret, and says whether to retry', () => {
		const credentials = { clientSecret: 'hunter2-secret' };
		const refusal = {
			is_error: true,
			error: { code: 'UNAUTHENTICATED', issues: [{ message: 'bad secret hunter2-secret' }] },
		};
		const read = (status: number, body: unknown) => {
			try {
				readTokenAnswer(status, body, credentials, ISSUED);
			} catch (error) {
				return { message: (error as EndorsedTokenError).message, retryable: (error as EndorsedTokenError).retryable };
			}
			throw new Error('expected a refusal');
		};

		expect(read(401, refusal)).toEqual({
			message: 'Endorsed refused the client ID or client secret (HTTP 401): UNAUTHENTICATED: bad secret [redacted]',
			retryable: false,
		});
		expect(read(503, '<html>')).toEqual({
			message: 'Endorsed could not issue an access token right now (HTTP 503)',
			retryable: true,
		});
		expect(read(200, { is_error: false }).message).toBe('Endorsed answered the token request without an access_token');
		expect(read(200, { access_token: 'tok', expires_in: 'never' }).message).toBe(
			'Endorsed answered the token request with an unreadable expires_in (never)',
		);
	});
});

describe('Endorsed envelopes and references', () => {
	it('reads the code and messages of an error envelope, and nothing else', () => {
		const error = readEnvelopeError({
			is_error: true,
			error: { code: 'CONFLICT', issues: [{ message: 'exists' }, { message: ' ' }] },
		});
		expect(error).toEqual({ code: 'CONFLICT', messages: ['exists'] });
		expect(describeEndorsedError(error!)).toBe('CONFLICT: exists');
		expect(readEnvelopeError({ is_error: true })).toEqual({ code: 'UNKNOWN_ERROR', messages: [] });
		expect(readEnvelopeError({ is_error: false, result: {} })).toBeUndefined();
		expect(readEnvelopeError('Bad gateway')).toBeUndefined();
	});

	it('addresses a record by UUID or by remote ID, URL-encoded', () => {
		expect(referenceSegment({ mode: 'remoteId', value: ' ada@example.com ' })).toBe('remote.ada%40example.com');
		expect(referenceSegment({ mode: 'id', value: '3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f' })).toBe(
			'3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f',
		);
	});
});

describe('Endorsed candidates', () => {
	const stored = {
		id: 'c1',
		created_at: '2026-11-01T00:00:00Z',
		first_name: 'Ada',
		last_name: null,
		title: 'Engineer',
		company_name: null,
		location: null,
		phone_numbers: [],
		email_addresses: [{ value: 'Ada@Example.com', type: 'work' }],
		links: [],
		remote_id: 'ats-1',
	};

	it('adds a contact value only when it is not there, whatever its case', () => {
		expect(withContact(stored.email_addresses, 'ada@example.com', 'personal')).toBe(stored.email_addresses);
		expect(withContact(stored.email_addresses, 'ada@home.org', 'personal')).toEqual([
			...stored.email_addresses,
			{ value: 'ada@home.org', type: 'personal' },
		]);
	});

	it('sends every stored field back with the changes, and writes nothing when nothing changes', () => {
		expect(mergeCandidate(stored, { title: 'Engineer' }).changed).toBe(false);
		const { body, changed } = mergeCandidate(stored, { last_name: 'Lovelace' });
		expect(changed).toBe(true);
		expect(body).toEqual({ ...stored, id: undefined, created_at: undefined, last_name: 'Lovelace' });
		expect(mergeCandidate(undefined, { first_name: 'New' })).toEqual({ body: { first_name: 'New' }, changed: true });
	});
});

describe('scored items for Push Assessment', () => {
	it('identifies the candidate by the normalised e-mail, with or without externalId; by externalId only without e-mail', () => {
		const withExternalId = readScoredAssessment({ ...scoredItem(1, 80), externalId: 4711 });
		const byEmail = readScoredAssessment({
			...scoredItem(1, 80),
			candidate: { email: ' Ada@Example.com ', firstName: 'Ada', lastName: null, name: null },
		});
		const withoutEmail = readScoredAssessment({
			...scoredItem(1, 80),
			externalId: 'ats-1',
			candidate: { email: null, firstName: 'Ada', lastName: null, name: null },
		});

		expect(withExternalId).toMatchObject({
			assessment: { candidateRemoteId: 'candidate1@example.com', externalId: '4711', sessionId: 'session-1' },
		});
		expect(byEmail).toMatchObject({ assessment: { candidateRemoteId: 'ada@example.com', email: 'Ada@Example.com' } });
		expect(withoutEmail).toMatchObject({ assessment: { candidateRemoteId: 'ats-1' } });
	});

	it('names the report after its text, so that only a changed assessment is written again', () => {
		const { assessment } = readScoredAssessment(scoredItem(1, 80)) as { assessment: ScoredAssessment };
		const withExternalId = { ...assessment, externalId: 'ats-1' };
		expect(reportFileName(assessment)).toMatch(/^codesignal-session-session-1-[0-9a-f]{12}\.md$/);
		expect(reportFileName(withExternalId)).toBe(reportFileName(assessment).replace('.md', '-ext.md'));
		expect(reportIsCurrent(reportFileName(assessment), assessment)).toBe(true);
		expect(reportIsCurrent(reportFileName(withExternalId), assessment)).toBe(true);
		expect(reportIsCurrent(reportFileName(assessment), withExternalId)).toBe(false);
		const rescored = readScoredAssessment(scoredItem(1, 60)) as { assessment: ScoredAssessment };
		expect(reportIsCurrent(reportFileName(assessment), rescored.assessment)).toBe(false);
		expect(reportText(withExternalId)).toMatch(/\n- External ID: ats-1\n$/);
	});

	it('reads the session a CodeSignal Trigger item carries under "session", with the webhook\'s externalId', () => {
		const { scoring, ...session } = scoredItem(7, 90);
		const triggerItem = { event: 'companyTestSessionFinished', testSessionId: 'session-7', externalId: 'ats-7', session, scoring };

		expect(readScoredAssessment(triggerItem)).toMatchObject({
			assessment: { sessionId: 'session-7', candidateRemoteId: 'candidate7@example.com', externalId: 'ats-7' },
		});
	});

	it('finds a first name in the full name or the e-mail, since Endorsed requires one', () => {
		const named = (candidate: object) => readScoredAssessment({ ...scoredItem(1, 80), candidate });

		expect(
			named({ email: 'al@example.com', firstName: null, lastName: null, name: 'Alan Mathison Turing' }),
		).toMatchObject({
			assessment: { firstName: 'Alan', lastName: 'Mathison Turing' },
		});
		expect(named({ email: 'grace.hopper@example.com', firstName: null, lastName: null, name: null })).toMatchObject({
			assessment: { firstName: 'grace.hopper', lastName: null },
		});
	});

	it('keeps each prompt once, trimmed', () => {
		const item = scoredItem(1, 80);
		const prompt = (item.scoring as { prompts: string[] }).prompts[0];
		(item.scoring as { prompts: string[] }).prompts = [prompt, ` ${prompt} `, ''];

		expect(readScoredAssessment(item)).toMatchObject({ assessment: { prompts: [prompt] } });
	});

	it('names the field that makes an item unusable', () => {
		const problem = (change: (item: Record<string, unknown>) => void) => {
			const item = scoredItem(1, 80);
			change(item);
			const read = readScoredAssessment(item);
			return 'problem' in read ? read.problem.field : undefined;
		};

		expect(problem((item) => delete item.scoring)).toBe('scoring');
		expect(problem((item) => ((item.scoring as Record<string, unknown>).report = ''))).toBe('scoring.report');
		expect(problem((item) => ((item.scoring as Record<string, unknown>).prompts = [1]))).toBe('scoring.prompts');
		expect(problem((item) => delete item.id)).toBe('id');
		expect(problem((item) => ((item.candidate as Record<string, unknown>).email = 'not-an-address'))).toBe(
			'candidate.email',
		);
		expect(problem((item) => ((item.candidate as Record<string, unknown>).email = null))).toBe('candidate.email');
		expect(problem(() => undefined)).toBeUndefined();
	});
});

describe('waiting for evaluations', () => {
	const evaluation = (state: CriterionEvaluation['evaluation']['state'], met = false): CriterionEvaluation => ({
		criterion: { id: 'c', prompt_text: 'p' },
		evaluation: { state, result: state === 'EVALUATED' ? { is_criterion_met: met } : null },
	});

	it('counts the outcomes', () => {
		expect(
			summarizeEvaluations([
				evaluation('EVALUATED', true),
				evaluation('EVALUATED'),
				evaluation('FAILED'),
				evaluation('IN_PROGRESS'),
			]),
		).toEqual({ settled: false, met: 1, notMet: 1, failed: 1, inProgress: 1 });
		expect(summarizeEvaluations([]).settled).toBe(true);
	});

	it('reads until nothing is in progress, or until the bound, and returns the last read', async () => {
		let clock = 0;
		const options = { intervalMs: 1000, now: () => clock, sleep: async (ms: number) => void (clock += ms) };
		const inProgress = [evaluation('IN_PROGRESS')];
		const settled = [evaluation('EVALUATED', true)];
		let reads = 0;
		const read = async () => (++reads < 4 ? inProgress : settled);

		expect(await waitForEvaluations(read, { ...options, maxWaitMs: 10_000 })).toEqual({ items: settled, reads: 4 });
		reads = 0;
		clock = 0;
		// Reads at 0, 1000 and, last, at the bound (1500).
		expect(await waitForEvaluations(read, { ...options, maxWaitMs: 1500 })).toEqual({ items: inProgress, reads: 3 });
		expect(clock).toBe(1500);
	});
});
