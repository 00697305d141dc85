import { candidateBody, connect, issueMessages, jobBody, useSandbox, type Api } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('jobs', () => {
	const sandbox = useSandbox();
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
	});

	test('POST answers 201 with only the new UUID; GET reads it by id and by remote.<id>', async () => {
		const created = await api.post('/jobs', jobBody({ job_posting_urls: ['https://jobs.example.com/1'] }));
		const id = created.body.result.id;
		const byId = await api.get(`/jobs/${id}`);
		const byRemoteId = await api.get('/jobs/remote.job-backend');

		expect(created.status).toBe(201);
		expect(created.body).toEqual({ is_error: false, result: { id: expect.stringMatching(UUID) } });
		expect(byId.body).toEqual({
			is_error: false,
			result: expect.objectContaining({
				id,
				remote_id: 'job-backend',
				title: 'Backend Engineer',
				status: 'open',
				job_posting_urls: ['https://jobs.example.com/1'],
				auto_evaluation_behavior: null,
			}),
		});
		expect(byRemoteId.body).toEqual(byId.body);
	});

	test('a create without required fields answers 400 with one issue per missing field', async () => {
		const response = await api.post('/jobs', { title: 'Backend Engineer', status: 'hiring' });

		expect(response.status).toBe(400);
		expect(response.body.is_error).toBe(true);
		expect(response.body.error.code).toBe('INVALID_ARGUMENT');
		expect(issueMessages(response)).toEqual([
			'description is required',
			'status must be one of open, archived, closed',
			'remote_id is required',
		]);
		expect(sandbox().store.jobs.size).toBe(0);
	});

	test('a second job with the same remote_id answers 409 CONFLICT', async () => {
		await api.create('/jobs', jobBody());
		const response = await api.post('/jobs', jobBody({ title: 'Other' }));

		expect(response.status).toBe(409);
		expect(response.body.error.code).toBe('CONFLICT');
	});

	test('PUT on an unknown remote.<id> creates the job (201), then replaces it (200)', async () => {
		const { remote_id: _remoteId, ...body } = jobBody({ auto_evaluation_behavior: 'auto_evaluate_nominations' });
		const inserted = await api.put('/jobs/remote.job-42', body);
		const replaced = await api.put('/jobs/remote.job-42', { ...body, title: 'Staff Engineer' });
		const job = await api.get('/jobs/remote.job-42');

		expect(inserted.status).toBe(201);
		expect(replaced.status).toBe(200);
		expect(replaced.body.result.id).toBe(inserted.body.result.id);
		expect(job.body.result).toEqual(
			expect.objectContaining({
				remote_id: 'job-42',
				title: 'Staff Engineer',
				auto_evaluation_behavior: 'auto_evaluate_nominations',
			}),
		);
		expect(sandbox().store.jobs.size).toBe(1);
	});

	test('PUT replaces every field: what the body leaves out is cleared', async () => {
		const id = await api.create('/jobs', jobBody({ job_posting_urls: ['https://jobs.example.com/1'] }));
		await api.put(`/jobs/${id}`, jobBody({ status: 'closed' }));

		expect(sandbox().store.jobs.get(id)).toEqual(expect.objectContaining({ status: 'closed', job_posting_urls: [] }));
	});

	test('PUT on an unknown UUID or a remote_id that disagrees with the path is refused', async () => {
		const unknown = await api.put('/jobs/00000000-0000-4000-8000-000000000000', jobBody());
		const mismatch = await api.put('/jobs/remote.job-1', jobBody({ remote_id: 'job-2' }));

		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({
			is_error: true,
			error: { code: 'NOT_FOUND', issues: [{ message: 'no job with id 00000000-0000-4000-8000-000000000000' }] },
		});
		expect(mismatch.status).toBe(400);
	});

	test('PATCH changes only the fields sent and validates them', async () => {
		const id = await api.create('/jobs', jobBody());
		const patched = await api.patch('/jobs/remote.job-backend', {
			status: 'archived',
			auto_evaluation_behavior: 'auto_nominate_and_evaluate_candidates',
		});
		const invalid = await api.patch(`/jobs/${id}`, { title: null, auto_evaluation_behavior: 'sometimes' });

		expect(patched.status).toBe(200);
		expect(sandbox().store.jobs.get(id)).toEqual(
			expect.objectContaining({
				title: 'Backend Engineer',
				status: 'archived',
				auto_evaluation_behavior: 'auto_nominate_and_evaluate_candidates',
			}),
		);
		expect(issueMessages(invalid)).toEqual([
			'title is required',
			'auto_evaluation_behavior must be one of auto_evaluate_nominations, auto_nominate_and_evaluate_candidates',
		]);
	});

	test('unknown ids answer the 404 envelope; unknown paths 404 and wrong methods 405', async () => {
		const job = await api.get('/jobs/remote.nobody');
		const path = await api.get('/jobz');
		const method = await api.delete('/jobs/remote.nobody');

		expect(job.status).toBe(404);
		expect(job.body.error).toEqual({ code: 'NOT_FOUND', issues: [{ message: 'no job with id remote.nobody' }] });
		expect(path.status).toBe(404);
		expect(method.status).toBe(405);
		expect(method.body.error.code).toBe('METHOD_NOT_ALLOWED');
	});
});

