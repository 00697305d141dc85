/**
 * Makes the CodeSignal sandbox send signed webhook deliveries to the example workflows, through its control
 * API, so that a fresh n8n has executions to look at. The sandbox has one webhook at a time, as one CodeSignal
 * webhook entry: it is pointed at each workflow in turn, and left pointing at the live one.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { ORGANIZATION_HEADER } from '../../nodes/shared/codesignal/organizationId';

export interface WebhookTarget {
	/** The production URL of the workflow's CodeSignal Trigger, as registered in CodeSignal. */
	endpointUrl: string;
	secret: string;
	organizationId: string;
}

export interface DeliveryPlan {
	liveInterviewFeedback: WebhookTarget;
	sessionStarted: WebhookTarget;
	resultReady: WebhookTarget;
	/** How many sandbox sessions finish (each sends "Test Session Finished"). */
	finishedSessions: number;
}

interface WebhookLog {
	disabled: boolean;
	queued: number;
	deliveries: Array<{ event: string; status: number; attempt: number }>;
}

const DELIVERY_TIMEOUT_MS = 60_000;

export async function sendFirstDeliveries(sandboxUrl: string, plan: DeliveryPlan): Promise<WebhookLog['deliveries']> {
	const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${sandboxUrl}/__sandbox${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`CodeSignal sandbox ${method} ${path}: ${await response.text()}`);
		return (await response.json()) as T;
	};
	const pointAt = (target: WebhookTarget) =>
		control('POST', '/webhooks/configure', {
			endpointUrl: target.endpointUrl,
			secret: target.secret,
			headers: target.organizationId ? { [ORGANIZATION_HEADER]: target.organizationId } : {},
		});
	const delivered = async () => {
		const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
		for (;;) {
			const log = await control<WebhookLog>('GET', '/webhooks/log');
			if (log.queued === 0 || log.disabled) return;
			if (Date.now() > deadline) throw new Error('The CodeSignal sandbox did not deliver its webhooks within a minute');
			await sleep(250);
		}
	};

	await pointAt(plan.liveInterviewFeedback);
	await control('POST', '/webhooks/emit', { event: 'liveInterviewFeedbackUpdated' });
	await delivered();
	await pointAt(plan.sessionStarted);
	await control('POST', '/webhooks/emit', { event: 'companyTestSessionStarted' });
	await delivered();
	await pointAt(plan.resultReady);
	await control('POST', '/sessions/finish', { count: plan.finishedSessions });
	await delivered();
	return (await control<WebhookLog>('GET', '/webhooks/log')).deliveries;
}
