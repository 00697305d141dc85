/**
 * The trigger's `webhook()`: answers every request without throwing (a throw becomes a 500 and fires the error
 * workflow), runs the workflow once per new, verified, selected delivery, and logs each refusal without secrets.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { codeSignalEvent, isEventSelected } from './events';
import { DeliveryMemory, isStoredDelivery } from './deliveryMemory';
import { deliveryItem } from './item';
import { screenDelivery, type Screening } from './screening';
import { readRequestBody, type WebhookRequestBody } from './requestBody';
import { lookUpSession } from './sessionLookup';
import { loadScreeningRules, SESSION_FETCH_BUDGET_MS, triggerSettings, type TriggerSettings } from './triggerSettings';

/**
 * Each trigger's memory of deliveries, kept in the process as well as in static data: n8n 2.40.7 saves a
 * webhook trigger's static data only the first time it changes (it rebuilds its Workflow over the same object
 * before saving, which clears the change flag), so static data alone forgets every delivery after the first.
 * Static data still carries the memory across restarts whenever n8n does save it. Test deliveries (manual
 * mode) have a memory of their own, so that trying a delivery out never makes its production run a repeat.
 */
const deliveryMemories = new Map<string, DeliveryMemory>();

function deliveryMemoryOf(context: IWebhookFunctions, settings: TriggerSettings, stored: unknown): DeliveryMemory {
	const key = `${context.getMode()}:${settings.triggerId}`;
	let memory = deliveryMemories.get(key);
	if (memory === undefined) {
		memory = DeliveryMemory.fromStored(stored);
		deliveryMemories.set(key, memory);
	}
	return memory;
}

/** Answers the request here and starts nothing. */
function refuse(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	context.logger.warn(`CodeSignal Trigger "${context.getNode().name}" refused a delivery (HTTP ${status}): ${reason}`);
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

	const screened = await screenRequest(this, settings, read.body, request.headers);
	if (!screened.ok) return misconfigured(this, screened.problem);
	const { screening } = screened;
	if (screening.verdict === 'reject') {
		const hint = screening.status === 401 ? ` (verified against the endpoint URL ${settings.endpointUrl})` : '';
		return refuse(this, screening.status, screening.reason + hint);
	}
	if (screening.verdict === 'ping') return ignore(this, 'CodeSignal webhook ping received');

	const { delivery, organizationId } = screening;
	if (!isEventSelected(delivery.event, settings.selection)) {
		return ignore(this, `Event "${delivery.event}" is not selected in this trigger; ignored`);
	}

	const timeZone = this.getTimezone();
	const item = deliveryItem(delivery, { organizationId, timeZone, includeResultUrl: settings.includeResultUrl });

	const limits = settings.memory;
	if (limits.maxEntries > 0) {
		const now = Date.now();
		const staticData = this.getWorkflowStaticData('node');
		const { deliveryId } = item;
		const memory = deliveryMemoryOf(this, settings, staticData.deliveries);
		if (memory.has(deliveryId, now, limits) || isStoredDelivery(staticData.deliveries, deliveryId, now, limits)) {
			return ignore(this, `Delivery ${deliveryId} was already received; ignored`);
		}
		const stored = memory.recordAndStore(deliveryId, now, limits, staticData.deliveries);
		if (stored !== staticData.deliveries) staticData.deliveries = stored;
	}

	const aboutTestSession = codeSignalEvent(delivery.event)?.subject === 'testSession';
	if (settings.fetchSession && aboutTestSession && item.testSessionId) {
		Object.assign(
			item,
			await lookUpSession(this, item.testSessionId, {
				timeZone,
				includeResultUrl: settings.includeResultUrl,
				budgetMs: SESSION_FETCH_BUDGET_MS,
			}),
		);
	}
	return { workflowData: [[{ json: item as unknown as IDataObject }]] };
}

/**
 * Screens the request with the credential as read within the last seconds; when that refuses the delivery, once
 * more with the credential as it is now, which may have been corrected meanwhile.
 */
async function screenRequest(
	context: IWebhookFunctions,
	settings: TriggerSettings,
	body: Buffer,
	headers: WebhookRequestBody['headers'],
): Promise<{ ok: true; screening: Screening } | { ok: false; problem: string }> {
	const recent = await loadScreeningRules(context, settings, { reuse: true });
	if (recent.ok) {
		const screening = screenDelivery(body, headers, recent.rules);
		if (screening.verdict !== 'reject' || !recent.reused) return { ok: true, screening };
	} else if (!recent.reused) {
		return recent;
	}
	const current = await loadScreeningRules(context, settings);
	return current.ok ? { ok: true, screening: screenDelivery(body, headers, current.rules) } : current;
}
