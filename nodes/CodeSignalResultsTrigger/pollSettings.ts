/** The trigger's parameters, read and checked once per poll. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { DAY_MS, HOUR_MS, parseDate, requireWholeNumber } from '../shared/inputs';
import { DEFAULT_PAGE_SIZE, planPageSize } from '../shared/pagination';
import { costPerListItem } from '../shared/codesignal/schema';
import { sessionDocuments, type SessionDetail } from '../shared/codesignal/sessions';
import { selectedTestIds } from '../shared/codesignal/testSelection';
import {
	DEFAULT_LOOK_BACK_HOURS,
	DEFAULT_MAX_RESULTS_PER_POLL,
	DEFAULT_PROCTORED_LOOK_BACK_DAYS,
	DEFAULT_WATCH_DAYS,
} from './description';

export interface ResultsTriggerSettings {
	testIds?: string[];
	/** The "Finished Since" value as typed: a change starts the sync afresh. */
	sinceSetting: string;
	/** Epoch ms; undefined: when the workflow is activated. */
	since?: number;
	detail: SessionDetail;
	includeResultUrl: boolean;
	includeNotVerified: boolean;
	maxItems: number;
	pageSize: number;
	watchForMs: number;
	lookBackMs: number;
	proctoredLookBackMs: number;
	timeZone: string;
}

export function resultsTriggerSettings(context: IPollFunctions): ResultsTriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const detail = context.getNodeParameter('detail', 'results') as SessionDetail;
	const sinceValue = context.getNodeParameter('since', '');
	const timeZone = context.getTimezone();
	return {
		testIds: selectedTestIds(context.getNodeParameter('tests', 'all'), context.getNodeParameter('testIds', [])),
		sinceSetting: String(sinceValue ?? ''),
		since: parseDate(sinceValue, 'Finished Since', timeZone),
		detail,
		includeResultUrl: options.includeResultUrl === true,
		includeNotVerified: options.includeNotVerified !== false,
		maxItems: requireWholeNumber(options.maxResultsPerPoll ?? DEFAULT_MAX_RESULTS_PER_POLL, 'Max Results per Poll', 1),
		pageSize: planPageSize({
			returnAll: true,
			pageSize: requireWholeNumber(options.pageSize ?? DEFAULT_PAGE_SIZE, 'Page Size', 1),
			costPerItem: costPerListItem(sessionDocuments.list[detail].document, 'companyTestSessions'),
		}),
		watchForMs: requireWholeNumber(options.watchDays ?? DEFAULT_WATCH_DAYS, 'Watch Pending Verifications For (Days)', 1) * DAY_MS,
		lookBackMs:
			requireWholeNumber(options.lookBackHours ?? DEFAULT_LOOK_BACK_HOURS, 'Look Back for Late Results (Hours)', 0) * HOUR_MS,
		proctoredLookBackMs:
			requireWholeNumber(
				options.proctoredLookBackDays ?? DEFAULT_PROCTORED_LOOK_BACK_DAYS,
				'Look Back for Proctored Results (Days)',
				0,
			) * DAY_MS,
		timeZone,
	};
}