describe('job criteria', () => {
	const sandbox = useSandbox();
	let api: Api;
	let jobId: string;
	beforeEach(async () => {
		api = await connect(sandbox());
		jobId = await api.create('/jobs', jobBody());
	});

	const prompt = 'Scored at least 70% on the CodeSignal Backend assessment';

	test('POST, list, read one and delete', async () => {
		const id = await api.create(`/jobs/${jobId}/criteria`, { prompt_text: prompt, display_name: 'Backend ≥ 70%' });
		await api.create('/jobs/remote.job-backend/criteria', { prompt_text: 'Solved every task' });
		const list = await api.get(`/jobs/${jobId}/criteria`);
		const one = await api.get(`/jobs/${jobId}/criteria/${id}`);
		const deleted = await api.delete(`/jobs/${jobId}/criteria/${id}`);
		const gone = await api.get(`/jobs/${jobId}/criteria/${id}`);

		const prompts = list.body.results.map((criterion: { prompt_text: string }) => criterion.prompt_text);
		expect(prompts).toEqual([prompt, 'Solved every task']);
		expect(one.body.result).toEqual(
			expect.objectContaining({ id, job_id: jobId, prompt_text: prompt, display_name: 'Backend ≥ 70%' }),
		);
		expect(deleted.body).toEqual({ is_error: false, result: { id } });
		expect(gone.status).toBe(404);
		expect((await api.get(`/jobs/${jobId}/criteria`)).body.results).toHaveLength(1);
	});

	test('a duplicate prompt_text answers 409 CONFLICT; a missing one 400', async () => {
		await api.create(`/jobs/${jobId}/criteria`, { prompt_text: prompt });
		const duplicate = await api.post(`/jobs/${jobId}/criteria`, { prompt_text: prompt });
		const missing = await api.post(`/jobs/${jobId}/criteria`, { display_name: 'No prompt' });

		expect(duplicate.status).toBe(409);
		expect(duplicate.body.error.code).toBe('CONFLICT');
		expect(missing.status).toBe(400);
		expect(issueMessages(missing)).toEqual(['prompt_text is required']);
	});

	test('criteria of an unknown job, or of another job, answer 404', async () => {
		const otherJobId = await api.create('/jobs', jobBody({ remote_id: 'job-other' }));
		const id = await api.create(`/jobs/${jobId}/criteria`, { prompt_text: prompt });

		expect((await api.get('/jobs/remote.nope/criteria')).status).toBe(404);
		expect((await api.get(`/jobs/${otherJobId}/criteria/${id}`)).status).toBe(404);
		expect((await api.delete(`/jobs/${otherJobId}/criteria/${id}`)).status).toBe(404);
	});
});

