import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../shared/forEachItem';
import { requireText } from '../../../shared/inputs';
import { resolveParameterRecordId } from '../../helpers/references';
import { recordLocator } from '../descriptions';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { readRanking } from './readRanking';

const properties: INodeProperties[] = [
	{
		displayName: 'Rank By',
		name: 'rankBy',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Text', value: 'text', description: 'How well their attachments match a text, such as a skill or a job description' },
			{ name: 'Likeness to a Candidate', value: 'candidate', description: 'How much they are like a candidate' },
			{ name: 'Likeness to an Attachment', value: 'attachment', description: 'How much their attachments are like one attachment' },
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		displayOptions: { show: { rankBy: ['text'] } },
		description: 'What to rank the candidates against',
	},
	recordLocator('candidate', { displayOptions: { show: { rankBy: ['candidate'] } } }),
	recordLocator('attachment', { displayOptions: { show: { rankBy: ['attachment'] } } }),
	{
		displayName: 'Only Candidates Nominated to a Job',
		name: 'onlyNominated',
		type: 'boolean',
		default: false,
		description: 'Whether to rank only the candidates nominated to one job; each entry then names the nomination',
	},
	recordLocator('job', { displayOptions: { show: { onlyNominated: [true] } } }),
	...returnAllAndLimit,
];

export const description = updateDisplayOptions({ show: { resource: ['ranking'], operation: ['search'] } }, properties);

/** Candidates ranked by a text or by their likeness to a candidate or an attachment, best first, each with its `rank`. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const rankBy = this.getNodeParameter('rankBy', itemIndex) as 'text' | 'candidate' | 'attachment';
		const query: IDataObject =
			rankBy === 'text'
				? { q: requireText(this.getNodeParameter('text', itemIndex, ''), 'Text') }
				: { target_resource_id: await resolveParameterRecordId(this, rankBy, itemIndex) };
		if (this.getNodeParameter('onlyNominated', itemIndex, false) as boolean) {
			query.filter_job_id = await resolveParameterRecordId(this, 'job', itemIndex);
		}
		return await readRanking(this, query, 'rank the candidates', itemIndex);
	});
}
