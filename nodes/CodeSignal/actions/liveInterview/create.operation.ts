import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { parseEmail } from '../../../shared/inputs';
import { INTERVIEW_FIELDS, normalizeInterview, type RawInterview } from '../../helpers/interviews';
import { getCollection } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { interviewFieldOptions, toInterviewInput } from './interviewInput';
import { additionalFieldsCollection } from '../../../shared/descriptions';

export const document: GraphqlOperation = {
	name: 'CreateLiveInterview',
	action: 'create the live interview',
	document: /* GraphQL */ `
		mutation CreateLiveInterview($interviewFields: LiveInterviewInput) {
			createLiveInterview(interviewFields: $interviewFields) { ${INTERVIEW_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['liveInterview'], operation: ['create'] } },
	[
		{
			displayName: 'Candidate Email',
			name: 'candidateEmail',
			type: 'string',
			required: true,
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'Candidate Name',
			name: 'candidateName',
			type: 'string',
			default: '',
		},
		additionalFieldsCollection(interviewFieldOptions),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const interviewFields = {
			candidateEmail: parseEmail(this.getNodeParameter('candidateEmail', itemIndex, ''), 'Candidate Email', true),
			...toInterviewInput({
				...getCollection.call(this, 'additionalFields', itemIndex),
				candidateName: this.getNodeParameter('candidateName', itemIndex, ''),
			}),
		};
		const data = await client.request<{ createLiveInterview: RawInterview }>(document, { interviewFields }, { itemIndex });
		return normalizeInterview(data.createLiveInterview, this.getTimezone());
	});
}
