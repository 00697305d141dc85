import { candidateBody, connect, issueMessages, jobBody, reportUpload, TestClock, useSandbox, type Api } from './helpers';

const PYTHON = 'Knows Python';
const SQL = 'Knows SQL';

describe('Endorsed sandbox: GET /spotlight', () => {
	const clock = new TestClock();
	const sandbox = useSandbox(() => ({ now: clock.now, evaluationDelayMs: 60_000 }));
	let api: Api;
	let jobId: string;
	let candidateId: string;

	beforeEach(async () => {
		api = await connect(sandbox());
		jobId = await api.create('/jobs', jobBody());
		await api.create(`/jobs/${jobId}/criteria`, { prompt_text: PYTHON, display_name: 'Python' });
		await api.create(`/jobs/${jobId}/criteria`, { prompt_text: SQL });
		const stageId = await api.create('/nomination_stages', { job_id: jobId, name: 'Applied', stage_order_index: 0, remote_id: 'applied' });
		candidateId = await api.create('/candidates', candidateBody('ada'));
		await api.post('/attachments', reportUpload({ candidate_id: candidateId, remote_id: 'report-ada', type: 'about' }, `MET: ${PYTHON}\nOverall score: 80/100`));
		await api.create('/nominations', { job_id: jobId, candidate_id: candidateId, current_nomination_stage_id: stageId, remote_id: 'application-ada' });
	});

	const spotlight = () => api.get(`/spotlight?job_id=${jobId}&candidate_id=${candidateId}`);

	it('is IN_PROGRESS without scores while Endorsed evaluates, then explains the evaluated criteria', async () => {
		const early = await spotlight();
		expect(early.status).toBe(200);
		expect(early.body).toEqual({
			is_error: false,
			result: {
				job_id: jobId,
				candidate_id: candidateId,
				nomination_id: expect.any(String),
				state: 'IN_PROGRESS',
				explanation: 'Endorsed is still evaluating 2 of 2 criteria.',
				confidence_score: null,
				strength_score: null,
			},
		});

		clock.advance(60_000);
		const ranking = (await api.get(`/candidate_rankings?target_resource_id=${jobId}`)).body.results[0];
		expect((await spotlight()).body.result).toMatchObject({
			state: 'EVALUATED',
			explanation: `Meets 1 of 2 criteria: Python. Not met: ${SQL}.`,
			confidence_score: 0.7,
			strength_score: ranking.score,
		});
	});

	it('answers 400 without both ids, 404 for unknown records and for a candidate not nominated to the job', async () => {
		const missing = await api.get(`/spotlight?job_id=${jobId}`);
		expect([missing.status, missing.body.error.code, issueMessages(missing)]).toEqual([400, 'INVALID_ARGUMENT', ['candidate_id is required']]);
		const unknownJob = await api.get(`/spotlight?job_id=remote.job-backend&candidate_id=${candidateId}`);
		expect([unknownJob.status, issueMessages(unknownJob)]).toEqual([404, ['job_id: no job with id remote.job-backend']]);
		const other = await api.create('/candidates', candidateBody('grace'));
		const notNominated = await api.get(`/spotlight?job_id=${jobId}&candidate_id=${other}`);
		expect([notNominated.status, issueMessages(notNominated)]).toEqual([404, [`candidate ${other} is not nominated to job ${jobId}`]]);
	});
});
