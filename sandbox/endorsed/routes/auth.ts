import { timingSafeEqual } from 'crypto';
import { forbidden, invalidArgument, unauthenticated } from '../errors';
import { SCOPES, type Scope } from '../records';
import type { Route } from '../router';
import type { SandboxClient } from '../store';
import { validateFields, type FieldSpec } from '../validation';

const TOKEN_FIELDS: FieldSpec[] = [
	{ name: 'client_id', type: 'string', required: true },
	{ name: 'client_secret', type: 'string', required: true },
	{ name: 'grant_type', type: { enum: ['client_credentials'] }, required: true },
];

/** POST /auth/tokens: OAuth2 client credentials, form-encoded or JSON. */
export const authRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/auth/tokens',
		public: true,
		handle({ store, body }) {
			const fields = validateFields(body.fields, TOKEN_FIELDS);
			const client = store.clients.find((candidate) => candidate.clientId === fields.client_id);
			if (!client || !secretMatches(client, fields.client_secret as string)) {
				throw unauthenticated('Invalid client credentials');
			}
			const granted = clientScopes(client);
			const requested = parseScopes(body.fields.scope) ?? granted;
			const refused = requested.filter((scope) => !granted.includes(scope));
			if (refused.length) throw forbidden(`Scope not granted to this client: ${refused.join(', ')}`);
			const issued = store.tokens.issue(client.clientId, requested);
			const ttlSeconds = Math.round((issued.expiresAt - store.now()) / 1000);
			return {
				status: 200,
				body: {
					is_error: false,
					access_token: issued.token,
					token_type: 'Bearer',
					expires_in: String(ttlSeconds),
					scope: requested,
				},
			};
		},
	},
];

export function clientScopes(client: SandboxClient): Scope[] {
	return (client.scopes ?? [...SCOPES]).filter(isScope);
}

function secretMatches(client: SandboxClient, secret: string): boolean {
	const expected = Buffer.from(client.clientSecret);
	const given = Buffer.from(secret);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `scope` as a space- or comma-separated string or an array; undefined when absent. */
function parseScopes(value: unknown): Scope[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const scopes = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/).filter(Boolean);
	const unknown = scopes.filter((scope) => !isScope(scope));
	if (unknown.length) throw invalidArgument([`scope must be among ${SCOPES.join(', ')}; got ${unknown.join(', ')}`]);
	return scopes as Scope[];
}

function isScope(value: string): value is Scope {
	return (SCOPES as readonly string[]).includes(value);
}
