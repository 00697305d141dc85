import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, type RawSession } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { finishedAfterFilter, finishedBeforeFilter, testLocator } from '../descriptions';
import { reportNullEntries } from '../../../shared/codesignal/lists';
import { scanTestSessions } from '../../helpers/sessionScan';
import { taskStatistics } from '../../helpers/taskStatistics';
import { getCollection, getId, getSessionFilters } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { filtersCollection, optionsCollection, pageSizeOption } from '../../../shared/descriptions';

/** Only what the statistics need, so that pages stay cheap. */
export const document: GraphqlOperation = {
	name: 'ListTaskResults',
	action: 'list the task results of a test',
	document: /* GraphQL */ `
		query ListTaskResults($testId: ID!, $first: Int, $offset: Int) {
			companyTestSessions(companyTestId: $testId, first: $first, offset: $offset) {
				id
				status
				finishDate
				result {
					taskResults {
						score
						timeSpent
						sessionTask { maxScore task { id title } }
					}
				}
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['test'], operation: ['getTaskStatistics'] } },
	[
		{ ...testLocator, description: 'The test whose tasks to analyse' },
		filtersCollection([finishedAfterFilter, finishedBeforeFilter]),
		optionsCollection([pageSizeOption]),
	],
);

/** One item per task: how the test's finished sessions scored on it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const testId = getId.call(this, 'test', 'Test', itemIndex);
		const { finishedAfter, finishedBefore } = getSessionFilters.call(this, itemIndex);
		const pageSize = getCollection.call(this, 'options', itemIndex).pageSize as number | undefined;
		const finished = [];
		const scan = scanTestSessions<RawSession>(client, document, {
			testId,
			// Only finished sessions have results.
			filters: { statuses: ['over'], finishedAfter, finishedBefore },
			returnAll: true,
			pageSize,
			itemIndex,
			onNulls: reportNullEntries(this.logger, `the sessions of test ${testId}`),
		});
		for await (const page of scan) {
			finished.push(...page.map((session) => normalizeSession(session, { detail: 'results' })));
		}
		return taskStatistics(finished).map((statistics) => ({ testId, ...statistics }));
	});
}
