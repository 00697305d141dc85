import { DateTime } from 'luxon';
import { conflict, invalidArgument } from '../errors';
import { created, ok, okList, type Route } from '../router';
import { validateFields, type FieldSpec } from '../validation';

const NOMINATION_FIELDS: FieldSpec[] = [
	{ name: 'job_id', type: 'string', required: true },
	{ name: 'candidate_id', type: 'string', required: true },
	{ name: 'current_nomination_stage_id', type: 'string', required: true },
	{ name: 'applied_at', type: 'string' },
	{ name: 'remote_id', type: 'string', required: true },
];

/** Nominations link a candidate to a job (one per pair) and carry its criterion evaluations. */
export const nominationRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/nominations',
		handle({ store, body }) {
			const fields = validateFields(body.fields, NOMINATION_FIELDS);
			const job = store.jobs.requireReference(fields.job_id as string, 'job_id');
			const candidate = store.candidates.requireReference(fields.candidate_id as string, 'candidate_id');
			const stageField = 'current_nomination_stage_id';
			const stage = store.stages.requireReference(fields[stageField] as string, stageField);
			if (stage.job_id !== null && stage.job_id !== job.id) {
				throw invalidArgument([`current_nomination_stage_id: stage ${stage.id} belongs to another job`]);
			}
			const appliedAt = fields.applied_at as string | undefined;
			if (appliedAt !== undefined && !DateTime.fromISO(appliedAt).isValid) {
				throw invalidArgument(['applied_at must be an ISO-8601 date-time']);
			}
			const existing = store.nominationOf(candidate.id, job.id);
			if (existing) {
				throw conflict(`candidate ${candidate.id} is already nominated to job ${job.id} (nomination ${existing.id})`);
			}
			store.nominations.assertRemoteIdFree(fields.remote_id as string);
			const nomination = store.addNomination({
				remote_id: fields.remote_id as string,
				job_id: job.id,
				candidate_id: candidate.id,
				current_nomination_stage_id: stage.id,
				applied_at: appliedAt ?? null,
			});
			return created(nomination.id);
		},
	},
	{
		method: 'GET',
		pattern: '/nominations/{id}',
		handle: ({ store, params }) => ok(store.nominations.require(params.id)),
	},
	{
		method: 'GET',
		pattern: '/nominations/{id}/criterion_evaluations',
		handle: ({ store, params }) => okList(store.evaluations(params.id)),
	},
	{
		// The path is UNKNOWN in Endorsed's docs; this is the likely one. Items add nomination_id and job_id.
		method: 'GET',
		pattern: '/candidates/{id}/criterion_evaluations',
		handle({ store, params }) {
			const candidate = store.candidates.require(params.id);
			const nominations = store.nominations.filter((nomination) => nomination.candidate_id === candidate.id);
			return okList(
				nominations.flatMap((nomination) =>
					store
						.evaluations(nomination.id)
						.map((item) => ({ nomination_id: nomination.id, job_id: nomination.job_id, ...item })),
				),
			);
		},
	},
];
