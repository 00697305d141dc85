import { parseDeliveryBody, type Delivery } from '../../../nodes/CodeSignalTrigger/delivery';
import { deliveryItem } from '../../../nodes/CodeSignalTrigger/item';

const RESULT_URL = 'https://app.codesignal.com/test-result/oH3q?accessToken=A7HnBpab4aD7xm7Kp';

function delivery(event: string, payload: Record<string, unknown>): Delivery {
	const parsed = parseDeliveryBody(JSON.stringify({ event, triggeredOn: 1553720789347, payload }));
	if (parsed.kind !== 'delivery') throw new Error('not a delivery');
	return parsed.delivery;
}

const options = { organizationId: '12345', timeZone: 'Europe/Berlin', includeResultUrl: false };

describe('deliveryItem', () => {
	it('gives the time as epoch ms and as ISO-8601 in the workflow time zone', () => {
		const item = deliveryItem(delivery('assessmentCreated', {}), options);
		expect(item.triggeredOn).toBe(1553720789347);
		expect(item.triggeredAt).toBe('2019-03-27T22:06:29.347+01:00');
	});

	it('leaves result links out of the item unless asked for', () => {
		const finished = delivery('companyTestSessionFinished', { testSessionId: 's1', score: 900, url: RESULT_URL });
		const item = deliveryItem(finished, options);
		expect(item.payload).toEqual({ testSessionId: 's1', score: 900 });
		expect(item).not.toHaveProperty('resultUrl');
		expect(JSON.stringify(item)).not.toContain('accessToken');

		const asked = deliveryItem(finished, { ...options, includeResultUrl: true });
		expect(asked.resultUrl).toBe(RESULT_URL);
		expect(asked.payload.url).toBe(RESULT_URL);
	});

	it('leaves out the link of every shared session too', () => {
		const shared = delivery('certificationResultShared', {
			certificationRequestId: 'r1',
			sharedTestSessions: [{ id: 'a', score: 1, url: RESULT_URL }, { id: 'b', url: RESULT_URL }],
		});
		expect(deliveryItem(shared, options).payload.sharedTestSessions).toEqual([{ id: 'a', score: 1 }, { id: 'b' }]);
	});

	it('says so when the body named the event differently', () => {
		const merge = delivery('certificationRequestRejected', { deletedRequestId: 'old', mergedRequestId: 'kept' });
		expect(deliveryItem(merge, options)).toMatchObject({
			event: 'certificationRequestsMerged',
			eventAsSent: 'certificationRequestRejected',
			certificationRequestId: 'kept',
		});
		expect(deliveryItem(delivery('assessmentCreated', {}), options)).not.toHaveProperty('eventAsSent');
	});

	it('names the test of an assessment event by its assessment id and title', () => {
		const item = deliveryItem(delivery('assessmentUpdated', { assessmentId: 'a1', assessmentTitle: 'GCA' }), options);
		expect(item).toMatchObject({ testId: 'a1', testTitle: 'GCA', candidate: { name: null, email: null } });
	});

	it('passes the organization id through', () => {
		expect(deliveryItem(delivery('assessmentCreated', {}), options).organizationId).toBe('12345');
	});
});
