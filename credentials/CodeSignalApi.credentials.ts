import type { IAuthenticate, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * One credential for everything CodeSignal: the API key (GraphQL calls), the webhook secret (verifying
 * deliveries) and the organization id that Endorsed asks to be sent as the `x-endorsed-organization-id` header.
 * Its test lives in the nodes (`testedBy`), so that it can say whether the key, the query or the network failed.
 */
export class CodeSignalApi implements ICredentialType {
	name = 'codeSignalApi';

	displayName = 'CodeSignal API';

	icon = 'file:codesignal.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-codesignal/n8n-nodes-codesignal#codesignal-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created by a CodeSignal admin under Integrations → API Keys. Give it the company, integration, interview and task permissions.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret key of the webhook in CodeSignal (Integrations → Webhooks). The CodeSignal Trigger uses it to verify that each delivery comes from CodeSignal. A new secret verifies at once; the one it replaces stops verifying within 10 seconds.',
		},
		{
			displayName: 'Endorsed Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12345',
			description:
				'The numeric organization ID that Endorsed assigns. Add it in CodeSignal as the custom webhook header x-endorsed-organization-id; the trigger rejects deliveries whose header does not match. Leave empty to not check it.',
		},
		{
			displayName: 'GraphQL Endpoint',
			name: 'endpoint',
			type: 'string',
			default: 'https://app.codesignal.com/graphql',
			description: 'Change only to use a proxy or a local CodeSignal sandbox',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description:
				"CodeSignal's rate limit for this key, for all n8n processes together: CodeSignal allows 10 requests per second on most fields. Each process sends its share, evenly spaced.",
		},
		{
			displayName: 'Processes Sharing the Rate Limit',
			name: 'processesSharingLimit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 1,
			description:
				'How many n8n processes call CodeSignal with this key; each sends at most Requests per Second ÷ this (whole requests). In queue mode: 1 + your number of workers (webhook processes make no CodeSignal call). After a 429 a process also slows down for a while on its own.',
		},
	];

	// A function, not the generic template '=Bearer {{$credentials.apiKey}}': n8n resolves a template with its
	// expression engine, and on n8n 2.x's default engine that takes an expression isolate for every request
	// (with lazy acquire too), in every execution that reads a session.
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` },
	});
}
