import type { IDataObject, INodeProperties } from 'n8n-workflow';

import * as assessment from '../../../nodes/Endorsed/actions/assessment/Assessment.resource';
import * as attachment from '../../../nodes/Endorsed/actions/attachment/Attachment.resource';
import * as candidate from '../../../nodes/Endorsed/actions/candidate/Candidate.resource';
import * as candidateTag from '../../../nodes/Endorsed/actions/candidateTag/CandidateTag.resource';
import * as criterionEvaluation from '../../../nodes/Endorsed/actions/criterionEvaluation/CriterionEvaluation.resource';
import * as job from '../../../nodes/Endorsed/actions/job/Job.resource';
import * as jobCriterion from '../../../nodes/Endorsed/actions/jobCriterion/JobCriterion.resource';
import * as jobTag from '../../../nodes/Endorsed/actions/jobTag/JobTag.resource';
import * as nomination from '../../../nodes/Endorsed/actions/nomination/Nomination.resource';
import * as nominationStage from '../../../nodes/Endorsed/actions/nominationStage/NominationStage.resource';
import * as ranking from '../../../nodes/Endorsed/actions/ranking/Ranking.resource';
import * as spotlight from '../../../nodes/Endorsed/actions/spotlight/Spotlight.resource';
import * as tag from '../../../nodes/Endorsed/actions/tag/Tag.resource';
import { Endorsed } from '../../../nodes/Endorsed/Endorsed.node';
import { startEndorsedSandbox, type EndorsedSandbox } from '../../../sandbox/endorsed';
import { byId, byRemoteId, createJob, pushParameters, runEndorsed, scoredItem } from './fixtures';