describe('nomination stages', () => {
	const sandbox = useSandbox();
	let api: Api;
	let jobId: string;
	beforeEach(async () => {
		api = await connect(sandbox());
		jobId = await api.create('/jobs', jobBody());
	});

	const stageBody = (overrides: Record<string, unknown> = {}) => ({
		job_id: jobId,
		name: 'Applied',
		stage_order_index: 0,
		remote_id: 's1',
		...overrides,
	});

	test('POST and GET by id or remote id; a global stage has no job_id', async () => {
		const id = await api.create('/nomination_stages', stageBody({ remote_id: 'stage-applied' }));
		const global = stageBody({ job_id: undefined, name: 'Sourced', remote_id: 'stage-sourced' });
		const globalId = await api.create('/nomination_stages', global);

		expect((await api.get('/nomination_stages/remote.stage-applied')).body.result).toEqual(
			expect.objectContaining({ id, job_id: jobId, name: 'Applied', stage_order_index: 0 }),
		);
		expect((await api.get(`/nomination_stages/${globalId}`)).body.result.job_id).toBeNull();
	});

	test('stage_order_index is unique per job (409); it must be an integer (400)', async () => {
		await api.create('/nomination_stages', stageBody({ stage_order_index: 1 }));
		const clash = await api.post('/nomination_stages', stageBody({ stage_order_index: 1, remote_id: 's2' }));
		const notInteger = await api.post('/nomination_stages', stageBody({ stage_order_index: '2', remote_id: 's2' }));

		expect(clash.status).toBe(409);
		expect(notInteger.status).toBe(400);
		expect(issueMessages(notInteger)).toEqual(['stage_order_index must be an integer']);
	});

	test('PUT renames a stage or upserts one by remote id', async () => {
		const id = await api.create('/nomination_stages', stageBody());
		const renamed = await api.put(`/nomination_stages/${id}`, stageBody({ name: 'Application', remote_id: undefined }));
		const upserted = await api.put(
			'/nomination_stages/remote.s2',
			stageBody({ name: 'Interview', stage_order_index: 1, remote_id: undefined }),
		);

		expect(renamed.status).toBe(200);
		expect(sandbox().store.stages.get(id)?.name).toBe('Application');
		expect(upserted.status).toBe(201);
		expect(sandbox().store.stages.get('remote.s2')?.name).toBe('Interview');
	});
});

describe('candidates', () => {
	const sandbox = useSandbox();
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
	});

	test('POST answers 201; GET by remote.<e-mail> (URL-encoded)', async () => {
		const id = await api.create(
			'/candidates',
			candidateBody('ada@example.com', {
				last_name: 'Lovelace',
				email_addresses: [{ value: 'ada@example.com', type: 'work' }],
			}),
		);
		const response = await api.get(`/candidates/remote.${encodeURIComponent('ada@example.com')}`);

		expect(response.body.result).toEqual(
			expect.objectContaining({
				id,
				first_name: 'ada',
				last_name: 'Lovelace',
				remote_id: 'ada@example.com',
				email_addresses: [{ value: 'ada@example.com', type: 'work' }],
				phone_numbers: [],
			}),
		);
	});

	test('validation names nested fields', async () => {
		const response = await api.post('/candidates', {
			remote_id: 'x',
			email_addresses: [{ value: 'x@example.com', type: 'home' }, { type: 'work' }],
		});

		expect(response.status).toBe(400);
		expect(issueMessages(response)).toEqual([
			'first_name is required',
			'email_addresses[0].type must be one of personal, work',
			'email_addresses[1].value is required',
		]);
	});

	test('PUT upserts by remote id, then updates', async () => {
		const inserted = await api.put('/candidates/remote.cand-7', { first_name: 'Grace' });
		const updated = await api.put('/candidates/remote.cand-7', {
			first_name: 'Grace',
			last_name: 'Hopper',
			title: 'Rear Admiral',
		});

		expect(inserted.status).toBe(201);
		expect(updated.status).toBe(200);
		expect(sandbox().store.candidates.get(inserted.body.result.id)).toEqual(
			expect.objectContaining({ remote_id: 'cand-7', last_name: 'Hopper', title: 'Rear Admiral' }),
		);
	});
});

