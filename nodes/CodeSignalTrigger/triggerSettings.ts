/**
 * The trigger's parameters and credential, read once per call and checked, so that a set-up mistake is
 * reported the same way at activation, on every delivery and in the execution.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { parseOrganizationId } from '../shared/codesignal/organizationId';
import { CODESIGNAL_CREDENTIAL } from '../shared/codesignal/transport';
import type { ScreeningRules } from './screening';
import type { MemoryLimits, ScreeningCredential, TriggerState } from './triggerState';

export const DEFAULT_MAX_REMEMBERED_DELIVERIES = 10_000;
/**
 * The most deliveries kept in n8n's database, whatever the process remembers: n8n reads and writes that list
 * whole for every delivery. CodeSignal sends a webhook's deliveries one at a time and holds the later ones
 * back while one fails, so a repeat comes before any later delivery: the latest few would be enough.
 */
export const MAX_DELIVERIES_IN_DATABASE = 1_000;

/** CodeSignal retries a delivery for about 16 days: a signature is bound to its body for that long. */
export const DEFAULT_REMEMBER_HOURS = 16 * 24;

/** From this version the session is read from the API by default (in the execution). */
export const READS_SESSION_BY_DEFAULT_FROM = 3;

export interface TriggerSettings {
	/** Event names, ALL_EVENTS or RESULT_READY. */
	selection: string[];
	/** What the signature is verified against: the option, or else this node's production URL. */
	endpointUrl: string;
	/** Whether the option is empty. */
	endpointUrlIsDefault: boolean;
	verifySignature: boolean;
	/** Read each test session from the API in the execution. */
	readSession: boolean;
	includeResultUrl: boolean;
	memory: MemoryLimits;
	workflowId: string;
	nodeId: string;
	/** The credential the node is set to use, when it has one saved. */
	credentialId?: string;
}

const HOUR_MS = 3_600_000;

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

type TriggerContext = IWebhookFunctions | IHookFunctions | IExecuteFunctions;

/** The options every phase reads the same way (the webhook's URL is known only to webhooks and hooks). */
function commonSettings(context: TriggerContext, options: IDataObject) {
	// getNode() hands out a deep copy each time: read it once.
	const node = context.getNode();
	return {
		readSession:
			node.typeVersion >= READS_SESSION_BY_DEFAULT_FROM ? options.readSession !== false : options.fetchSession === true,
		includeResultUrl: options.includeResultUrl === true,
		memory: {
			maxEntries: Math.floor(numberOr(options.maxRememberedDeliveries, DEFAULT_MAX_REMEMBERED_DELIVERIES)),
			maxAgeMs: numberOr(options.rememberHours, DEFAULT_REMEMBER_HOURS) * HOUR_MS,
		},
		workflowId: String(context.getWorkflow().id ?? ''),
		nodeId: node.id,
		credentialId: node.credentials?.[CODESIGNAL_CREDENTIAL]?.id ?? undefined,
	};
}

export function triggerSettings(context: IWebhookFunctions | IHookFunctions): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const common = commonSettings(context, options);
	const events = context.getNodeParameter('events', []) as string[];
	const legacyEvents = context.getNodeParameter('legacyEvents', []) as string[];
	const endpointUrl = typeof options.endpointUrl === 'string' ? options.endpointUrl.trim() : '';
	return {
		...common,
		selection: [...events, ...legacyEvents],
		endpointUrl: endpointUrl || (context.getNodeWebhookUrl('default') ?? ''),
		endpointUrlIsDefault: endpointUrl === '',
		// Off only when the user turned it off: a missing value means the default, on.
		verifySignature: options.verifySignature !== false,
	};
}

/** What the execution phase needs: whether to read sessions, how to emit them, how long to remember. */
export function executionSettings(context: IExecuteFunctions) {
	return commonSettings(context, context.getNodeParameter('options', 0, {}) as IDataObject);
}

export type RulesOrProblem = { ok: true; rules: ScreeningRules } | { ok: false; problem: string };

/** The screening rules, or why the credential cannot verify deliveries (never naming the secret). */
export function screeningRules(credentials: ScreeningCredential, settings: TriggerSettings): RulesOrProblem {
	const organization = parseOrganizationId(credentials.organizationId);
	if (!organization.ok) {
		return { ok: false, problem: `The CodeSignal API credential is invalid: ${organization.message}` };
	}
	const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
	if (settings.verifySignature && secret === '') {
		return {
			ok: false,
			problem:
				'The CodeSignal API credential has no Webhook Secret to verify signatures with: copy the secret key of the webhook in CodeSignal into it (or turn off "Verify Signature" for a webhook without a secret)',
		};
	}
	return {
		ok: true,
		rules: {
			endpointUrl: settings.endpointUrl,
			secret: settings.verifySignature ? secret : null,
			organizationId: organization.organizationId,
		},
	};
}

export type LoadedRules = RulesOrProblem & {
	/** The credential came from the trigger's state (read within CREDENTIAL_REUSE_MS), not from n8n just now. */
	reused: boolean;
};

/**
 * As screeningRules, with the credential loaded from the node (or, with `reuse`, as the trigger read it a few
 * seconds ago); a credential that cannot be loaded is a problem too. Only a usable credential is kept, so a
 * broken one is read again on every request until it is fixed.
 */
export async function loadScreeningRules(
	context: IWebhookFunctions | IHookFunctions,
	settings: TriggerSettings,
	state: TriggerState | undefined,
	options: { reuse?: boolean } = {},
): Promise<LoadedRules> {
	const now = Date.now();
	const reused = options.reuse ? state?.recentCredential(settings.credentialId, now) : undefined;
	if (reused !== undefined) return { ...screeningRules(reused, settings), reused: true };

	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await context.getCredentials(CODESIGNAL_CREDENTIAL);
	} catch {
		return { ok: false, problem: 'The CodeSignal API credential could not be loaded', reused: false };
	}
	const rules = screeningRules(credentials, settings);
	if (rules.ok) {
		const { webhookSecret, organizationId } = credentials;
		state?.rememberCredential(settings.credentialId, { webhookSecret, organizationId }, now);
	}
	return { ...rules, reused: false };
}
