/**
 * The trigger's `webhook()`: only what must happen before CodeSignal gets its answer. It reads the body,
 * verifies the signature and the organization header, screens the event, drops repeats it remembers and
 * answers; it calls no API (reading the session happens in the execution: confirmDelivery.ts). It never throws
 * (a throw becomes a 500 and fires the error workflow) and logs each refusal without secrets.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { parseDeliveryBody, payloadHashOf, signatureKeyOf, type Delivery } from './delivery';
import { isEventSelected } from './events';
import { deliveryItem } from './item';
import { readRequestBody, type WebhookRequestBody } from './requestBody';
import { matchingRequestUrl, verifyDelivery, type Verdict } from './screening';
import { loadScreeningRules, triggerSettings, type TriggerSettings } from './triggerSettings';
import { triggerStateOf, type TriggerState } from './triggerState';

/** Answers the request here and starts nothing. */
function refuse(context: IWebhookFunctions, status: number, reason: string, logNote = ''): IWebhookResponseData {
	context.logger.warn(
		`CodeSignal Trigger "${context.getNode().name}" refused a delivery (HTTP ${status}): ${reason}${logNote}`,
	);
	context.getResponseObject().status(status).json({ message: reason });
	return { noWebhookResponse: true };
}

/** n8n answers 200 with this message and starts nothing. */
function ignore(context: IWebhookFunctions, message: string): IWebhookResponseData {
	context.logger.debug(`CodeSignal Trigger "${context.getNode().name}": ${message}`);
	return { webhookResponse: { message } };
}

/**
 * Set-up mistakes on this side: a 5xx makes CodeSignal retry until they are fixed. The ping gets it too, so
 * that saving the webhook in CodeSignal already shows that something is wrong.
 */
function misconfigured(context: IWebhookFunctions, problem: string): IWebhookResponseData {
	context.logger.error(`CodeSignal Trigger "${context.getNode().name}" cannot accept deliveries: ${problem}`);
	const message = 'The n8n CodeSignal Trigger is not set up correctly; see the n8n log';
	context.getResponseObject().status(500).json({ message });
	return { noWebhookResponse: true };
}

export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = triggerSettings(this);
	const request = this.getRequestObject() as WebhookRequestBody;

	const read = await readRequestBody(request);
	if (!read.ok) return refuse(this, read.status, read.reason);
	const parsed = parseDeliveryBody(read.body.toString('utf8'));
	// The ping names no event, so there is nothing to verify and nothing to run.
	if (parsed.kind === 'ping') return ignore(this, 'CodeSignal webhook ping received');
	if (parsed.kind === 'malformed') return refuse(this, 400, parsed.reason);
	const { delivery } = parsed;

	const state = triggerStateOf(this.getMode(), settings.workflowId, settings.nodeId);
	const checked = await checkDelivery(this, settings, state, delivery, request);
	if (!checked.ok) return misconfigured(this, checked.problem);
	const { verdict } = checked;
	if (verdict.verdict === 'reject') {
		// Which URL was verified against helps the operator, and stays in the log: the caller is not authenticated.
		const verifiedAgainst = verdict.status === 401 ? ` (verified against the endpoint URL ${settings.endpointUrl})` : '';
		const otherUrl = verdict.problem === 'mismatch' ? signedForOtherUrl(settings, state, delivery, request, checked.secret) : undefined;
		if (!otherUrl) return refuse(this, verdict.status, verdict.reason, verifiedAgainst);
		return refuse(this, verdict.status, otherUrl.reason, `${verifiedAgainst}${otherUrl.logNote}`);
	}
	if (!isEventSelected(delivery.event, settings.selection)) {
		return ignore(this, `Event "${delivery.event}" is not selected in this trigger; ignored`);
	}

	const item = deliveryItem(delivery, {
		organizationId: verdict.organizationId,
		timeZone: this.getTimezone(),
		includeResultUrl: settings.includeResultUrl,
	});
	const signatureKey = signatureKeyOf(delivery);
	const recollection = state.recall(signatureKey, payloadHashOf(delivery), Date.now(), settings.memory);
	if (recollection === 'repeat') return ignore(this, `Delivery ${item.deliveryId} was already received; ignored`);
	if (recollection === 'otherPayload') {
		// Not a 4xx: CodeSignal would retry it for days and hold back every later delivery behind it.
		this.logger.warn(
			`CodeSignal Trigger "${this.getNode().name}" refused delivery ${item.deliveryId}: its signature was already received with another body (a replay, or two events in the same millisecond; the Results Trigger picks up the latter)`,
		);
		return { webhookResponse: { message: 'This signature was already received with another body; ignored' } };
	}
	// Should n8n fail to start the execution, its answer is not a 200 and CodeSignal's retry must not be a repeat.
	this.getResponseObject().once('finish', function (this: { statusCode?: number }) {
		if (this.statusCode !== 200) state.forget(signatureKey);
	});
	return { workflowData: [[{ json: item as unknown as IDataObject }]] };
}

type Checked = { ok: true; verdict: Verdict; secret: string | null } | { ok: false; problem: string };

/**
 * Verifies the delivery with the credential as read within the last seconds; when that refuses it, once more
 * with the credential as it is now, which may have been corrected meanwhile. The body is parsed only once.
 */
async function checkDelivery(
	context: IWebhookFunctions,
	settings: TriggerSettings,
	state: TriggerState,
	delivery: Delivery,
	request: WebhookRequestBody,
): Promise<Checked> {
	const recent = await loadScreeningRules(context, settings, state, { reuse: true });
	if (recent.ok) {
		const verdict = verifyDelivery(delivery, request.headers, recent.rules);
		if (verdict.verdict !== 'reject' || !recent.reused) return { ok: true, verdict, secret: recent.rules.secret };
	} else if (!recent.reused) {
		return recent;
	}
	const current = await loadScreeningRules(context, settings, state);
	if (!current.ok) return current;
	return { ok: true, verdict: verifyDelivery(delivery, request.headers, current.rules), secret: current.rules.secret };
}

/** Said to the caller too: it names no URL and no secret, and whoever set up the webhook needs it. */
const URL_MISMATCH_FIX =
	"set N8N_WEBHOOK_URL to n8n's public base URL on every n8n process (in queue mode the webhook processes too), or enter the signed URL under Options → Endpoint URL Registered in CodeSignal";

/**
 * A signature that matches the URL the request was actually sent to, not the one this trigger computes, means
 * n8n does not know its public URL (N8N_WEBHOOK_URL behind a proxy, or a webhook process without it). The
 * caller is told that much and the fix; the log says, once per trigger and process, which URLs differ.
 */
function signedForOtherUrl(
	settings: TriggerSettings,
	state: TriggerState,
	delivery: Delivery,
	request: WebhookRequestBody,
	secret: string | null,
): { reason: string; logNote: string } | undefined {
	const signedUrl = secret ? matchingRequestUrl(delivery, request, secret) : undefined;
	if (!signedUrl) return undefined;
	const whichUrls = state.firstUrlMismatch(signedUrl)
		? `. CodeSignal signs this webhook for ${signedUrl}, but this trigger verifies against ${settings.endpointUrl}`
		: '';
	return {
		reason: `The X-CodeSignal-Signature header was made for another URL than this trigger's endpoint URL: ${URL_MISMATCH_FIX} (the n8n log names both URLs)`,
		logNote: whichUrls,
	};
}
