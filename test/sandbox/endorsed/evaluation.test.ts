import { candidateBody, connect, jobBody, reportUpload, TestClock, useSandbox, type Api } from './helpers';

const BACKEND = 'Scored at least 70% on the CodeSignal Backend assessment';
const VERIFIED = 'Completed a verified CodeSignal assessment';
const AUTO_NOMINATE = 'auto_nominate_and_evaluate_candidates';

/** A job with two criteria, a stage, and a way to add nominated candidates with a report. */
async function setUpJob(api: Api, jobOverrides: Record<string, unknown> = {}) {
	const jobId = await api.create('/jobs', jobBody(jobOverrides));
	const stageId = await api.create('/nomination_stages', {
		job_id: jobId,
		name: 'Applied',
		stage_order_index: 0,
		remote_id: 'applied',
	});
	const criteria = {
		backend: await api.create(`/jobs/${jobId}/criteria`, { prompt_text: BACKEND }),
		verified: await api.create(`/jobs/${jobId}/criteria`, { prompt_text: VERIFIED }),
	};
	async function pushReport(remoteId: string, text: string) {
		const candidateId = (await api.get(`/candidates/remote.${remoteId}`)).body.result.id;
		const upload = reportUpload({ candidate_id: candidateId, type: 'about' }, text);
		return api.put(`/attachments/remote.report-${remoteId}`, upload);
	}
	async function addCandidate(remoteId: string, report?: string) {
		const candidateId = await api.create('/candidates', candidateBody(remoteId));
		if (report !== undefined) await pushReport(remoteId, report);
		const nominationId = await api.create('/nominations', {
			job_id: jobId,
			candidate_id: candidateId,
			current_nomination_stage_id: stageId,
			remote_id: `application-${remoteId}`,
		});
		return { candidateId, nominationId };
	}
	return { jobId, stageId, criteria, addCandidate, pushReport };
}

interface Evaluation {
	criterion: { id: string };
	evaluation: { state: string };
}

const remoteIds = (entries: Array<{ candidate_remote_id: string }>) => entries.map((e) => e.candidate_remote_id);

async function evaluations(api: Api, nominationId: string) {
	const response = await api.get(`/nominations/${nominationId}/criterion_evaluations/`);
	expect(response.status).toBe(200);
	return response.body.results;
}

async function ranking(api: Api, jobId: string, query = '') {
	const response = await api.get(`/candidate_rankings?target_resource_id=${jobId}${query}`);
	expect(response.status).toBe(200);
	return response.body.results as Array<{ score: number; candidate_remote_id: string; nomination_id: string | null }>;
}