const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('Endorsed node', () => {
	let sandbox: EndorsedSandbox;
	const run = async (parameters: IDataObject, items?: Array<{ json: IDataObject; binary?: IDataObject }>) =>
		json(await runEndorsed(sandbox, parameters, items as never));
	const first = async (parameters: IDataObject) => (await run(parameters))[0];

	beforeEach(async () => {
		sandbox = await startEndorsedSandbox();
	});

	afterEach(async () => await sandbox.close());

	it('implements every operation the editor offers, and can be used as an AI tool', () => {
		const modules: Record<string, Record<string, unknown>> = {
			assessment,
			attachment,
			candidate,
			candidateTag,
			criterionEvaluation,
			job,
			jobCriterion,
			jobTag,
			nomination,
			nominationStage,
			ranking,
			spotlight,
			tag,
		};
		const { properties, usableAsTool } = new Endorsed().description;
		const resources = (properties.find(({ name }) => name === 'resource') as INodeProperties).options as Array<{
			value: string;
		}>;
		const offered = properties
			.filter(({ name }) => name === 'operation')
			.flatMap(({ displayOptions, options }) =>
				(options as Array<{ value: string }>).map(({ value }) => [displayOptions?.show?.resource?.[0], value] as const),
			);

		expect(usableAsTool).toBe(true);
		expect(new Set(offered.map(([resource]) => resource))).toEqual(new Set(resources.map(({ value }) => value)));
		const offeredKeys = new Set(offered.map(([resource, operation]) => `${resource} ${operation}`));
		for (const { name, displayOptions } of properties.filter(
			({ name }) => name !== 'resource' && name !== 'operation',
		)) {
			const [resource] = displayOptions?.show?.resource ?? [];
			for (const operation of displayOptions?.show?.operation ?? []) {
				expect([name, offeredKeys.has(`${resource} ${operation}`)]).toEqual([name, true]);
			}
		}
		for (const [resource, operation] of offered) {
			expect([
				resource,
				operation,
				typeof (modules[resource as string]?.[operation] as { execute?: unknown })?.execute,
			]).toEqual([resource, operation, 'function']);
		}
	});

	describe('Candidate', () => {
		const create = {
			resource: 'candidate',
			operation: 'create',
			remoteId: 'ats-1',
			firstName: 'Ada',
			additionalFields: { lastName: 'Lovelace', title: 'Analyst', email: 'ada@example.com', emailType: 'work' },
		};

		it('creates a candidate and gets it by ID or by remote ID', async () => {
			const created = await first(create);
			const byUuid = await first({ resource: 'candidate', operation: 'get', candidate: byId(created.id as string) });
			const byRemote = await first({ resource: 'candidate', operation: 'get', candidate: byRemoteId('ats-1') });

			expect(created).toMatchObject({ id: expect.any(String), remote_id: 'ats-1', first_name: 'Ada' });
			expect(byUuid).toEqual(byRemote);
			expect(byUuid).toMatchObject({
				first_name: 'Ada',
				last_name: 'Lovelace',
				title: 'Analyst',
				email_addresses: [{ value: 'ada@example.com', type: 'work' }],
			});
		});

		it('updates the fields given, keeps the others, and writes nothing when nothing changes', async () => {
			await first(create);
			const update = (updateFields: IDataObject) => ({
				resource: 'candidate',
				operation: 'update',
				candidate: byRemoteId('ats-1'),
				updateFields,
			});

			const updated = await first(update({ location: 'London', email: 'ada@home.org' }));
			sandbox.resetStats();
			const unchanged = await first(update({ location: 'London' }));

			expect(updated).toMatchObject({ updated: true });
			expect(unchanged).toMatchObject({ updated: false });
			expect(sandbox.stats().byRoute['PUT /candidates/{id}']).toBeUndefined();
			expect(sandbox.store.candidates.get('remote.ats-1')).toMatchObject({
				first_name: 'Ada',
				title: 'Analyst',
				location: 'London',
				email_addresses: [
					{ value: 'ada@example.com', type: 'work' },
					{ value: 'ada@home.org', type: 'personal' },
				],
			});
		});

		it('refuses an update without fields, and an ID that is not a UUID', async () => {
			await expect(
				run({ resource: 'candidate', operation: 'update', candidate: byRemoteId('ats-1'), updateFields: {} }),
			).rejects.toThrow('No field to update was given');
			await expect(run({ resource: 'candidate', operation: 'get', candidate: byId('ats-1') })).rejects.toMatchObject({
				message: '"ats-1" in "candidate" is not an Endorsed ID (a UUID)',
				description: expect.stringContaining('By Remote ID'),
			});
		});
	});

	describe('Attachment', () => {
		const upload = {
			resource: 'attachment',
			operation: 'upload',
			candidate: byRemoteId('ats-1'),
			remoteId: 'report-1',
			type: 'about',
			source: 'text',
			text: '# Report\n- MET: Knows Python',
			fileName: '',
		};

		beforeEach(async () => {
			await run({
				resource: 'candidate',
				operation: 'create',
				remoteId: 'ats-1',
				firstName: 'Ada',
				additionalFields: {},
			});
		});

		it('uploads text as a file, and gets the attachment without its content', async () => {
			const uploaded = await first(upload);
			const fetched = await first({ resource: 'attachment', operation: 'get', attachment: byRemoteId('report-1') });

			expect(uploaded).toMatchObject({ id: expect.any(String), file_name: 'report.md', type: 'about' });
			expect(fetched).toMatchObject({ id: uploaded.id, file_name: 'report.md', content_type: 'text/markdown' });
			expect(fetched).not.toHaveProperty('text');
			expect(sandbox.store.attachments.get('remote.report-1')?.text).toBe(upload.text);
		});

		it('uploads an input binary file', async () => {
			const pdf = Buffer.from('%PDF-1.4 resume of Ada');
			await run({ ...upload, source: 'binary', binaryPropertyName: 'resume', type: 'resume' }, [
				{
					json: {},
					binary: { resume: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'ada.pdf' } },
				},
			]);

			expect(sandbox.store.attachments.get('remote.report-1')).toMatchObject({
				type: 'resume',
				file_name: 'ada.pdf',
				content_type: 'application/pdf',
				size_bytes: pdf.length,
			});
		});

		it('replaces the file, keeping the candidate and the type, and deletes the attachment', async () => {
			await first(upload);
			await first({
				resource: 'attachment',
				operation: 'replace',
				attachment: byRemoteId('report-1'),
				source: 'text',
				text: '- NOT MET: Knows Python',
				fileName: 'second.md',
				options: {},
			});

			expect(sandbox.store.attachments.get('remote.report-1')).toMatchObject({
				type: 'about',
				file_name: 'second.md',
				candidate_id: sandbox.store.candidates.get('remote.ats-1')?.id,
				text: '- NOT MET: Knows Python',
			});

			const deleted = await first({
				resource: 'attachment',
				operation: 'deleteAttachment',
				attachment: byRemoteId('report-1'),
			});
			expect(deleted).toMatchObject({ deleted: true });
			expect(sandbox.store.attachments.size).toBe(0);
		});

		it('refuses empty text', async () => {
			await expect(run({ ...upload, text: '  ' })).rejects.toThrow('The text to upload is empty');
		});
	});

	describe('Job and Job Criterion', () => {
		const upsert = (extra: IDataObject = {}) => ({
			resource: 'job',
			operation: 'upsert',
			remoteId: 'job-1',
			title: 'Backend Engineer',
			description: 'APIs',
			status: 'open',
			additionalFields: {},
			...extra,
		});

		it('creates a job, then updates only the fields given', async () => {
			const created = await first(
				upsert({
					additionalFields: {
						autoEvaluationBehavior: 'auto_evaluate_nominations',
						jobPostingUrls: 'https://jobs.example.com/1, https://jobs.example.com/2',
					},
				}),
			);
			const updated = await first(upsert({ title: 'Senior Backend Engineer' }));
			const fetched = await first({ resource: 'job', operation: 'get', job: byRemoteId('job-1') });

			expect(created).toMatchObject({ created: true });
			expect(updated).toMatchObject({ id: created.id, created: false });
			expect(fetched).toMatchObject({
				title: 'Senior Backend Engineer',
				auto_evaluation_behavior: 'auto_evaluate_nominations',
				job_posting_urls: ['https://jobs.example.com/1', 'https://jobs.example.com/2'],
			});
		});

		it('sets and clears auto evaluation', async () => {
			await first(upsert());
			const setAuto = (autoEvaluationBehavior: string) =>
				first({ resource: 'job', operation: 'setAutoEvaluation', job: byRemoteId('job-1'), autoEvaluationBehavior });

			await setAuto('auto_nominate_and_evaluate_candidates');
			expect(sandbox.store.jobs.get('remote.job-1')?.auto_evaluation_behavior).toBe(
				'auto_nominate_and_evaluate_candidates',
			);
			await setAuto('none');
			expect(sandbox.store.jobs.get('remote.job-1')?.auto_evaluation_behavior).toBeNull();
		});

		it('creates a criterion once, returning the existing one on a repeat, lists and deletes criteria', async () => {
			await first(upsert());
			const create = (promptText: string) => ({
				resource: 'jobCriterion',
				operation: 'create',
				job: byRemoteId('job-1'),
				promptText,
				additionalFields: { displayName: 'Python' },
			});

			const created = await first(create('Knows Python'));
			const repeated = await first(create('Knows Python'));
			await first(create('Knows SQL'));
			const all = await run({
				resource: 'jobCriterion',
				operation: 'getMany',
				job: byRemoteId('job-1'),
				returnAll: true,
			});
			const limited = await run({
				resource: 'jobCriterion',
				operation: 'getMany',
				job: byRemoteId('job-1'),
				returnAll: false,
				limit: 1,
			});

			expect(created).toMatchObject({ id: expect.any(String), prompt_text: 'Knows Python', created: true });
			expect(repeated).toMatchObject({
				id: created.id,
				prompt_text: 'Knows Python',
				display_name: 'Python',
				created: false,
			});
			expect(all.map((criterion) => criterion.prompt_text)).toEqual(['Knows Python', 'Knows SQL']);
			expect(limited).toHaveLength(1);

			await first({
				resource: 'jobCriterion',
				operation: 'deleteCriterion',
				job: byRemoteId('job-1'),
				criterionId: created.id,
			});
			expect(sandbox.store.criteria.all().map((criterion) => criterion.prompt_text)).toEqual(['Knows SQL']);
		});
	});

	describe('Nomination, Nomination Stage, Criterion Evaluation and Ranking', () => {
		let jobId: string;

		beforeEach(async () => {
			({ jobId } = await createJob(sandbox, 'job-1'));
			await run({
				resource: 'candidate',
				operation: 'create',
				remoteId: 'ats-1',
				firstName: 'Ada',
				additionalFields: {},
			});
		});

		it('creates a stage for a job and gets it', async () => {
			const created = await first({
				resource: 'nominationStage',
				operation: 'create',
				name: 'Interview',
				stageOrderIndex: 1,
				remoteId: 'interview',
				additionalFields: { jobId },
			});
			const fetched = await first({
				resource: 'nominationStage',
				operation: 'get',
				nominationStage: byRemoteId('interview'),
			});

			expect(fetched).toMatchObject({ id: created.id, job_id: jobId, name: 'Interview', stage_order_index: 1 });
		});

		it('nominates a candidate by remote IDs, gets the nomination and waits for its evaluations', async () => {
			await sandbox.close();
			sandbox = await startEndorsedSandbox({ evaluationDelayMs: 200 });
			({ jobId } = await createJob(sandbox, 'job-1'));
			await run({
				resource: 'candidate',
				operation: 'create',
				remoteId: 'ats-1',
				firstName: 'Ada',
				additionalFields: {},
			});
			const stage = sandbox.store.stages.all()[0];
			await first({
				resource: 'jobCriterion',
				operation: 'create',
				job: byId(jobId),
				promptText: 'Knows Python',
				additionalFields: {},
			});
			await first({
				resource: 'attachment',
				operation: 'upload',
				candidate: byRemoteId('ats-1'),
				remoteId: 'report-1',
				type: 'about',
				source: 'text',
				text: '- MET: Knows Python\nOverall score: 90/100',
			});
			const created = await first({
				resource: 'nomination',
				operation: 'create',
				job: byRemoteId('job-1'),
				candidate: byRemoteId('ats-1'),
				stageId: stage.id,
				remoteId: 'nomination-1',
				additionalFields: { appliedAt: '2026-11-20T10:00:00.000Z' },
			});
			const fetched = await first({ resource: 'nomination', operation: 'get', nomination: byRemoteId('nomination-1') });
			const evaluations = await run({
				resource: 'criterionEvaluation',
				operation: 'getMany',
				nomination: byRemoteId('nomination-1'),
				waitForEvaluation: true,
				maxWaitSeconds: 30,
				pollIntervalSeconds: 0.1,
			});
			const candidateRanking = await first({
				resource: 'ranking',
				operation: 'getForCandidate',
				candidate: byRemoteId('ats-1'),
				options: { jobId },
			});

			expect(fetched).toMatchObject({ id: created.id, job_id: jobId, applied_at: '2026-11-20T10:00:00.000Z' });
			expect(evaluations).toEqual([
				expect.objectContaining({
					criterion: expect.objectContaining({ prompt_text: 'Knows Python' }),
					evaluation: expect.objectContaining({
						state: 'EVALUATED',
						result: expect.objectContaining({ is_criterion_met: true }),
					}),
				}),
			]);
			expect(candidateRanking).toMatchObject({ score: 0.99, nomination_id: created.id });
		});

		it("reads a job's ranking page by page, best first, with each candidate's rank", async () => {
			const items = Array.from({ length: 120 }, (_, index) => ({ json: scoredItem(index, 40 + (index % 60)) }));
			await run(pushParameters(byId(jobId)), items);
			sandbox.resetStats();

			const all = await run({
				resource: 'ranking',
				operation: 'getManyForJob',
				job: byRemoteId('job-1'),
				returnAll: true,
			});
			const pages = sandbox.stats().byRoute['GET /candidate_rankings'];
			const top = await run({
				resource: 'ranking',
				operation: 'getManyForJob',
				job: byId(jobId),
				returnAll: false,
				limit: 30,
			});

			expect(all).toHaveLength(120);
			expect(pages).toBe(2);
			expect(all.map((entry) => entry.rank)).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
			expect(all.map((entry) => entry.score)).toEqual(
				[...all.map((entry) => entry.score)].sort((a, b) => (b as number) - (a as number)),
			);
			expect(top).toEqual(all.slice(0, 30));
		});
	});

	describe('Tag and Candidate Tag', () => {
		it('creates a tag once, gets, lists and deletes it', async () => {
			const create = { resource: 'tag', operation: 'create', name: 'Backend', tagType: 'specialty_name' };
			const created = await first(create);
			const repeated = await first(create);
			await first({ ...create, name: 'Data Engineer', tagType: 'preferred_role_title' });

			expect(repeated).toMatchObject({ id: created.id, created: false });
			expect(await first({ resource: 'tag', operation: 'get', tagId: created.id })).toMatchObject({ name: 'Backend' });
			const specialties = await run({
				resource: 'tag',
				operation: 'getMany',
				returnAll: true,
				filters: { tagType: 'specialty_name' },
			});
			expect(specialties.map((found) => found.name)).toEqual(['Backend']);

			await first({ resource: 'tag', operation: 'deleteTag', tagId: created.id });
			expect(sandbox.store.tags.all().map((found) => found.name)).toEqual(['Data Engineer']);
		});

		it('tags a candidate once, lists and removes the tag', async () => {
			await run({
				resource: 'candidate',
				operation: 'create',
				remoteId: 'ats-1',
				firstName: 'Ada',
				additionalFields: {},
			});
			const tagId = (await first({ resource: 'tag', operation: 'create', name: 'Backend', tagType: 'specialty_name' }))
				.id;
			const create = { resource: 'candidateTag', operation: 'create', candidate: byRemoteId('ats-1'), tagId };

			const created = await first(create);
			const repeated = await first(create);
			const listed = await run({ resource: 'candidateTag', operation: 'getMany', returnAll: true, filters: { tagId } });

			expect(repeated).toMatchObject({ id: created.id, created: false });
			expect(listed).toEqual([expect.objectContaining({ id: created.id, tag_id: tagId })]);
			await first({ resource: 'candidateTag', operation: 'deleteCandidateTag', candidateTagId: created.id });
			expect(sandbox.store.candidateTags.size).toBe(0);
		});
	});
});
