import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { InvalidParameterError } from '../../../shared/inputs';
import { updateFieldsCollection } from '../../../shared/descriptions';
import { INTERVIEW_FIELDS, normalizeInterview, type RawInterview } from '../../helpers/interviews';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { interviewFieldOptions, interviewIdProperty, toInterviewInput } from './interviewInput';

export const document: GraphqlOperation = {
	name: 'UpdateLiveInterview',
	action: 'update the live interview',
	document: /* GraphQL */ `
		mutation UpdateLiveInterview($id: ID!, $interviewFields: LiveInterviewInput!) {
			editLiveInterview(id: $id, interviewFields: $interviewFields) { ${INTERVIEW_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['liveInterview'], operation: ['update'] } },
	[
		interviewIdProperty,
		updateFieldsCollection([
			{
				displayName: 'Candidate Email',
				name: 'candidateEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Candidate Name',
				name: 'candidateName',
				type: 'string',
				default: '',
			},
			...interviewFieldOptions,
		]),
	],
);

/** Only pending or active interviews can change; CodeSignal says so for the others. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewId', 'Live Interview ID', itemIndex);
		const interviewFields = toInterviewInput(getCollection.call(this, 'updateFields', itemIndex));
		if (Object.keys(interviewFields).length === 0) {
			throw new InvalidParameterError('Update Fields', 'Update Fields is empty: add at least one field to change');
		}
		const data = await client.request<{ editLiveInterview: RawInterview }>(document, { id, interviewFields }, { itemIndex });
		return normalizeInterview(data.editLiveInterview, this.getTimezone());
	});
}