describe('criterion evaluations', () => {
	const clock = new TestClock();
	const sandbox = useSandbox(() => ({ evaluationDelayMs: 30_000, now: clock.now }));
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
	});

	test('stay IN_PROGRESS for evaluationDelayMs, then are EVALUATED from the MET lines', async () => {
		const job = await setUpJob(api);
		const report = `Assessment report\n- ✅ MET: ${BACKEND}\n- ❌ NOT MET: ${VERIFIED}\n`;
		const { nominationId } = await job.addCandidate('ada', report);
		const nominatedAt = clock.ms;

		const pending = await evaluations(api, nominationId);
		clock.advance(29_999);
		const stillPending = await evaluations(api, nominationId);
		clock.advance(1);
		const done = await evaluations(api, nominationId);

		for (const item of [...pending, ...stillPending]) {
			expect(item.evaluation).toEqual({ state: 'IN_PROGRESS', result: null, error: null });
		}
		expect(done).toEqual([
			{
				criterion: { id: job.criteria.backend, prompt_text: BACKEND, display_name: null, scope: 'job' },
				evaluation: {
					state: 'EVALUATED',
					result: {
						is_criterion_met: true,
						confidence_score: 0.9,
						strength_score: 1,
						explanation: `The candidate's attachments state: "- ✅ MET: ${BACKEND}"`,
						evaluated_at: new Date(nominatedAt + 30_000).toISOString(),
					},
					error: null,
				},
			},
			{
				criterion: expect.objectContaining({ id: job.criteria.verified }),
				evaluation: {
					state: 'EVALUATED',
					result: expect.objectContaining({ is_criterion_met: false, confidence_score: 0.9, strength_score: 0 }),
					error: null,
				},
			},
		]);
	});

	test('a criterion no attachment mentions is not met, with confidence 0.5', async () => {
		const job = await setUpJob(api, { remote_id: 'job-x' });
		const { nominationId } = await job.addCandidate('ada', `MET: ${BACKEND}`);
		clock.advance(30_000);

		const [, verified] = await evaluations(api, nominationId);

		expect(verified.evaluation.result).toEqual(
			expect.objectContaining({
				is_criterion_met: false,
				confidence_score: 0.5,
				explanation: expect.stringContaining(VERIFIED),
			}),
		);
	});

	test('a changed attachment or a new criterion puts evaluations back IN_PROGRESS', async () => {
		const job = await setUpJob(api);
		const { nominationId } = await job.addCandidate('ada', `NOT MET: ${BACKEND}`);
		clock.advance(30_000);
		expect((await evaluations(api, nominationId))[0].evaluation.result.is_criterion_met).toBe(false);

		await job.pushReport('ada', `MET: ${BACKEND}`);
		const afterPush = await evaluations(api, nominationId);
		clock.advance(30_000);
		const reevaluated = await evaluations(api, nominationId);
		const newCriterion = await api.create(`/jobs/${job.jobId}/criteria`, { prompt_text: 'Knows Go' });
		const afterNewCriterion = await evaluations(api, nominationId);

		expect(afterPush.map((item: Evaluation) => item.evaluation.state)).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
		expect(reevaluated[0].evaluation.result.is_criterion_met).toBe(true);
		expect(afterNewCriterion.map((item: Evaluation) => [item.criterion.id, item.evaluation.state])).toEqual([
			[job.criteria.backend, 'EVALUATED'],
			[job.criteria.verified, 'EVALUATED'],
			[newCriterion, 'IN_PROGRESS'],
		]);
	});

	test('the ranking counts a pushed report once its evaluations are done', async () => {
		const job = await setUpJob(api);
		await job.addCandidate('ada', `MET: ${BACKEND}\nMET: ${VERIFIED}\nOverall score: 80/100`);

		const during = await ranking(api, job.jobId);
		clock.advance(30_000);
		const after = await ranking(api, job.jobId);

		expect(during[0].score).toBe(0);
		expect(after[0].score).toBe(0.98);
	});

	test('an "EVALUATION FAILED:" line makes the evaluation FAILED', async () => {
		const job = await setUpJob(api);
		const { nominationId } = await job.addCandidate('ada', `EVALUATION FAILED: ${BACKEND}`);
		clock.advance(30_000);

		const [backend] = await evaluations(api, nominationId);

		expect(backend.evaluation).toEqual({
			state: 'FAILED',
			result: null,
			error: { message: expect.stringContaining(BACKEND) },
		});
	});

	test('/candidates/{id}/criterion_evaluations lists every nomination of the candidate', async () => {
		const first = await setUpJob(api, { remote_id: 'job-1' });
		const { candidateId, nominationId } = await first.addCandidate('ada', `MET: ${BACKEND}`);
		clock.advance(30_000);

		const response = await api.get(`/candidates/${candidateId}/criterion_evaluations`);

		expect(response.body.results).toEqual([
			expect.objectContaining({
				nomination_id: nominationId,
				job_id: first.jobId,
				criterion: expect.objectContaining({ prompt_text: BACKEND }),
			}),
			expect.objectContaining({
				nomination_id: nominationId,
				criterion: expect.objectContaining({ prompt_text: VERIFIED }),
			}),
		]);
		expect((await api.get(`/nominations/${nominationId}/criterion_evaluations`)).status).toBe(200);
	});
});

