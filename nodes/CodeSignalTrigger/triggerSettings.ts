/**
 * The trigger's parameters and credential, read once per call and checked, so that a set-up mistake is
 * reported the same way at activation and on every delivery.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { parseOrganizationId } from '../shared/codesignal/organizationId';
import { CODESIGNAL_CREDENTIAL } from '../shared/codesignal/transport';
import type { MemoryLimits } from './deliveryMemory';
import type { ScreeningRules } from './screening';
import { ExpiringCache } from './expiringCache';

export const DEFAULT_MAX_REMEMBERED_DELIVERIES = 1000;
export const DEFAULT_REMEMBER_HOURS = 72;
/** CodeSignal waits 10 seconds for the 200; the API read must leave ample room. */
export const SESSION_FETCH_BUDGET_MS = 2000;

export interface TriggerSettings {
	/** Event names, ALL_EVENTS or RESULT_READY. */
	selection: string[];
	/** What the signature is verified against: the option, or else this node's production URL. */
	endpointUrl: string;
	/** Whether the option is empty. */
	endpointUrlIsDefault: boolean;
	verifySignature: boolean;
	fetchSession: boolean;
	includeResultUrl: boolean;
	memory: MemoryLimits;
	/** This trigger in this n8n: its workflow and node ids. */
	triggerId: string;
	/** The credential the node is set to use, when it has one saved. */
	credentialId?: string;
}

const HOUR_MS = 3_600_000;

function numberOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function triggerSettings(context: IWebhookFunctions | IHookFunctions): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const events = context.getNodeParameter('events', []) as string[];
	const legacyEvents = context.getNodeParameter('legacyEvents', []) as string[];
	const endpointUrl = typeof options.endpointUrl === 'string' ? options.endpointUrl.trim() : '';
	// getNode() hands out a deep copy each time: read it once.
	const node = context.getNode();
	return {
		selection: [...events, ...legacyEvents],
		endpointUrl: endpointUrl || (context.getNodeWebhookUrl('default') ?? ''),
		endpointUrlIsDefault: endpointUrl === '',
		// Off only when the user turned it off: a missing value means the default, on.
		verifySignature: options.verifySignature !== false,
		fetchSession: options.fetchSession === true,
		includeResultUrl: options.includeResultUrl === true,
		memory: {
			maxEntries: Math.floor(numberOr(options.maxRememberedDeliveries, DEFAULT_MAX_REMEMBERED_DELIVERIES)),
			maxAgeMs: numberOr(options.rememberHours, DEFAULT_REMEMBER_HOURS) * HOUR_MS,
		},
		triggerId: `${context.getWorkflow().id ?? ''}:${node.id}`,
		credentialId: node.credentials?.[CODESIGNAL_CREDENTIAL]?.id ?? undefined,
	};
}

/** The credential fields that screen deliveries; the API key is not needed to screen and is not kept. */
interface ScreeningCredential {
	webhookSecret?: unknown;
	organizationId?: unknown;
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

/**
 * How long a trigger reuses the credential it read. In n8n 2.x every credential read in webhook() prepares a
 * fresh expression isolate (about 25 ms of CPU, more than everything else a delivery costs), so a burst of
 * deliveries reads it once. A delivery refused with a reused credential is screened again with a fresh read,
 * so a corrected credential takes effect at once; a replaced secret stops verifying within this time.
 */
export const CREDENTIAL_REUSE_MS = 10_000;

const recentCredentials = new ExpiringCache<ScreeningCredential>(CREDENTIAL_REUSE_MS);

export type LoadedRules = RulesOrProblem & {
	/** The credential came from an earlier read (within CREDENTIAL_REUSE_MS), not from n8n just now. */
	reused: boolean;
};

/**
 * As screeningRules, with the credential loaded from the node (or, with `reuse`, as read within
 * CREDENTIAL_REUSE_MS); a credential that cannot be loaded is a problem too. Only a usable credential is kept,
 * so a broken one is read again on every request until it is fixed.
 */
export async function loadScreeningRules(
	context: IWebhookFunctions | IHookFunctions,
	settings: TriggerSettings,
	options: { reuse?: boolean } = {},
): Promise<LoadedRules> {
	// Per trigger and credential: a node switched to another credential never gets the previous one's fields.
	const key = options.reuse && settings.credentialId ? `${settings.triggerId}:${settings.credentialId}` : undefined;
	const now = Date.now();
	const reused = key === undefined ? undefined : recentCredentials.get(key, now);
	if (reused !== undefined) return { ...screeningRules(reused, settings), reused: true };

	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await context.getCredentials(CODESIGNAL_CREDENTIAL);
	} catch {
		return { ok: false, problem: 'The CodeSignal API credential could not be loaded', reused: false };
	}
	const rules = screeningRules(credentials, settings);
	if (rules.ok && key !== undefined) {
		const { webhookSecret, organizationId } = credentials;
		recentCredentials.set(key, { webhookSecret, organizationId }, now);
	}
	return { ...rules, reused: false };
}
