import { conflict, notFound } from '../errors';
import type { CriterionRecord } from '../records';
import { created, ok, okList, type Route } from '../router';
import type { EndorsedStore } from '../store';
import { validateFields, type FieldSpec } from '../validation';

const CRITERION_FIELDS: FieldSpec[] = [
	{ name: 'prompt_text', type: 'string', required: true },
	{ name: 'display_name', type: 'string' },
];

function requireCriterion(store: EndorsedStore, jobRef: string, criterionId: string): CriterionRecord {
	const job = store.jobs.require(jobRef);
	const criterion = store.criteria.get(criterionId);
	if (!criterion || criterion.job_id !== job.id) throw notFound(`no criterion with id ${criterionId} on job ${jobRef}`);
	return criterion;
}

/** A job's BOOLEAN criteria. There is no update: delete and re-create. */
export const criterionRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/jobs/{id}/criteria',
		handle({ store, params, body }) {
			const job = store.jobs.require(params.id);
			const fields = validateFields(body.fields, CRITERION_FIELDS);
			const promptText = (fields.prompt_text as string).trim();
			const duplicate = store.criteriaOf(job.id).find((criterion) => criterion.prompt_text === promptText);
			if (duplicate) throw conflict(`job ${job.id} already has a criterion with this prompt_text (id ${duplicate.id})`);
			const criterion = store.criteria.insert({
				id: store.newId(),
				job_id: job.id,
				prompt_text: promptText,
				display_name: (fields.display_name as string | undefined) ?? null,
				scope: 'job',
				created_at: store.timestamp(),
			});
			return created(criterion.id);
		},
	},
	{
		method: 'GET',
		pattern: '/jobs/{id}/criteria',
		handle: ({ store, params }) => okList(store.criteriaOf(store.jobs.require(params.id).id)),
	},
	{
		method: 'GET',
		pattern: '/jobs/{id}/criteria/{criterion_id}',
		handle: ({ store, params }) => ok(requireCriterion(store, params.id, params.criterion_id)),
	},
	{
		method: 'DELETE',
		pattern: '/jobs/{id}/criteria/{criterion_id}',
		handle({ store, params }) {
			const criterion = requireCriterion(store, params.id, params.criterion_id);
			store.criteria.delete(criterion.id);
			return ok({ id: criterion.id });
		},
	},
];
