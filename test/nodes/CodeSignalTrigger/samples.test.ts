/** CodeSignal's published sample body of every event, signed and delivered: the item a workflow receives. */
import { callWebhook } from '../../helpers/n8nWebhook';
import { ORGANIZATION_ID, samples, signed, triggerSpec } from './trigger';

const JANE = { name: 'Jane Doe', email: 'jane.doe@gmail.com' };
const NOBODY = { name: null, email: null };
/** What the samples say, read off ../shared/reference/codesignal-webhook-samples.json. */
const SESSION = { testSessionId: 'lehu382hdleh29', testId: 'dhey29hcl28hl28', testTitle: 'Software Engineer intern' };
const CERTIFICATION = { certificationRequestId: 'lehjeh36dleh29', testId: 'dhey29hcl28hl28', testTitle: 'General Coding Assessment' };
const ASSESSMENT = { testId: 'lehu382hdleh29', testTitle: 'General Coding Assessment' };
const INTERVIEW = { interviewId: 'zWve8sgiLJit6isiM' };

const expected: Record<string, Record<string, unknown>> = {
	assessmentCreated: { ...ASSESSMENT, candidate: NOBODY },
	assessmentUpdated: { ...ASSESSMENT, candidate: NOBODY },
	companyTestSessionCreated: { ...SESSION, candidate: JANE },
	companyTestSessionStarted: { ...SESSION, candidate: JANE },
	companyTestSessionFinished: { ...SESSION, candidate: JANE, resultReady: true },
	preScreenCandidateDeclined: { ...SESSION, candidate: JANE },
	preScreenResultShared: { ...SESSION, candidate: JANE },
	preScreenExpired: { ...SESSION, candidate: JANE },
	preScreenResultVerificationPending: { ...SESSION, candidate: JANE },
	preScreenResultVerified: { ...SESSION, candidate: JANE, resultReady: true },
	preScreenResultNotVerified: { ...SESSION, candidate: JANE },
	preScreenIntegrityReviewUpdated: { ...SESSION, candidate: JANE },
	liveInterviewFinished: { ...INTERVIEW, candidate: JANE },
	liveInterviewFeedbackUpdated: { ...INTERVIEW, interviewerId: 'qcmbuCuxpHELGYEJw', candidate: NOBODY },
	certificationResultPending: { ...CERTIFICATION, testSessionId: '2TgbrRMkBiksAXqEd', candidate: JANE },
	certificationResultNotCertified: { ...CERTIFICATION, candidate: JANE },
	certificationResultShared: { ...CERTIFICATION, candidate: JANE },
	certificationRequestExpired: { ...CERTIFICATION, candidate: JANE },
	certificationRequestRejected: { ...CERTIFICATION, candidate: JANE },
	// The sample's body says "certificationRequestRejected"; its payload is a merge.
	certificationRequestsMerged: {
		certificationRequestId: 'dhey29hcl28hl28',
		eventAsSent: 'certificationRequestRejected',
		candidate: NOBODY,
	},
};

const SUBJECT_IDS = ['testSessionId', 'testId', 'interviewId', 'interviewerId', 'certificationRequestId', 'externalId'];

async function itemFor(name: string, options = {}) {
	const outcome = await callWebhook(triggerSpec({ events: ['*'], options }), signed(samples[name]));
	expect(outcome.status).toBe(200);
	return outcome.workflowData![0][0].json;
}

describe('CodeSignal Trigger: the 20 sample deliveries', () => {
	it('has an expectation for every sample', () => {
		expect(Object.keys(expected).sort()).toEqual(Object.keys(samples).sort());
	});

	it.each(Object.keys(expected))('%s gives the item its payload describes', async (name) => {
		const item = await itemFor(name);
		const subjectIds = Object.fromEntries(SUBJECT_IDS.map((key) => [key, expected[name][key] ?? null]));
		expect(item).toMatchObject({
			event: name,
			triggeredOn: 1553720789347,
			triggeredAt: '2019-03-27T17:06:29.347-04:00',
			organizationId: ORGANIZATION_ID,
			resultReady: false,
			...subjectIds,
			...expected[name],
		});
		expect(item.deliveryId).toMatch(/^[0-9a-f]{32}$/);
		expect(JSON.stringify(item)).not.toContain('accessToken');
		expect(item).not.toHaveProperty('resultUrl');
	});

	it('keeps every payload as sent, links aside', async () => {
		const feedback = await itemFor('liveInterviewFeedbackUpdated');
		expect(feedback.payload).toEqual(samples.liveInterviewFeedbackUpdated.payload);
		const { url: _url, ...finishedWithoutUrl } = samples.companyTestSessionFinished.payload;
		expect((await itemFor('companyTestSessionFinished')).payload).toEqual(finishedWithoutUrl);
	});

	it('gives every sample its own delivery id', async () => {
		const ids = await Promise.all(Object.keys(samples).map(async (name) => (await itemFor(name)).deliveryId));
		expect(new Set(ids).size).toBe(20);
	});

	it('adds the result link, access token included, only when asked', async () => {
		const item = await itemFor('preScreenResultVerified', { includeResultUrl: true });
		expect(item.resultUrl).toBe(samples.preScreenResultVerified.payload.url);
		const shared = await itemFor('certificationResultShared', { includeResultUrl: true });
		expect(shared.payload).toEqual(samples.certificationResultShared.payload);
	});
});
