/**
 * Deliveries as CodeSignal sends them: a "test session finished" body, signed over the endpoint URL, the event
 * and `triggeredOn`, with the organization header. Each sequence number gives its own `triggeredOn` and session
 * (a finished session of the CodeSignal sandbox, which the trigger reads in the execution), so no delivery repeats
 * another.
 */
import { codeSignalSignature } from '../../../sandbox/codesignal/webhooks';

const EVENT = 'companyTestSessionFinished';

export interface Delivery {
	body: string;
	headers: Record<string, string>;
}

export interface DeliverySigning {
	/** The trigger's production URL, as registered in CodeSignal. */
	endpointUrl: string;
	secret: string;
	organizationId: string;
	/** `triggeredOn` of sequence number 0, epoch ms. */
	firstTriggeredOn: number;
}

/** The finished session a delivery announces. */
export interface DeliveredSession {
	id: string;
	testId: string;
	email: string;
}

export function signedDelivery(sequence: number, signing: DeliverySigning, session: DeliveredSession): Delivery {
	const triggeredOn = signing.firstTriggeredOn + sequence;
	const body = JSON.stringify({
		event: EVENT,
		triggeredOn,
		payload: {
			testSessionId: session.id,
			testId: session.testId,
			testTitle: 'Software Engineer',
			candidateEmail: session.email,
			candidateName: `Candidate ${sequence}`,
			duration: 3_480_000,
			score: 900,
			maxScore: 1000,
			codingScore: 820,
			versionedCodingScore: { version: 'codingScore2023', value: 575 },
			plagiarismLevel: 0,
			plagiarismLabel: '-',
			url: `https://app.codesignal.com/test-result/bench-${sequence}?accessToken=bench`,
		},
	});
	return {
		body,
		headers: {
			'content-type': 'application/json',
			'x-codesignal-signature': codeSignalSignature(signing.secret, signing.endpointUrl, EVENT, triggeredOn),
			'x-endorsed-organization-id': signing.organizationId,
		},
	};
}
