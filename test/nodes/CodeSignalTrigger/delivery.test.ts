import {
	classifyEvent,
	deliveryIdOf,
	deliverySubject,
	parseDeliveryBody,
	type Delivery,
} from '../../../nodes/CodeSignalTrigger/delivery';

const body = (value: unknown) => JSON.stringify(value);
const NO_TRIGGERED_ON = 'The body has no "triggeredOn" in epoch milliseconds';

function delivered(text: string): Delivery {
	const parsed = parseDeliveryBody(text);
	if (parsed.kind !== 'delivery') throw new Error(`Expected a delivery, got ${JSON.stringify(parsed)}`);
	return parsed.delivery;
}

describe('parseDeliveryBody', () => {
	it('reads event, triggeredOn (kept as the text the signature covers) and payload', () => {
		const delivery = delivered(
			body({ event: 'companyTestSessionStarted', triggeredOn: 1553720789347, payload: { testSessionId: 's1' } }),
		);
		expect(delivery).toEqual({
			sentEvent: 'companyTestSessionStarted',
			event: 'companyTestSessionStarted',
			triggeredOn: '1553720789347',
			payload: { testSessionId: 's1' },
		});
	});

	it('accepts triggeredOn sent as a string of digits', () => {
		expect(delivered(body({ event: 'assessmentCreated', triggeredOn: '1553720789347' })).triggeredOn).toBe(
			'1553720789347',
		);
	});

	it.each([
		['an empty body', ''],
		['whitespace', ' \r\n'],
		['an empty object', '{}'],
		['null', 'null'],
		['empty envelope fields', body({ event: '', triggeredOn: null, payload: {} })],
	])('treats %s as the ping CodeSignal sends when a webhook is saved', (_case, text) => {
		expect(parseDeliveryBody(text)).toEqual({ kind: 'ping' });
	});

	it.each([
		['text that is not JSON', 'event=companyTestSessionFinished', 'The body is not JSON'],
		['a truncated JSON object', '{"event":"assessmentCreated","trigg', 'The body is not JSON'],
		['a JSON array', body([{ event: 'assessmentCreated' }]), 'The body is not a JSON object'],
		['a JSON string', body('assessmentCreated'), 'The body is not a JSON object'],
		['no event', body({ triggeredOn: 1, payload: { a: 1 } }), 'The body has no "event"'],
		['a numeric event', body({ event: 7, triggeredOn: 1 }), 'The body has no "event"'],
		['no triggeredOn', body({ event: 'assessmentCreated', payload: {} }), NO_TRIGGERED_ON],
		['an ISO triggeredOn', body({ event: 'assessmentCreated', triggeredOn: '2019-03-27T21:06:29Z' }), NO_TRIGGERED_ON],
		['a fractional triggeredOn', body({ event: 'assessmentCreated', triggeredOn: 15.5 }), NO_TRIGGERED_ON],
		['unknown fields only', body({ hello: 'world' }), 'The body has no "event"'],
	])('rejects %s', (_case, text, reason) => {
		expect(parseDeliveryBody(text)).toEqual({ kind: 'malformed', reason });
	});

	it('keeps a payload that is not an object out of the delivery', () => {
		expect(delivered(body({ event: 'assessmentCreated', triggeredOn: 1, payload: ['x'] })).payload).toEqual({});
	});
});

describe('classifyEvent', () => {
	it('names a merge sent as certificationRequestRejected (as in CodeSignal\'s sample) by its payload', () => {
		expect(classifyEvent('certificationRequestRejected', { deletedRequestId: 'a', mergedRequestId: 'b' })).toBe(
			'certificationRequestsMerged',
		);
	});

	it('keeps the sent name for a real rejection and for every other event', () => {
		expect(classifyEvent('certificationRequestRejected', { certificationRequestId: 'a', candidateName: 'Jane' })).toBe(
			'certificationRequestRejected',
		);
		expect(classifyEvent('companyTestSessionFinished', { testSessionId: 's' })).toBe('companyTestSessionFinished');
	});
});

describe('deliverySubject', () => {
	it('takes the test id from assessmentId on assessment events', () => {
		expect(deliverySubject({ assessmentId: 'a1' }).testId).toBe('a1');
	});

	it('takes the remaining request of a merge as the certification request', () => {
		expect(deliverySubject({ deletedRequestId: 'old', mergedRequestId: 'kept' }).certificationRequestId).toBe('kept');
	});

	it('gives null for absent or empty ids', () => {
		expect(deliverySubject({ testSessionId: '', interviewId: null })).toEqual({
			testSessionId: null,
			testId: null,
			interviewId: null,
			interviewerId: null,
			certificationRequestId: null,
			externalId: null,
		});
	});
});

describe('deliveryIdOf', () => {
	const finished = { event: 'companyTestSessionFinished', triggeredOn: 1553720789347, payload: { testSessionId: 's1', score: 1 } };

	it('is the same for a retry of the same delivery, whatever else the payload says', () => {
		const first = deliveryIdOf(delivered(body(finished)));
		const retry = deliveryIdOf(delivered(body({ ...finished, payload: { testSessionId: 's1', score: 2 } })));
		expect(retry).toBe(first);
		expect(first).toMatch(/^[0-9a-f]{32}$/);
	});

	it.each([
		['event', { ...finished, event: 'preScreenResultVerified' }],
		['triggeredOn', { ...finished, triggeredOn: finished.triggeredOn + 1 }],
		['subject', { ...finished, payload: { testSessionId: 's2' } }],
	])('differs when the %s differs', (_field, other) => {
		expect(deliveryIdOf(delivered(body(other)))).not.toBe(deliveryIdOf(delivered(body(finished))));
	});

	it('tells apart feedback from two interviewers on the same interview at the same time', () => {
		const feedback = (interviewerId: string) =>
			delivered(body({ event: 'liveInterviewFeedbackUpdated', triggeredOn: 1, payload: { interviewId: 'i', interviewerId } }));
		expect(deliveryIdOf(feedback('a'))).not.toBe(deliveryIdOf(feedback('b')));
	});

	it('tells apart two merges into the same request', () => {
		const merge = (deletedRequestId: string) =>
			delivered(body({ event: 'certificationRequestsMerged', triggeredOn: 1, payload: { deletedRequestId, mergedRequestId: 'kept' } }));
		expect(deliveryIdOf(merge('a'))).not.toBe(deliveryIdOf(merge('b')));
	});
});
