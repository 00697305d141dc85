import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_BASE_URL,
	endorsedBaseUrl,
	EndorsedTokenError,
	readTokenAnswer,
	tokenRequestForm,
} from './endorsedToken';

/**
 * Endorsed's API v1 with OAuth2 client credentials. n8n calls `preAuthentication` when the cached
 * `accessToken` is empty or a request answered 401, and stores what it returns in the credential.
 * Tokens live `expires_in` seconds (14 days by default): `accessTokenRenewAt` records when the token
 * is about to expire, and the Endorsed transport asks n8n for a new one from then on, before a 401 happens.
 */
export class EndorsedApi implements ICredentialType {
	name = 'endorsedApi';

	displayName = 'Endorsed API';

	icon = 'file:endorsed.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-codesignal/n8n-nodes-codesignal#endorsed-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: [
				{ name: 'Read (All:read)', value: 'all:read' },
				{ name: 'Write (All:write)', value: 'all:write' },
			],
			default: ['all:read', 'all:write'],
			description: 'What the access token may do. Creating and updating records needs all:write.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only to use a proxy or a local Endorsed sandbox',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			// password: n8n redacts it wherever it shows a credential, as it does the client secret.
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Renewal Time',
			name: 'accessTokenRenewAt',
			type: 'hidden',
			// Not a secret, but it goes with the token: redacted alongside it.
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = `${endorsedBaseUrl(credentials)}/auth/tokens`;
		const requestedAt = Date.now();
		let response: { statusCode: number; body: unknown };
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				body: tokenRequestForm(credentials),
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 30_000,
			})) as { statusCode: number; body: unknown };
		} catch (error) {
			// The request error would carry the form, client secret included: only its code and message travel on.
			const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
			throw new EndorsedTokenError(`Could not reach Endorsed at ${url}`, true, { code, message });
		}
		return { ...readTokenAnswer(response.statusCode, response.body, credentials, requestedAt) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// A cheap read that any valid token may make: one text-search result.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/candidate_rankings',
			qs: { q: 'engineer', limit: 1 },
		},
	};
}
