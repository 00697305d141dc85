import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DEFAULT_PAGE_SIZE, planPageSize } from '../../../shared/pagination';
import { costPerListItem } from '../../../shared/codesignal/schema';
import { normalizeSession, sessionDocuments } from '../../../shared/codesignal/sessions';
import { codeSignalSyncSource, finishedBetween } from '../../../CodeSignalResultsTrigger/sync';
import { reportNullEntries } from '../../../shared/codesignal/lists';
import { selectedTestIds, testSelectionProperties } from '../../../shared/codesignal/testSelection';
import { includeResultUrlOption, optionsCollection, pageSizeOption, returnAllAndLimit, sessionDetailProperty } from '../../../shared/descriptions';
import { InvalidParameterError, parseDate, requireWholeNumber } from '../../../shared/inputs';
import { getCollection, getDetail, getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['getFinishedBetween'] } },
	[
		{
			displayName: 'Finished After',
			name: 'finishedAfter',
			type: 'dateTime',
			required: true,
			default: '',
			description:
				'Start of the window, included (in the workflow\'s time zone unless the value has an offset, e.g. 2026-05-01T00:00:00+02:00)',
		},
		{
			displayName: 'Finished Before',
			name: 'finishedBefore',
			type: 'dateTime',
			default: '',
			description:
				'End of the window, excluded, so that consecutive windows never return a session twice. Empty: now.',
		},
		...testSelectionProperties,
		...returnAllAndLimit,
		sessionDetailProperty,
		optionsCollection([includeResultUrlOption, pageSizeOption]),
	],
);

/**
 * Every session that finished in the window, across all tests or the chosen ones, newest finished first
 * (with a limit: the newest ones). Deleted sessions are left out; proctored ones come with their
 * verification status, whatever it is.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const timeZone = this.getTimezone();
		const from = parseDate(this.getNodeParameter('finishedAfter', itemIndex, ''), 'Finished After', timeZone);
		if (from === undefined) throw new InvalidParameterError('Finished After', 'Finished After is required');
		const to = parseDate(this.getNodeParameter('finishedBefore', itemIndex, ''), 'Finished Before', timeZone) ?? Date.now();
		if (to <= from) {
			throw new InvalidParameterError('Finished Before', 'Finished Before must be later than Finished After');
		}
		const testIds = selectedTestIds(
			this.getNodeParameter('tests', itemIndex, 'all'),
			this.getNodeParameter('testIds', itemIndex, []),
		);
		const { returnAll, limit } = getPaging.call(this, itemIndex);
		const detail = getDetail.call(this, itemIndex);
		const options = getCollection.call(this, 'options', itemIndex);
		const pageSize = planPageSize({
			returnAll: true,
			pageSize: requireWholeNumber(options.pageSize ?? DEFAULT_PAGE_SIZE, 'Page Size', 1),
			costPerItem: costPerListItem(sessionDocuments.list[detail].document, 'companyTestSessions'),
		});
		const source = codeSignalSyncSource(client, detail, { itemIndex });
		const sessions = await finishedBetween(source, {
			from,
			to,
			testIds,
			limit: returnAll ? undefined : limit,
			pageSize,
			onNulls: (count, testId) => reportNullEntries(this.logger, `the sessions of test ${testId}`)(count),
		});
		const normalize = { detail, includeResultUrl: options.includeResultUrl === true, timeZone };
		return sessions.map((session) => normalizeSession(session, normalize));
	});
}
