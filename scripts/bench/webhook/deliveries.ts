/**
 * Deliveries as CodeSignal sends them: a "test session finished" body, signed over the endpoint URL, the event
 * and `triggeredOn`, with the organization header. Each sequence number gives its own `triggeredOn` and session,
 * so no delivery repeats another.
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

export function signedDelivery(sequence: number, signing: DeliverySigning): Delivery {
	const triggeredOn = signing.firstTriggeredOn + sequence;
	const body = JSON.stringify({
		event: EVENT,
		triggeredOn,
		payload: {
			testSessionId: `bench-session-${sequence}`,
			testId: 'bench-test',
			testTitle: 'Software Engineer',
			candidateEmail: `candidate-${sequence}@example.com`,
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
