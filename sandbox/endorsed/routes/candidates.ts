import { EMAIL_TYPES } from '../records';
import { ok, type Route } from '../router';
import { validateFields, type FieldSpec } from '../validation';
import { resolvePut, saveRecord } from './persist';

const contactFields = (type: FieldSpec['type']): FieldSpec['type'] => ({
	objects: [
		{ name: 'value', type: 'string', required: true },
		{ name: 'type', type },
	],
});

const CANDIDATE_FIELDS: FieldSpec[] = [
	{ name: 'first_name', type: 'string', required: true },
	{ name: 'last_name', type: 'string' },
	{ name: 'title', type: 'string' },
	{ name: 'company_name', type: 'string' },
	{ name: 'location', type: 'string' },
	{ name: 'phone_numbers', type: contactFields('string') },
	{ name: 'email_addresses', type: contactFields({ enum: EMAIL_TYPES }) },
	{ name: 'links', type: contactFields('string') },
	{ name: 'remote_id', type: 'string', required: true },
];

/** Candidates; there is no lookup by e-mail, so callers address them by remote.<their id>. */
export const candidateRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/candidates',
		handle({ store, body }) {
			const fields = validateFields(body.fields, CANDIDATE_FIELDS);
			store.candidates.assertRemoteIdFree(fields.remote_id as string);
			return saveRecord(store, store.candidates, undefined, CANDIDATE_FIELDS, fields);
		},
	},
	{
		method: 'GET',
		pattern: '/candidates/{id}',
		handle: ({ store, params }) => ok(store.candidates.require(params.id)),
	},
	{
		method: 'PUT',
		pattern: '/candidates/{id}',
		handle({ store, params, body }) {
			const target = resolvePut(store.candidates, params.id, body.fields);
			const fields = validateFields(target.body, CANDIDATE_FIELDS);
			store.candidates.assertRemoteIdFree(fields.remote_id as string, target.existing?.id);
			return saveRecord(store, store.candidates, target.existing, CANDIDATE_FIELDS, fields);
		},
	},
];
