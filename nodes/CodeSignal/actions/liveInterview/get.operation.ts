import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { NotFoundError } from '../../../shared/inputs';
import { INTERVIEW_FIELDS, normalizeInterview, type RawInterview } from '../../helpers/interviews';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { interviewIdProperty } from './interviewInput';

export const document: GraphqlOperation = {
	name: 'GetLiveInterview',
	action: 'read the live interview',
	document: /* GraphQL */ `
		query GetLiveInterview($id: ID!) {
			liveInterview(liveInterviewId: $id) { ${INTERVIEW_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['liveInterview'], operation: ['get'] } },
	[interviewIdProperty],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'interviewId', 'Live Interview ID', itemIndex);
		const { liveInterview } = await client.request<{ liveInterview: RawInterview | null }>(document, { id }, { itemIndex });
		if (!liveInterview) throw new NotFoundError('Live interview', id);
		return normalizeInterview(liveInterview, this.getTimezone());
	});
}
