/**
 * One accepted delivery as a trigger emits it: stable top-level fields for the common questions (which event,
 * when, about whom, is a result ready), and the payload as CodeSignal sent it.
 */
import { isoDate } from '../shared/codesignal/sessions';
import { deliveryIdOf, deliverySubject, type Delivery, type DeliverySubject, type Payload } from './delivery';
import { isResultReadyEvent } from './events';

export interface DeliveryItem extends DeliverySubject {
	/** Stable across CodeSignal's retries of the same delivery: use it to de-duplicate downstream. */
	deliveryId: string;
	event: string;
	/** Only when the body named the event differently (see classifyEvent). */
	eventAsSent?: string;
	/** Epoch milliseconds, as sent. */
	triggeredOn: number;
	/** ISO-8601 in the workflow's time zone. */
	triggeredAt: string | null;
	/** The Endorsed organization id the delivery carried in `x-endorsed-organization-id`. */
	organizationId: string | null;
	testTitle: string | null;
	candidate: { name: string | null; email: string | null };
	/** The session's result can be read: a non-proctored session finished, or a proctored one was verified. */
	resultReady: boolean;
	/** Result links carry an access token: present (and kept in `payload`) only when asked for. */
	resultUrl?: string | null;
	payload: Payload;
}

export interface DeliveryItemOptions {
	organizationId: string | null;
	/** IANA zone for `triggeredAt`. */
	timeZone: string;
	includeResultUrl: boolean;
}

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** A copy of the object without its `url` (a link that carries an access token). */
function withoutUrl(object: Payload): Payload {
	const copy = { ...object };
	delete copy.url;
	return copy;
}

/** The payload without its links (the result link and each shared session's link). */
function withoutUrls(payload: Payload): Payload {
	const rest = withoutUrl(payload);
	if (Array.isArray(rest.sharedTestSessions)) {
		rest.sharedTestSessions = rest.sharedTestSessions.map((session: unknown) =>
			typeof session !== 'object' || session === null ? session : withoutUrl(session as Payload),
		);
	}
	return rest;
}

export function deliveryItem(delivery: Delivery, options: DeliveryItemOptions): DeliveryItem {
	const { payload } = delivery;
	const triggeredOn = Number(delivery.triggeredOn);
	const item: DeliveryItem = {
		deliveryId: deliveryIdOf(delivery),
		event: delivery.event,
		...(delivery.sentEvent !== delivery.event ? { eventAsSent: delivery.sentEvent } : {}),
		triggeredOn,
		triggeredAt: isoDate(triggeredOn, options.timeZone),
		organizationId: options.organizationId,
		...deliverySubject(payload),
		testTitle: textOf(payload.testTitle) ?? textOf(payload.assessmentTitle),
		candidate: { name: textOf(payload.candidateName), email: textOf(payload.candidateEmail) },
		resultReady: isResultReadyEvent(delivery.event),
		payload: options.includeResultUrl ? payload : withoutUrls(payload),
	};
	if (options.includeResultUrl) item.resultUrl = textOf(payload.url);
	return item;
}
