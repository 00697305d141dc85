import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectList, reportNullEntries } from '../../../shared/codesignal/lists';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import {
	INTERVIEW_TEMPLATE_FIELDS,
	normalizeInterviewTemplate,
	type RawInterviewTemplate,
} from '../../helpers/interviewTemplates';
import { companyIdOption } from '../descriptions';
import { companyIdOf, getCollection, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListInterviewTemplates',
	action: 'list the interview templates',
	document: /* GraphQL */ `
		query ListInterviewTemplates($companyId: ID, $globalFilter: String, $first: Int!, $offset: Int!) {
			interviewTemplates(companyId: $companyId, globalFilter: $globalFilter, first: $first, offset: $offset) {
				interviewTemplates { ${INTERVIEW_TEMPLATE_FIELDS} }
				pageInfo { hasNextPage }
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['interviewTemplate'], operation: ['getAll'] } },
	[
		...returnAllAndLimit,
		filtersCollection([
			companyIdOption('whose templates to list'),
			{
				displayName: 'Name Contains',
				name: 'globalFilter',
				type: 'string',
				default: '',
				description: 'Only templates whose name contains this text',
			},
		]),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const filters = getCollection.call(this, 'filters', itemIndex);
		const globalFilter = (filters.globalFilter as string) || undefined;
		const companyId = companyIdOf(filters);
		const templates = await collectList<RawInterviewTemplate>(
			client,
			document,
			{ companyId, globalFilter },
			{ field: 'interviewTemplates', items: 'interviewTemplates' },
			{
				...getPaging.call(this, itemIndex),
				itemIndex,
				idOf: (template) => template.id,
				onNulls: reportNullEntries(this.logger, 'interview templates'),
			},
		);
		return templates.map(normalizeInterviewTemplate);
	});
}
