import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { parseEmail } from '../../../shared/inputs';
import { INTERVIEW_FIELDS, normalizeInterview, type RawInterview } from '../../helpers/interviews';
import { getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListLiveInterviews',
	action: 'list the live interviews',
	document: /* GraphQL */ `
		query ListLiveInterviews($candidateEmail: String, $first: Int, $offset: Int) {
			liveInterviews(candidateEmail: $candidateEmail, first: $first, offset: $offset) { ${INTERVIEW_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['liveInterview'], operation: ['getAll'] } },
	[
		...returnAllAndLimit,
		filtersCollection([
			{
				displayName: 'Candidate Email',
				name: 'candidateEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only the interviews of this candidate',
			},
		]),
	],
);

/** Newest first. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const candidateEmail = parseEmail(getCollection.call(this, 'filters', itemIndex).candidateEmail, 'Candidate Email', false);
		const interviews = await collectList<RawInterview>(client, document, { candidateEmail }, { field: 'liveInterviews' }, {
			...getPaging.call(this, itemIndex),
			itemIndex,
			idOf: (interview) => interview.id,
			onNulls: reportNullEntries(this.logger, 'live interviews'),
		});
		const timeZone = this.getTimezone();
		return interviews.map((interview) => normalizeInterview(interview, timeZone));
	});
}
