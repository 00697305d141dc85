/** What the list operations of Ranking share: GET /candidate_rankings page by page, each entry with its rank. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectAll } from '../../../shared/pagination';
import { endorsedApiRequest } from '../../transport';

/** Endorsed's largest page of rankings. */
const PAGE_SIZE = 100;

/** The entries best first, `rank` 1 the best; `query` says what to rank by (target_resource_id or q, filter_job_id). */
export async function readRanking(
	context: IExecuteFunctions,
	query: IDataObject,
	action: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const entries = await collectAll<IDataObject>(
		async ({ first, offset }) => {
			const { results } = await endorsedApiRequest.call(
				context,
				{ method: 'GET', path: '/candidate_rankings', qs: { ...query, offset, limit: first }, action },
				itemIndex,
			);
			return { items: results ?? [] };
		},
		{
			returnAll: context.getNodeParameter('returnAll', itemIndex) as boolean,
			limit: context.getNodeParameter('limit', itemIndex, 50) as number,
			pageSize: PAGE_SIZE,
		},
	);
	return entries.map((entry, index) => ({ rank: index + 1, ...entry }));
}
