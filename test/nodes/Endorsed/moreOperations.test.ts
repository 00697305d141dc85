import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startEndorsedSandbox, type EndorsedSandbox } from '../../../sandbox/endorsed';
import { byId, byRemoteId, createJob, runEndorsed } from './fixtures';

/** Spotlight, Job Tag, Job → Update, Job Criterion → Get, Nomination Stage → Update, a candidate's evaluations. */
describe('Endorsed node: the rest of the API', () => {
	let sandbox: EndorsedSandbox;
	let jobId: string;
	let stageId: string;
	const run = async (parameters: IDataObject) => (await runEndorsed(sandbox, parameters)).map((item) => item.json);
	const first = async (parameters: IDataObject) => (await run(parameters))[0];
	const failure = async (parameters: IDataObject) => {
		try {
			await runEndorsed(sandbox, parameters);
		} catch (error) {
			return error as Error & { description?: string };
		}
		throw new Error('The node did not fail');
	};

	/** A candidate (by remote ID) with one report. */
	async function candidateWithReport(remoteId: string, text: string) {
		await first({ resource: 'candidate', operation: 'create', remoteId, firstName: 'Ada', additionalFields: {} });
		await first({
			resource: 'attachment',
			operation: 'upload',
			candidate: byRemoteId(remoteId),
			remoteId: `report-${remoteId}`,
			type: 'about',
			source: 'text',
			text,
		});
	}

	/** A candidate with a report that meets the first criterion, nominated to the job. */
	async function nominate(remoteId: string) {
		await candidateWithReport(remoteId, '- MET: Knows Python\nOverall score: 80/100');
		return await first({
			resource: 'nomination',
			operation: 'create',
			job: byRemoteId('job-1'),
			candidate: byRemoteId(remoteId),
			stageId,
			remoteId: `application-${remoteId}`,
			additionalFields: {},
		});
	}

	beforeEach(async () => {
		sandbox = await startEndorsedSandbox();
		({ jobId, stageId } = await createJob(sandbox, 'job-1'));
		for (const promptText of ['Knows Python', 'Knows SQL']) {
			await first({ resource: 'jobCriterion', operation: 'create', job: byId(jobId), promptText, additionalFields: {} });
		}
	});
	afterEach(async () => await sandbox.close());

	describe('Spotlight → Get', () => {
		it("reads Endorsed's view of a candidate for a job, both given by remote ID", async () => {
			const nomination = await nominate('ats-1');
			const candidateId = sandbox.store.candidates.get('remote.ats-1')!.id;
			sandbox.resetStats();
			const spotlight = await first({
				resource: 'spotlight',
				operation: 'get',
				job: byRemoteId('job-1'),
				candidate: byRemoteId('ats-1'),
			});
			expect(spotlight).toEqual({
				job_id: jobId,
				candidate_id: candidateId,
				nomination_id: nomination.id,
				state: 'EVALUATED',
				explanation: 'Meets 1 of 2 criteria: Knows Python. Not met: Knows SQL.',
				confidence_score: 0.7,
				strength_score: 0.53,
			});
			expect(sandbox.stats().byRoute).toMatchObject({ 'GET /jobs/{id}': 1, 'GET /candidates/{id}': 1, 'GET /spotlight': 1 });
		});

		it("reports Endorsed's 404 for a candidate not nominated to the job", async () => {
			await first({ resource: 'candidate', operation: 'create', remoteId: 'ats-2', firstName: 'Grace', additionalFields: {} });
			const candidateId = sandbox.store.candidates.get('remote.ats-2')!.id;
			const error = await failure({ resource: 'spotlight', operation: 'get', job: byId(jobId), candidate: byId(candidateId) });
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe(
				`Endorsed could not read the spotlight of the candidate for the job (NOT_FOUND: candidate ${candidateId} is not nominated to job ${jobId})`,
			);
		});
	});

	describe('Job Tag', () => {
		it('tags a job once, lists and removes the tag', async () => {
			const tagId = (await first({ resource: 'tag', operation: 'create', name: 'Backend', tagType: 'specialty_name' })).id;
			const create = { resource: 'jobTag', operation: 'create', job: byRemoteId('job-1'), tagId };
			const created = await first(create);
			const repeated = await first(create);
			const listed = await run({ resource: 'jobTag', operation: 'getMany', returnAll: true, filters: { jobId } });

			expect(created).toMatchObject({ id: expect.any(String), job_id: jobId, tag_id: tagId, created: true });
			expect(repeated).toMatchObject({ id: created.id, created: false });
			expect(listed).toEqual([expect.objectContaining({ id: created.id, job_id: jobId, tag_id: tagId })]);
			expect(await first({ resource: 'jobTag', operation: 'deleteJobTag', jobTagId: created.id })).toEqual({
				id: created.id,
				deleted: true,
			});
			expect(sandbox.store.jobTags.size).toBe(0);
		});
	});

	describe('Job → Update', () => {
		it('changes only the fields given, by ID, and creates nothing for an unknown job', async () => {
			const updated = await first({
				resource: 'job',
				operation: 'update',
				job: byId(jobId),
				updateFields: { status: 'closed', jobPostingUrls: 'https://jobs.example.com/1' },
			});
			expect(updated).toEqual({ id: jobId, status: 'closed', job_posting_urls: ['https://jobs.example.com/1'] });
			expect(sandbox.store.jobs.get(jobId)).toMatchObject({
				title: 'Backend Engineer',
				status: 'closed',
				auto_evaluation_behavior: 'auto_evaluate_nominations',
			});

			const jobs = sandbox.store.jobs.size;
			const error = await failure({ resource: 'job', operation: 'update', job: byRemoteId('no-such-job'), updateFields: { title: 'X' } });
			expect(error.message).toBe('Endorsed could not update the job (NOT_FOUND: no job with id remote.no-such-job)');
			expect(sandbox.store.jobs.size).toBe(jobs);
		});
	});

	describe('Job Criterion → Get', () => {
		it('reads one criterion of a job', async () => {
			const criterion = sandbox.store.criteriaOf(jobId)[1];
			expect(await first({ resource: 'jobCriterion', operation: 'get', job: byRemoteId('job-1'), criterionId: criterion.id })).toEqual(
				criterion,
			);
		});
	});

	describe('Nomination Stage → Update', () => {
		it('renames a stage, keeping its job and order, and writes nothing when nothing changes', async () => {
			const update = (updateFields: IDataObject) => ({
				resource: 'nominationStage',
				operation: 'update',
				nominationStage: byId(stageId),
				updateFields,
			});
			const stage = sandbox.store.stages.get(stageId)!;
			const renamed = await first(update({ name: 'Screening' }));
			expect(renamed).toEqual({
				id: stageId,
				job_id: stage.job_id,
				name: 'Screening',
				stage_order_index: stage.stage_order_index,
				remote_id: stage.remote_id,
				updated: true,
			});
			expect(sandbox.store.stages.get(stageId)).toMatchObject({ name: 'Screening', stage_order_index: stage.stage_order_index });
			sandbox.resetStats();
			expect(await first(update({ name: 'Screening' }))).toMatchObject({ updated: false });
			expect(sandbox.stats().byRoute['PUT /nomination_stages/{id}']).toBeUndefined();
		});
	});

	describe('Criterion Evaluation → Get Many for Candidate', () => {
		it("reads a candidate's evaluations across their nominations, each with its job", async () => {
			const nomination = await nominate('ats-1');
			const evaluations = await run({
				resource: 'criterionEvaluation',
				operation: 'getManyForCandidate',
				candidate: byRemoteId('ats-1'),
				waitForEvaluation: true,
				maxWaitSeconds: 5,
				pollIntervalSeconds: 0.1,
			});
			expect(evaluations).toEqual([
				expect.objectContaining({
					nomination_id: nomination.id,
					job_id: jobId,
					criterion: expect.objectContaining({ prompt_text: 'Knows Python' }),
					evaluation: expect.objectContaining({ state: 'EVALUATED', result: expect.objectContaining({ is_criterion_met: true }) }),
				}),
				expect.objectContaining({
					criterion: expect.objectContaining({ prompt_text: 'Knows SQL' }),
					evaluation: expect.objectContaining({ result: expect.objectContaining({ is_criterion_met: false }) }),
				}),
			]);
		});
	});

	describe('Ranking → Search', () => {
		const search = (parameters: IDataObject) => run({ resource: 'ranking', operation: 'search', returnAll: true, ...parameters });

		it('ranks the candidates whose attachments match a text, best first, and only those', async () => {
			await nominate('ats-1');
			await candidateWithReport('ats-2', '- MET: Knows SQL\n- MET: Knows Python');
			await first({ resource: 'candidate', operation: 'create', remoteId: 'ats-3', firstName: 'Alan', additionalFields: {} });

			const ranking = await search({ rankBy: 'text', text: 'Knows SQL' });

			expect(ranking.map(({ rank, candidate_remote_id }) => ({ rank, candidate_remote_id }))).toEqual([
				{ rank: 1, candidate_remote_id: 'ats-2' },
				{ rank: 2, candidate_remote_id: 'ats-1' },
			]);
			expect(sandbox.stats().byRoute['GET /candidate_rankings']).toBe(1);
		});

		it("ranks the others by likeness to a candidate given by remote ID, only the job's nominees, with their nominations", async () => {
			await nominate('ats-1');
			const nomination = await nominate('ats-2');
			await candidateWithReport('ats-3', '- MET: Knows Python');

			const ranking = await search({ rankBy: 'candidate', candidate: byRemoteId('ats-1'), onlyNominated: true, job: byRemoteId('job-1') });

			// ats-3 is as alike but not nominated; ats-1 is the one compared with.
			expect(ranking).toEqual([expect.objectContaining({ rank: 1, candidate_remote_id: 'ats-2', nomination_id: nomination.id })]);
		});
	});

	describe('bad input names the parameter, and nothing is sent', () => {
		it.each([
			['a spotlight without a job', { resource: 'spotlight', operation: 'get', job: byId(''), candidate: byRemoteId('ats-1') }, 'The parameter "job" is empty'],
			[
				'a spotlight for a candidate ID that is not a UUID',
				{ resource: 'spotlight', operation: 'get', job: byRemoteId('job-1'), candidate: byId('ats-1') },
				'"ats-1" in "candidate" is not an Endorsed ID (a UUID)',
			],
			[
				'an unknown job status',
				{ resource: 'job', operation: 'update', job: byRemoteId('job-1'), updateFields: { status: 'paused' } },
				'Status must be one of archived, closed, open, got "paused"',
			],
			['a job update without fields', { resource: 'job', operation: 'update', job: byRemoteId('job-1'), updateFields: {} }, 'No field to update was given'],
			[
				'a stage update without fields',
				{ resource: 'nominationStage', operation: 'update', nominationStage: byRemoteId('x'), updateFields: {} },
				'No field to update was given',
			],
			[
				'a criterion without its ID',
				{ resource: 'jobCriterion', operation: 'get', job: byRemoteId('job-1'), criterionId: ' ' },
				'The parameter "criterionId" is empty',
			],
			[
				'a criterion of a job whose ID is not a UUID',
				{ resource: 'jobCriterion', operation: 'get', job: byId('job-1'), criterionId: 'x' },
				'"job-1" in "job" is not an Endorsed ID (a UUID)',
			],
			['a job tag to delete without its ID', { resource: 'jobTag', operation: 'deleteJobTag', jobTagId: '' }, 'The parameter "jobTagId" is empty'],
			['a job tag without a job', { resource: 'jobTag', operation: 'create', job: byRemoteId(' '), tagId: 'x' }, 'The parameter "job" is empty'],
			['a ranking search without a text', { resource: 'ranking', operation: 'search', rankBy: 'text', text: '  ', returnAll: true }, 'Text is required'],
			[
				'a ranking search like an attachment whose ID is not a UUID',
				{ resource: 'ranking', operation: 'search', rankBy: 'attachment', attachment: byId('report-1'), returnAll: true },
				'"report-1" in "attachment" is not an Endorsed ID (a UUID)',
			],
			[
				"a candidate's evaluations without a candidate",
				{ resource: 'criterionEvaluation', operation: 'getManyForCandidate', candidate: byId(''), waitForEvaluation: false },
				'The parameter "candidate" is empty',
			],
		])('%s', async (_case, parameters, message) => {
			sandbox.resetStats();
			const error = await failure(parameters);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
			expect(sandbox.stats().requests).toBe(0);
		});
	});
});