describe('nominations', () => {
	const sandbox = useSandbox();
	let api: Api;
	let ids: { job: string; candidate: string; stage: string };
	beforeEach(async () => {
		api = await connect(sandbox());
		const job = await api.create('/jobs', jobBody());
		ids = {
			job,
			candidate: await api.create('/candidates', candidateBody('ada@example.com')),
			stage: await api.create('/nomination_stages', {
				job_id: job,
				name: 'Applied',
				stage_order_index: 0,
				remote_id: 'stage-1',
			}),
		};
	});

	const nominationBody = (overrides: Record<string, unknown> = {}) => ({
		job_id: ids.job,
		candidate_id: ids.candidate,
		current_nomination_stage_id: ids.stage,
		applied_at: '2025-01-10T08:00:00Z',
		remote_id: 'application-1',
		...overrides,
	});

	test('POST links candidate and job; GET by id and remote id', async () => {
		const id = await api.create('/nominations', nominationBody());
		const byRemoteId = await api.get('/nominations/remote.application-1');

		expect(byRemoteId.body.result).toEqual(
			expect.objectContaining({
				id,
				job_id: ids.job,
				candidate_id: ids.candidate,
				current_nomination_stage_id: ids.stage,
			}),
		);
	});

	test('a second nomination for the same candidate and job answers 409 CONFLICT', async () => {
		await api.create('/nominations', nominationBody());
		const response = await api.post('/nominations', nominationBody({ remote_id: 'application-2' }));

		expect(response.status).toBe(409);
		expect(response.body.error.code).toBe('CONFLICT');
	});

	test('missing fields answer 400 naming each; unknown ids (UUIDs only) 404 naming the field', async () => {
		const missing = await api.post('/nominations', { job_id: ids.job });
		const unknownId = '00000000-0000-4000-8000-000000000000';
		const unknown = await api.post('/nominations', nominationBody({ candidate_id: unknownId }));
		const byRemoteId = await api.post('/nominations', nominationBody({ candidate_id: 'remote.ada@example.com' }));

		expect(issueMessages(missing)).toEqual([
			'candidate_id is required',
			'current_nomination_stage_id is required',
			'remote_id is required',
		]);
		expect(unknown.status).toBe(404);
		expect(issueMessages(unknown)).toEqual([`candidate_id: no candidate with id ${unknownId}`]);
		expect(byRemoteId.status).toBe(404);
	});
});

describe('tags', () => {
	const sandbox = useSandbox();
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
	});

	test('tags are created once per name and type, listed by tag_type, and deleted', async () => {
		const id = await api.create('/tags', { name: 'Backend', tag_type: 'specialty_name' });
		await api.create('/tags', { name: 'Backend', tag_type: 'preferred_role_title' });
		const duplicate = await api.post('/tags', { name: 'Backend', tag_type: 'specialty_name' });
		const invalid = await api.post('/tags', { name: 'Backend', tag_type: 'skill' });
		const specialties = await api.get('/tags?tag_type=specialty_name');

		expect(duplicate.status).toBe(409);
		expect(issueMessages(invalid)).toEqual([
			'tag_type must be one of preferred_role_title, experience_based_role_title, specialty_name',
		]);
		expect(specialties.body.results).toEqual([
			expect.objectContaining({ id, name: 'Backend', tag_type: 'specialty_name' }),
		]);
		expect((await api.delete(`/tags/${id}`)).status).toBe(200);
		expect((await api.get(`/tags/${id}`)).status).toBe(404);
	});

	test('candidate_tags and job_tags link a tag once; deleting the tag removes its links', async () => {
		const tagId = await api.create('/tags', { name: 'Go', tag_type: 'specialty_name' });
		const candidateId = await api.create('/candidates', candidateBody('ada@example.com'));
		const jobId = await api.create('/jobs', jobBody());
		const candidateTagId = await api.create('/candidate_tags', { candidate_id: candidateId, tag_id: tagId });
		await api.create('/job_tags', { job_id: jobId, tag_id: tagId });
		const duplicate = await api.post('/candidate_tags', { candidate_id: candidateId, tag_id: tagId });
		const listed = await api.get(`/candidate_tags?candidate_id=${candidateId}`);

		expect(duplicate.status).toBe(409);
		expect(listed.body.results).toEqual([
			expect.objectContaining({ id: candidateTagId, candidate_id: candidateId, tag_id: tagId }),
		]);

		await api.delete(`/tags/${tagId}`);
		expect((await api.get('/candidate_tags')).body.results).toEqual([]);
		expect((await api.get('/job_tags')).body.results).toEqual([]);
	});
});
