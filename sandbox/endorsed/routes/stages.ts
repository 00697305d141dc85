import { conflict } from '../errors';
import { ok, type Route } from '../router';
import type { EndorsedStore } from '../store';
import { validateFields, type FieldSpec, type Fields } from '../validation';
import { resolvePut, saveRecord } from './persist';

const STAGE_FIELDS: FieldSpec[] = [
	{ name: 'job_id', type: 'string' },
	{ name: 'name', type: 'string', required: true },
	{ name: 'stage_order_index', type: 'integer', required: true },
	{ name: 'remote_id', type: 'string', required: true },
];

/** A stage without job_id is global; stage_order_index is unique among a job's stages (or among global ones). */
function checkStageFields(store: EndorsedStore, fields: Fields, stageId?: string): Fields {
	store.stages.assertRemoteIdFree(fields.remote_id as string, stageId);
	const jobId = typeof fields.job_id === 'string' ? store.jobs.requireReference(fields.job_id, 'job_id').id : null;
	const clash = store.stages.filter(
		(stage) => stage.id !== stageId && stage.job_id === jobId && stage.stage_order_index === fields.stage_order_index,
	)[0];
	if (clash) throw conflict(`stage_order_index ${fields.stage_order_index} is already used by stage ${clash.id}`);
	return { ...fields, job_id: jobId };
}

export const stageRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/nomination_stages',
		handle({ store, body }) {
			const fields = checkStageFields(store, validateFields(body.fields, STAGE_FIELDS));
			return saveRecord(store, store.stages, undefined, STAGE_FIELDS, fields);
		},
	},
	{
		method: 'GET',
		pattern: '/nomination_stages/{id}',
		handle: ({ store, params }) => ok(store.stages.require(params.id)),
	},
	{
		method: 'PUT',
		pattern: '/nomination_stages/{id}',
		handle({ store, params, body }) {
			const target = resolvePut(store.stages, params.id, body.fields);
			const fields = checkStageFields(store, validateFields(target.body, STAGE_FIELDS), target.existing?.id);
			return saveRecord(store, store.stages, target.existing, STAGE_FIELDS, fields);
		},
	},
];
