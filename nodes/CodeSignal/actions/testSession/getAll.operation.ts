import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, sessionDocuments, type RawSession } from '../../../shared/codesignal/sessions';
import { finishedAfterFilter, finishedBeforeFilter, statusFilter, testLocator } from '../descriptions';
import { filtersCollection, includeResultUrlOption, optionsCollection, pageSizeOption, returnAllAndLimit, sessionDetailProperty } from '../../../shared/descriptions';
import { reportNullEntries } from '../../../shared/codesignal/lists';
import { scanTestSessions } from '../../helpers/sessionScan';
import { getCollection, getDetail, getId, getPaging, getSessionFilters } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['getAll'] } },
	[
		{ ...testLocator, description: 'The test whose sessions to read (CodeSignal lists sessions per test)' },
		...returnAllAndLimit,
		sessionDetailProperty,
		filtersCollection([finishedAfterFilter, finishedBeforeFilter, statusFilter]),
		optionsCollection([includeResultUrlOption, pageSizeOption]),
	],
);

/**
 * Sessions come newest finished first, one request per page whatever the detail; with "Finished After"
 * the pages stop at the first session finished earlier.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const testId = getId.call(this, 'test', 'Test', itemIndex);
		const detail = getDetail.call(this, itemIndex);
		const options = getCollection.call(this, 'options', itemIndex);
		const normalize = { detail, includeResultUrl: options.includeResultUrl === true, timeZone: this.getTimezone() };
		const sessions = [];
		const scan = scanTestSessions<RawSession>(client, sessionDocuments.list[detail], {
			testId,
			filters: getSessionFilters.call(this, itemIndex),
			...getPaging.call(this, itemIndex),
			pageSize: options.pageSize as number | undefined,
			itemIndex,
			onNulls: reportNullEntries(this.logger, `the sessions of test ${testId}`),
		});
		for await (const page of scan) sessions.push(...page.map((session) => normalizeSession(session, normalize)));
		return sessions;
	});
}
