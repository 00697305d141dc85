import { AUTO_EVALUATION_BEHAVIORS, JOB_STATUSES } from '../records';
import { ok, type Route } from '../router';
import type { EndorsedStore } from '../store';
import { validateFields, type FieldSpec, type Fields } from '../validation';
import { resolvePut, saveRecord } from './persist';

const JOB_FIELDS: FieldSpec[] = [
	{ name: 'title', type: 'string', required: true },
	{ name: 'description', type: 'string', required: true },
	{ name: 'status', type: { enum: JOB_STATUSES }, required: true },
	{ name: 'job_posting_urls', type: 'string[]' },
	{ name: 'remote_id', type: 'string', required: true },
	{ name: 'auto_evaluation_behavior', type: { enum: AUTO_EVALUATION_BEHAVIORS } },
	{ name: 'default_nomination_stage_id', type: 'string' },
];

/** Checks what the fields point at and stores resolved UUIDs. */
function checkJobFields(store: EndorsedStore, fields: Fields, jobId?: string): Fields {
	if (typeof fields.remote_id === 'string') store.jobs.assertRemoteIdFree(fields.remote_id, jobId);
	if (typeof fields.default_nomination_stage_id === 'string') {
		const stage = store.stages.requireReference(fields.default_nomination_stage_id, 'default_nomination_stage_id');
		return { ...fields, default_nomination_stage_id: stage.id };
	}
	return fields;
}

export const jobRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/jobs',
		handle({ store, body }) {
			const fields = checkJobFields(store, validateFields(body.fields, JOB_FIELDS));
			return saveRecord(store, store.jobs, undefined, JOB_FIELDS, fields);
		},
	},
	{
		method: 'GET',
		pattern: '/jobs/{id}',
		handle: ({ store, params }) => ok(store.jobs.require(params.id)),
	},
	{
		method: 'PUT',
		pattern: '/jobs/{id}',
		handle({ store, params, body }) {
			const target = resolvePut(store.jobs, params.id, body.fields);
			const fields = checkJobFields(store, validateFields(target.body, JOB_FIELDS), target.existing?.id);
			return saveRecord(store, store.jobs, target.existing, JOB_FIELDS, fields);
		},
	},
	{
		method: 'PATCH',
		pattern: '/jobs/{id}',
		handle({ store, params, body }) {
			const job = store.jobs.require(params.id);
			const fields = checkJobFields(store, validateFields(body.fields, JOB_FIELDS, 'patch'), job.id);
			Object.assign(job, fields, { updated_at: store.timestamp() });
			return ok({ id: job.id });
		},
	},
];
