import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { NotFoundError } from '../../../shared/inputs';
import { FEEDBACK_FIELDS, normalizeFeedback, type RawInterview } from '../../helpers/interviews';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { interviewIdProperty } from './interviewInput';

export const document: GraphqlOperation = {
	name: 'GetLiveInterviewFeedback',
	action: 'read the feedback of the live interview',
	document: /* GraphQL */ `
		query GetLiveInterviewFeedback($id: ID!) {
			liveInterview(liveInterviewId: $id) {
				id
				status
				candidateName
				candidateEmail
				${FEEDBACK_FIELDS}
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['liveInterview'], operation: ['getFeedback'] } },
	[
		interviewIdProperty,
		{
			displayName: 'Anonymize for Blind Review',
			name: 'anonymize',
			type: 'boolean',
			default: false,
			description:
				'Whether to leave out the candidate\'s name and e-mail and rewrite the notes with neutral words for the candidate\'s names and gendered pronouns, for a blind hiring committee',
		},
	],
);

/** One item per interview with every interviewer's notes, scores and recommendation. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewId', 'Live Interview ID', itemIndex);
		const anonymize = this.getNodeParameter('anonymize', itemIndex, false) as boolean;
		const { liveInterview } = await client.request<{ liveInterview: RawInterview | null }>(document, { id }, { itemIndex });
		if (!liveInterview) throw new NotFoundError('Live interview', id);
		return normalizeFeedback(liveInterview, anonymize);
	});
}