describe('candidate rankings', () => {
	const sandbox = useSandbox();
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
	});

	test('score = 0.9 × share of criteria met + 0.1 × overall score; best first, ties by remote id', async () => {
		const job = await setUpJob(api);
		await job.addCandidate('carol', `MET: ${BACKEND}\nOverall score: 100/100`);
		await job.addCandidate('alice', `MET: ${BACKEND}\nMET: ${VERIFIED}\nOverall score: 50/100`);
		await job.addCandidate('bob', `* MET: ${BACKEND}\n* **MET:** ${VERIFIED}.\nOverall score: 90/100`);
		await job.addCandidate('erin');
		await job.addCandidate('dave', 'No statements here');

		const results = await ranking(api, job.jobId);

		expect(results.map(({ candidate_remote_id, score }) => [candidate_remote_id, score])).toEqual([
			['bob', 0.99],
			['alice', 0.95],
			['carol', 0.55],
			['dave', 0],
			['erin', 0],
		]);
	});

	test('a pushed report moves the candidate up the ranking', async () => {
		const job = await setUpJob(api);
		await job.addCandidate('alice', `MET: ${BACKEND}`);
		const bob = await job.addCandidate('bob', `NOT MET: ${BACKEND}`);
		expect(remoteIds(await ranking(api, job.jobId))).toEqual(['alice', 'bob']);

		await job.pushReport('bob', `MET: ${BACKEND}\nMET: ${VERIFIED}`);
		const results = await ranking(api, job.jobId);

		expect(results[0]).toEqual({
			score: 0.9,
			candidate_id: bob.candidateId,
			candidate_remote_id: 'bob',
			summary_id: null,
			nomination_id: bob.nominationId,
		});
		expect(remoteIds(results)).toEqual(['bob', 'alice']);
	});

	test('one candidate’s ranking, offset and limit, filter_job_id', async () => {
		const job = await setUpJob(api);
		const alice = await job.addCandidate('alice', `MET: ${BACKEND}`);
		await job.addCandidate('bob');
		await job.addCandidate('carol', `MET: ${BACKEND}\nMET: ${VERIFIED}`);

		const one = await api.get(`/candidate_rankings/${alice.candidateId}?filter_job_id=${job.jobId}`);
		const page = await ranking(api, job.jobId, '&offset=1&limit=1');
		const otherJobId = await api.create('/jobs', jobBody({ remote_id: 'job-empty' }));

		expect(one.body.result).toEqual(
			expect.objectContaining({ candidate_id: alice.candidateId, score: 0.45, nomination_id: alice.nominationId }),
		);
		expect(remoteIds(page)).toEqual(['alice']);
		expect(await ranking(api, job.jobId, `&filter_job_id=${otherJobId}`)).toEqual([]);
		expect((await api.get(`/candidate_rankings/${alice.candidateId}?filter_job_id=${otherJobId}`)).status).toBe(404);
	});

	test('q and a candidate target rank by shared words; bad parameters answer 400 or 404', async () => {
		const job = await setUpJob(api);
		const alice = await job.addCandidate('alice', 'Kubernetes operator written in Go');
		await job.addCandidate('bob', 'React and TypeScript frontends');
		await job.addCandidate('carol', 'Go services on Kubernetes');

		const byText = await api.get('/candidate_rankings?q=kubernetes+go');
		const similar = await api.get(`/candidate_rankings?target_resource_id=${alice.candidateId}`);

		expect(remoteIds(byText.body.results)).toEqual(['alice', 'carol']);
		expect(remoteIds(similar.body.results)).toEqual(['carol']);
		expect((await api.get('/candidate_rankings')).status).toBe(400);
		expect((await api.get(`/candidate_rankings?target_resource_id=${job.jobId}&limit=0`)).status).toBe(400);
		const unknownTarget = await api.get('/candidate_rankings?target_resource_id=00000000-0000-4000-8000-000000000000');
		expect(unknownTarget.status).toBe(404);
	});

	test('deleting a criterion rescores the job', async () => {
		const job = await setUpJob(api);
		await job.addCandidate('alice', `MET: ${BACKEND}`);
		expect((await ranking(api, job.jobId))[0].score).toBe(0.45);

		await api.delete(`/jobs/${job.jobId}/criteria/${job.criteria.verified}`);

		expect((await ranking(api, job.jobId))[0].score).toBe(0.9);
	});
});

describe('auto_evaluation_behavior', () => {
	const sandbox = useSandbox();
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
	});

	test('auto_nominate_and_evaluate_candidates: an attachment nominates its candidate to the open job', async () => {
		const job = await setUpJob(api, { auto_evaluation_behavior: AUTO_NOMINATE });
		const closedJob = jobBody({ remote_id: 'closed', status: 'closed', auto_evaluation_behavior: AUTO_NOMINATE });
		const closedJobId = await api.create('/jobs', closedJob);
		const candidateId = await api.create('/candidates', candidateBody('ada'));

		await job.pushReport('ada', `MET: ${BACKEND}`);
		const [entry] = await ranking(api, job.jobId);
		const manual = await api.post('/nominations', {
			job_id: job.jobId,
			candidate_id: candidateId,
			current_nomination_stage_id: job.stageId,
			remote_id: 'application-ada',
		});

		expect(entry).toEqual(
			expect.objectContaining({ candidate_id: candidateId, score: 0.45, nomination_id: expect.any(String) }),
		);
		expect(sandbox().store.nominations.get(entry.nomination_id as string)?.remote_id).toBeNull();
		expect(manual.status).toBe(409);
		expect(await ranking(api, closedJobId)).toEqual([]);
	});

	test('other jobs rank only the candidates nominated to them', async () => {
		const job = await setUpJob(api, { auto_evaluation_behavior: 'auto_evaluate_nominations' });
		await api.create('/candidates', candidateBody('ada'));

		await job.pushReport('ada', `MET: ${BACKEND}`);

		expect(await ranking(api, job.jobId)).toEqual([]);
	});
});
