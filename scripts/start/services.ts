/**
 * Which CodeSignal and which Endorsed `npm start` connects n8n to: the local sandboxes by default, real
 * accounts when the environment names them.
 */

export interface CodeSignalConnection {
	endpoint: string;
	apiKey: string;
	webhookSecret: string;
	organizationId: string;
}

export interface EndorsedConnection {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
}

/** A real service comes with its connection; a sandbox gets its connection once it runs. */
export type ServiceChoice<T> = { sandbox: true } | ({ sandbox: false } & T);

export interface ServiceChoices {
	codeSignal: ServiceChoice<{ connection: CodeSignalConnection }>;
	/** `job`: the Endorsed job the workflows push to, by its ID (UUID) or remote ID. */
	endorsed: ServiceChoice<{ connection: EndorsedConnection; job: string }>;
}

/** What the CodeSignal sandbox's webhook sender signs with and sends, and the trigger checks. */
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret';
export const SANDBOX_ORGANIZATION_ID = '4242';

const CODESIGNAL_ENDPOINT = 'https://app.codesignal.com/graphql';
const ENDORSED_BASE_URL = 'https://endorsed.ai/api/v1';

/** The environment variables `npm start` reads, for its help text and its errors. */
export const SERVICE_VARIABLES = {
	codeSignal: ['CODESIGNAL_API_KEY', 'CODESIGNAL_WEBHOOK_SECRET', 'ENDORSED_ORGANIZATION_ID', 'CODESIGNAL_ENDPOINT'],
	endorsed: ['ENDORSED_CLIENT_ID', 'ENDORSED_CLIENT_SECRET', 'ENDORSED_JOB_ID', 'ENDORSED_BASE_URL'],
};

/**
 * CODESIGNAL_API_KEY switches to a real CodeSignal, ENDORSED_CLIENT_ID to a real Endorsed; each then needs
 * its other required variables. A real Endorsed also needs ENDORSED_JOB_ID: `npm start` creates no job there.
 */
export function servicesFromEnv(env: NodeJS.ProcessEnv): ServiceChoices {
	const value = (name: string) => env[name]?.trim() || undefined;
	const required = (name: string, reason: string) => {
		const found = value(name);
		if (!found) throw new Error(`${name} is not set: ${reason}`);
		return found;
	};

	const apiKey = value('CODESIGNAL_API_KEY');
	const codeSignal: ServiceChoices['codeSignal'] = apiKey
		? {
				sandbox: false,
				connection: {
					apiKey,
					endpoint: value('CODESIGNAL_ENDPOINT') ?? CODESIGNAL_ENDPOINT,
					webhookSecret: required(
						'CODESIGNAL_WEBHOOK_SECRET',
						'the CodeSignal Trigger verifies every delivery with the webhook\'s secret key',
					),
					organizationId: value('ENDORSED_ORGANIZATION_ID') ?? '',
				},
			}
		: { sandbox: true };

	const clientId = value('ENDORSED_CLIENT_ID');
	const endorsed: ServiceChoices['endorsed'] = clientId
		? {
				sandbox: false,
				connection: {
					clientId,
					clientSecret: required('ENDORSED_CLIENT_SECRET', 'it comes with ENDORSED_CLIENT_ID'),
					baseUrl: value('ENDORSED_BASE_URL') ?? ENDORSED_BASE_URL,
				},
				job: required('ENDORSED_JOB_ID', 'name the Endorsed job (its ID or remote ID) the workflows push results to'),
			}
		: { sandbox: true };
	return { codeSignal, endorsed };
}
