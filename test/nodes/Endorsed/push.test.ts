import type { IDataObject } from 'n8n-workflow';

import { mulberry32 } from '../../../sandbox/codesignal/random';
import { startEndorsedSandbox, type EndorsedSandbox } from '../../../sandbox/endorsed';
import { byId, byRemoteId, createJob, endorsedCredentials, pushParameters, runEndorsed, scoredItem } from './fixtures';

const TOKEN_ROUTE = 'POST /auth/tokens';

/** API requests other than token requests. */
function dataRequests(sandbox: EndorsedSandbox): number {
	const stats = sandbox.stats();
	return stats.requests - (stats.byRoute[TOKEN_ROUTE] ?? 0);
}

const asItems = (jsons: IDataObject[]) => jsons.map((json) => ({ json }));

describe('Endorsed › Assessment › Push', () => {
	let sandbox: EndorsedSandbox;
	let jobId: string;
	let stageId: string;

	beforeEach(async () => {
		sandbox = await startEndorsedSandbox();
		({ jobId, stageId } = await createJob(sandbox));
		sandbox.resetStats();
	});

	afterEach(async () => await sandbox.close());

	it('creates the candidate, the report, the job criteria and the nomination on the first push', async () => {
		const item = scoredItem(1, 85);
		const scoring = item.scoring as { prompts: string[]; report: string };

		const [output] = await runEndorsed(sandbox, pushParameters(byRemoteId('backend-engineer')), [{ json: item }]);

		expect(output.json).toMatchObject({
			sessionId: 'session-1',
			job: { id: jobId },
			candidate: { remoteId: 'candidate1@example.com', created: true },
			report: { remoteId: 'codesignal-session-session-1', created: true },
			criteriaCreated: scoring.prompts,
			nomination: { created: true },
		});
		const [candidate] = sandbox.store.candidates.all();
		expect(candidate).toMatchObject({
			remote_id: 'candidate1@example.com',
			first_name: 'Ada1',
			last_name: 'Lovelace1',
			email_addresses: [{ value: 'candidate1@example.com', type: 'personal' }],
		});
		const [report] = sandbox.store.attachments.all();
		expect(report).toMatchObject({ candidate_id: candidate.id, type: 'about', text: scoring.report });
		expect(sandbox.store.criteriaOf(jobId).map((criterion) => criterion.prompt_text)).toEqual(scoring.prompts);
		const [nomination] = sandbox.store.nominations.all();
		expect(nomination).toMatchObject({
			id: (output.json.nomination as IDataObject).id,
			job_id: jobId,
			candidate_id: candidate.id,
			current_nomination_stage_id: stageId,
		});
		// The criteria read and created, the candidate looked up and written, the report, the job and the nomination.
		expect(dataRequests(sandbox)).toBe(1 + 5 + 2 + 1 + 2);
		expect(output.pairedItem).toEqual({ item: 0 });
	});

	it('creates nothing new when a batch is pushed again, in three requests per assessment', async () => {
		const items = asItems(Array.from({ length: 10 }, (_, index) => scoredItem(index, 40 + index * 6)));
		const credentials = endorsedCredentials(sandbox);
		await runEndorsed(sandbox, pushParameters(byId(jobId)), items, { credentials });
		const counts = () => ({
			candidates: sandbox.store.candidates.size,
			attachments: sandbox.store.attachments.size,
			criteria: sandbox.store.criteria.size,
			nominations: sandbox.store.nominations.size,
		});
		const before = counts();
		sandbox.resetStats();

		const again = await runEndorsed(sandbox, pushParameters(byId(jobId)), items, { credentials });

		expect(counts()).toEqual(before);
		expect(before).toEqual({ candidates: 10, attachments: 10, criteria: 5, nominations: 10 });
		for (const { json } of again) {
			expect(json).toMatchObject({
				candidate: { created: false },
				report: { created: false },
				criteriaCreated: [],
				nomination: { created: false },
			});
		}
		// The job's criteria once per execution, then candidate, report and nomination per item.
		expect(dataRequests(sandbox)).toBe(1 + 3 * 10);
		expect(sandbox.stats().tokensIssued).toBe(0);
	});

	it('pushes an unchanged assessment again in four reads and no write when it runs alone in its execution', async () => {
		const credentials = endorsedCredentials(sandbox);
		const item = [{ json: scoredItem(1, 75) }];
		await runEndorsed(sandbox, pushParameters(byRemoteId('backend-engineer')), item, { credentials });
		sandbox.resetStats();

		const [output] = await runEndorsed(sandbox, pushParameters(byRemoteId('backend-engineer')), item, { credentials });

		expect(output.json).toMatchObject({ job: { id: jobId }, nomination: { created: false }, report: { written: false } });
		expect(sandbox.stats().byRoute).toEqual({
			'GET /jobs/{id}/criteria': 1,
			'GET /candidates/{id}': 1,
			'GET /attachments/{id}': 1,
			'GET /nominations/{id}': 1,
		});
	});

	it('replaces the report of a re-scored session, so the candidate moves in the ranking', async () => {
		const credentials = endorsedCredentials(sandbox);
		const push = async (items: IDataObject[]) =>
			await runEndorsed(sandbox, pushParameters(byId(jobId)), asItems(items), { credentials });
		const ranking = async () =>
			(
				await runEndorsed(
					sandbox,
					{ resource: 'ranking', operation: 'getManyForJob', job: byId(jobId), returnAll: true },
					undefined,
					{ credentials },
				)
			).map(({ json }) => json.candidate_remote_id);

		await push([scoredItem(1, 85), scoredItem(2, 55)]);
		expect(await ranking()).toEqual(['candidate1@example.com', 'candidate2@example.com']);

		await push([scoredItem(2, 95)]);

		expect(await ranking()).toEqual(['candidate2@example.com', 'candidate1@example.com']);
		expect(sandbox.store.attachments.size).toBe(2);
	});

	it('lands a session on one candidate whichever path pushes it first: with or without externalId, any case of e-mail', async () => {
		const credentials = endorsedCredentials(sandbox);
		const push = async (item: IDataObject) =>
			(await runEndorsed(sandbox, pushParameters(byId(jobId)), [{ json: item }], { credentials }))[0].json;
		// The backfill (no externalId), then the live path (with it), then a manual push with the e-mail in capitals.
		const backfill = await push(scoredItem(7, 70));
		const live = await push(scoredItem(7, 70, { externalId: 'ats-7' }));
		const shouting = scoredItem(7, 70);
		const manual = await push({
			...shouting,
			candidate: { ...(shouting.candidate as IDataObject), email: 'Candidate7@Example.COM' },
		});

		expect([backfill, live, manual].map((output) => output.candidate)).toEqual([
			{ id: expect.any(String), remoteId: 'candidate7@example.com', created: true },
			{ id: (backfill.candidate as IDataObject).id, remoteId: 'candidate7@example.com', created: false },
			{ id: (backfill.candidate as IDataObject).id, remoteId: 'candidate7@example.com', created: false },
		]);
		expect(sandbox.store.candidates.size).toBe(1);
		expect(sandbox.store.attachments.size).toBe(1);
		expect(sandbox.store.nominations.size).toBe(1);
		// The live path adds what only it knows; a later push without it leaves the report alone.
		expect([live.report, manual.report]).toMatchObject([{ written: true }, { written: false }]);
		expect(sandbox.store.attachments.get('remote.codesignal-session-session-7')?.text).toContain('- External ID: ats-7');
	});

	it('lands two tests taken by one candidate on that candidate, with a report each', async () => {
		await runEndorsed(sandbox, pushParameters(byId(jobId)), [
			{ json: scoredItem(8, 70) },
			{ json: { ...scoredItem(9, 80), candidate: scoredItem(8, 70).candidate } },
		]);
		expect(sandbox.store.candidates.size).toBe(1);
		expect(sandbox.store.attachments.size).toBe(2);
		expect(sandbox.store.nominations.size).toBe(1);
	});

	it('leaves alone a session without a final result, and a delivery the trigger flagged, saying why', async () => {
		const active = scoredItem(4, 70, { status: 'active', finishDate: null });
		const pending = scoredItem(5, 70, { verificationStatus: 'pending', proctored: true });
		const { scoring, ...session } = scoredItem(6, 70);
		const flagged = {
			event: 'companyTestSessionFinished',
			testSessionId: 'session-6',
			session,
			scoring,
			apiCheck: { matchesEvent: false, problem: 'CodeSignal says the session is "active", not finished with a result' },
		};
		const output = await runEndorsed(sandbox, pushParameters(byId(jobId)), asItems([active, pending, flagged]));

		expect(output.map(({ json }) => json)).toEqual([
			{ sessionId: 'session-4', pushed: false, reason: 'The session has no final result (status "active")' },
			{ sessionId: 'session-5', pushed: false, reason: 'The session awaits proctoring verification: its result is not final yet' },
			{
				sessionId: 'session-6',
				pushed: false,
				reason: 'The CodeSignal Trigger flagged this delivery: CodeSignal says the session is "active", not finished with a result',
			},
		]);
		expect(sandbox.store.candidates.size).toBe(0);
	});

	it('keeps what Endorsed knows about an existing candidate and adds only the missing e-mail', async () => {
		await runEndorsed(sandbox, {
			resource: 'candidate',
			operation: 'create',
			remoteId: 'candidate3@example.com',
			firstName: 'Augusta',
			additionalFields: { lastName: 'King', title: 'Staff Engineer', phoneNumber: '+44 20 7946 0000' },
		});

		const [output] = await runEndorsed(sandbox, pushParameters(byId(jobId)), [{ json: scoredItem(3, 70) }]);

		expect(output.json.candidate).toMatchObject({ created: false });
		expect(sandbox.store.candidates.get('remote.candidate3@example.com')).toMatchObject({
			first_name: 'Augusta',
			last_name: 'King',
			title: 'Staff Engineer',
			phone_numbers: [{ value: '+44 20 7946 0000', type: null }],
			email_addresses: [{ value: 'candidate3@example.com', type: 'personal' }],
		});
	});

	it("waits for the evaluation and returns the evaluations and the candidate's ranking score", async () => {
		await sandbox.close();
		sandbox = await startEndorsedSandbox({ evaluationDelayMs: 300 });
		({ jobId } = await createJob(sandbox));

		const [output] = await runEndorsed(
			sandbox,
			pushParameters(byId(jobId), { waitForEvaluation: true, maxWaitSeconds: 30, pollIntervalSeconds: 0.1 }),
			[{ json: scoredItem(1, 72) }],
		);

		// 72% meets the 50, 60 and 70 thresholds, not 80 and 90; the report says "Overall score: 60/100".
		expect(output.json.evaluation).toMatchObject({ settled: true, met: 3, notMet: 2, failed: 0, inProgress: 0 });
		expect((output.json.evaluation as { criteria: IDataObject[] }).criteria).toContainEqual(
			expect.objectContaining({ prompt: 'Scored at least 70% on the CodeSignal Backend assessment', met: true }),
		);
		const ranking = output.json.ranking as { score: number; nomination_id: string };
		expect(ranking.score).toBeCloseTo(0.9 * (3 / 5) + 0.1 * 0.6, 4);
		expect(ranking.nomination_id).toBe((output.json.nomination as IDataObject).id);
	});

	it('stops waiting at the bound and returns evaluations still in progress', async () => {
		await sandbox.close();
		sandbox = await startEndorsedSandbox({ evaluationDelayMs: 600_000 });
		({ jobId } = await createJob(sandbox));

		const [output] = await runEndorsed(
			sandbox,
			pushParameters(byId(jobId), { waitForEvaluation: true, maxWaitSeconds: 0.3, pollIntervalSeconds: 0.1 }),
			[{ json: scoredItem(1, 72) }],
		);

		expect(output.json.evaluation).toMatchObject({ settled: false, inProgress: 5 });
	});

	it('finds the nomination Endorsed made itself for a job that auto-nominates', async () => {
		const auto = await createJob(sandbox, 'auto-job', 'auto_nominate_and_evaluate_candidates');

		const [output] = await runEndorsed(sandbox, pushParameters(byId(auto.jobId)), [{ json: scoredItem(1, 80) }]);

		const nominations = sandbox.store.nominations.filter((nomination) => nomination.job_id === auto.jobId);
		expect(nominations).toHaveLength(1);
		expect(output.json.nomination).toEqual({ id: nominations[0].id, created: false });
	});

	it('creates each criterion once when two executions push to the same job at the same time', async () => {
		const outputs = await Promise.all([
			runEndorsed(sandbox, pushParameters(byId(jobId)), [{ json: scoredItem(1, 80) }]),
			runEndorsed(sandbox, pushParameters(byId(jobId)), [{ json: scoredItem(2, 60) }]),
		]);

		const prompts = (scoredItem(1, 80).scoring as { prompts: string[] }).prompts;
		expect(
			sandbox.store
				.criteriaOf(jobId)
				.map((criterion) => criterion.prompt_text)
				.sort(),
		).toEqual([...prompts].sort());
		const created = outputs.flatMap(([output]) => output.json.criteriaCreated as string[]);
		expect(created.sort()).toEqual([...prompts].sort());
	});

	it('names the missing field of a bad item, and with Continue On Fail pushes the others', async () => {
		const noScoring = { ...scoredItem(1, 80) };
		delete noScoring.scoring;
		const anonymous = scoredItem(2, 80, { candidate: { email: null, firstName: 'Ada', lastName: null, name: null } });

		const output = await runEndorsed(
			sandbox,
			pushParameters(byId(jobId)),
			asItems([noScoring, anonymous, scoredItem(3, 80)]),
			{ continueOnFail: true },
		);

		expect(output.map(({ json }) => json.error)).toEqual([
			expect.stringContaining('no "scoring" field'),
			expect.stringMatching(/neither "candidate\.email" nor "externalId"/),
			undefined,
		]);
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.store.candidates.all().map((candidate) => candidate.remote_id)).toEqual(['candidate3@example.com']);
	});

	it('stops on a bad item with an error naming the field and the item', async () => {
		const item = scoredItem(1, 80);
		(item.scoring as IDataObject).report = '   ';

		await expect(runEndorsed(sandbox, pushParameters(byId(jobId)), [{ json: item }])).rejects.toMatchObject({
			message: expect.stringContaining('"scoring.report"'),
			context: expect.objectContaining({ itemIndex: 0 }),
		});
		expect(dataRequests(sandbox)).toBe(0);
	});

	it('says which job Endorsed does not know', async () => {
		await expect(
			runEndorsed(sandbox, pushParameters(byRemoteId('no-such-job')), [{ json: scoredItem(1, 80) }]),
		).rejects.toThrow('Endorsed has no job with remote ID "no-such-job"');
		expect(sandbox.store.candidates.size).toBe(0);
	});

	it('asks for a nomination stage when the job has no default one, and uses the one given', async () => {
		await runEndorsed(sandbox, {
			resource: 'job',
			operation: 'upsert',
			remoteId: 'no-stage',
			title: 'Data Engineer',
			description: 'Pipelines',
			status: 'open',
			additionalFields: {},
		});
		const item = { json: scoredItem(1, 80) };

		await expect(runEndorsed(sandbox, pushParameters(byRemoteId('no-stage')), [item])).rejects.toMatchObject({
			message: 'The job has no default nomination stage to nominate the candidate in',
			description: expect.stringContaining('"Nomination Stage ID"'),
		});

		const [output] = await runEndorsed(
			sandbox,
			pushParameters(byRemoteId('no-stage'), { options: { nominationStageId: stageId } }),
			[item],
		);
		expect(output.json.nomination).toMatchObject({ created: true });
		expect(sandbox.store.nominations.all()[0].current_nomination_stage_id).toBe(stageId);
	});

	it('renews an expired token in the middle of a run and pushes every item once', async () => {
		await sandbox.close();
		// The sandbox's clock moves 10 s each time it is read: a 60-second token expires every few requests.
		let now = Date.parse('2026-11-23T12:00:00Z');
		sandbox = await startEndorsedSandbox({ tokenTtlSeconds: 60, now: () => (now += 10_000) });
		({ jobId } = await createJob(sandbox));
		sandbox.resetStats();

		const output = await runEndorsed(
			sandbox,
			pushParameters(byId(jobId)),
			asItems(Array.from({ length: 20 }, (_, index) => scoredItem(index, 50 + index * 2))),
		);

		expect(output.every(({ json }) => json.error === undefined)).toBe(true);
		expect(sandbox.stats().byStatus[401]).toBeGreaterThan(0);
		expect(sandbox.stats().tokensIssued).toBeGreaterThan(1);
		expect(sandbox.store.candidates.size).toBe(20);
		expect(sandbox.store.nominations.size).toBe(20);
	});

	it('ranks a batch of 500 pushed assessments in the order of their scores', async () => {
		const random = mulberry32(500);
		const items = Array.from({ length: 500 }, (_, index) => scoredItem(index, Math.round(random() * 1000) / 10));
		const scoreOf = new Map(
			items.map((item) => [(item.candidate as IDataObject).email, (item.scoring as { score: number }).score]),
		);

		const pushed = await runEndorsed(sandbox, pushParameters(byId(jobId)), asItems(items));
		expect(pushed.filter(({ json }) => json.error !== undefined)).toEqual([]);
		const ranking = await runEndorsed(sandbox, {
			resource: 'ranking',
			operation: 'getManyForJob',
			job: byId(jobId),
			returnAll: true,
		});

		expect(ranking).toHaveLength(500);
		const scores = ranking.map(({ json }) => scoreOf.get(json.candidate_remote_id as string) as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(ranking.map(({ json }) => json.rank)).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
	});
});
