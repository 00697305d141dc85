/**
 * The trigger's parameters and credential, read once per call and checked, so that a set-up mistake is
 * reported the same way at activation and on every delivery.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { parseOrganizationId } from '../shared/codesignal/organizationId';
import { CODESIGNAL_CREDENTIAL } from '../shared/codesignal/transport';
import type { MemoryLimits } from '../shared/codesignal/webhook/duplicates';
import type { ScreeningRules } from '../shared/codesignal/webhook/screening';

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
	};
}

export type RulesOrProblem = { ok: true; rules: ScreeningRules } | { ok: false; problem: string };

/** The screening rules, or why the credential cannot verify deliveries (never naming the secret). */
export function screeningRules(credentials: ICredentialDataDecryptedObject, settings: TriggerSettings): RulesOrProblem {
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

/** As screeningRules, with the credential loaded from the node; a credential that cannot be loaded is a problem too. */
export async function loadScreeningRules(
	context: IWebhookFunctions | IHookFunctions,
	settings: TriggerSettings,
): Promise<RulesOrProblem> {
	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await context.getCredentials(CODESIGNAL_CREDENTIAL);
	} catch {
		return { ok: false, problem: 'The CodeSignal API credential could not be loaded' };
	}
	return screeningRules(credentials, settings);
}
