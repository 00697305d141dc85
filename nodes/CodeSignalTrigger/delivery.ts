/**
 * A CodeSignal webhook body, read: `{ "event": string, "triggeredOn": epoch ms, "payload": object }`,
 * or the empty body CodeSignal sends when a webhook is saved.
 */
import { createHash } from 'crypto';

/** CodeSignal's payloads are a few kilobytes; anything this large is not a delivery. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type Payload = Record<string, unknown>;

export interface Delivery {
	/** The event name in the body: the one the signature covers. */
	sentEvent: string;
	/** What the delivery is: `sentEvent`, except for a certification merge sent under another name. */
	event: string;
	/** As sent, digits only (the signature covers this text). */
	triggeredOn: string;
	payload: Payload;
}

export type ParsedBody =
	| { kind: 'ping' }
	| { kind: 'malformed'; reason: string }
	| { kind: 'delivery'; delivery: Delivery };

const isObject = (value: unknown): value is Payload =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) =>
	value === undefined || value === null || value === '' || (isObject(value) && Object.keys(value).length === 0);

/** The ping carries nothing: no body, `{}`, or only empty envelope fields. */
function isPing(body: unknown): boolean {
	if (body === null) return true;
	if (!isObject(body)) return false;
	return Object.entries(body).every(
		([key, value]) => ['event', 'triggeredOn', 'payload'].includes(key) && isBlank(value),
	);
}

function triggeredOnText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
	return undefined;
}

/**
 * CodeSignal's published sample for `certificationRequestsMerged` names the event `certificationRequestRejected`
 * while carrying a merge (`deletedRequestId`, `mergedRequestId`, no candidate). The name as sent is kept for the
 * signature; the payload decides what the delivery is, so a workflow waiting for rejections never receives a merge.
 */
export function classifyEvent(sentEvent: string, payload: Payload): string {
	const isMerge =
		payload.deletedRequestId !== undefined &&
		payload.mergedRequestId !== undefined &&
		payload.certificationRequestId === undefined;
	return isMerge ? 'certificationRequestsMerged' : sentEvent;
}

export function parseDeliveryBody(text: string): ParsedBody {
	if (text.trim() === '') return { kind: 'ping' };
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return { kind: 'malformed', reason: 'The body is not JSON' };
	}
	if (isPing(body)) return { kind: 'ping' };
	if (!isObject(body)) return { kind: 'malformed', reason: 'The body is not a JSON object' };

	const sentEvent = typeof body.event === 'string' ? body.event.trim() : '';
	if (sentEvent === '') return { kind: 'malformed', reason: 'The body has no "event"' };
	const triggeredOn = triggeredOnText(body.triggeredOn);
	if (triggeredOn === undefined) {
		return { kind: 'malformed', reason: 'The body has no "triggeredOn" in epoch milliseconds' };
	}
	// The payload is not signed and CodeSignal always sends an object; anything else is kept out of the item.
	const payload = isObject(body.payload) ? body.payload : {};
	return {
		kind: 'delivery',
		delivery: { sentEvent, event: classifyEvent(sentEvent, payload), triggeredOn, payload },
	};
}

/** The ids a payload names, whichever kind of event it is (null when absent). */
export interface DeliverySubject {
	testSessionId: string | null;
	/** `testId`, or `assessmentId` on assessment events (an assessment is a test). */
	testId: string | null;
	interviewId: string | null;
	interviewerId: string | null;
	/** On a merge, the request that remains. */
	certificationRequestId: string | null;
	/** The id given when the session was created (an ATS or Endorsed key), echoed on test-session events. */
	externalId: string | null;
}

function idOf(value: unknown): string | null {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function deliverySubject(payload: Payload): DeliverySubject {
	return {
		testSessionId: idOf(payload.testSessionId),
		testId: idOf(payload.testId) ?? idOf(payload.assessmentId),
		interviewId: idOf(payload.interviewId),
		interviewerId: idOf(payload.interviewerId),
		certificationRequestId: idOf(payload.certificationRequestId) ?? idOf(payload.mergedRequestId),
		externalId: idOf(payload.externalId),
	};
}

/**
 * A stable id for a delivery, the same for every retry of it: a hash of the event, `triggeredOn` and the ids
 * it is about (the removed request of a merge included). 128 bits are ample to tell deliveries apart.
 */
export function deliveryIdOf(delivery: Delivery): string {
	const subject = deliverySubject(delivery.payload);
	const ids = [...Object.values(subject), idOf(delivery.payload.deletedRequestId)].map((id) => id ?? '');
	return createHash('sha256')
		.update([delivery.event, delivery.triggeredOn, ...ids].join('\n'))
		.digest('hex')
		.slice(0, 32);
}

/** JSON with object keys sorted, so that two bodies that mean the same hash the same. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (isObject(value)) {
		const entries = Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * What the signature covers besides the URL (fixed per trigger): the event as sent and `triggeredOn`. Two
 * deliveries with the same key carry the same signature, whatever their bodies.
 */
export function signatureKeyOf(delivery: Pick<Delivery, 'sentEvent' | 'triggeredOn'>): string {
	return sha256(`${delivery.sentEvent}\n${delivery.triggeredOn}`);
}

/** What the signature does not cover: the payload, however its keys are ordered. */
export function payloadHashOf(delivery: Pick<Delivery, 'payload'>): string {
	return sha256(canonicalJson(delivery.payload));
}
