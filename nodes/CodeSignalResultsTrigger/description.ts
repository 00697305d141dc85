import type { INodeProperties } from 'n8n-workflow';

import { testSelectionProperties } from '../shared/codesignal/testSelection';
import { includeResultUrlOption, optionsCollection, pageSizeOption, sessionDetailProperty } from '../shared/descriptions';

export const DEFAULT_MAX_RESULTS_PER_POLL = 1000;
export const DEFAULT_WATCH_DAYS = 30;
/** CodeSignal's list can lag behind a finish (catching up, clock skew): a poll reads this far back again. */
export const DEFAULT_LOOK_BACK_HOURS = 24;
/** A proctored result may be listed only once its recording is reviewed, days after it finished. */
export const DEFAULT_PROCTORED_LOOK_BACK_DAYS = 7;

export const properties: INodeProperties[] = [
	{
		displayName:
			'Each poll emits every result that became ready since the last one, once: finished sessions, and proctored ones when their verification is decided. A poll that fails emits nothing, and the next one starts from the same place.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	...testSelectionProperties,
	{
		displayName: 'Finished Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description:
			'Emit sessions that finished at or after this time (in the workflow\'s time zone unless the value has an offset). Leave empty to start when the workflow is activated. Changing it starts the sync afresh from the new time.',
	},
	sessionDetailProperty,
	optionsCollection([
		{
			displayName: 'Look Back for Late Results (Hours)',
			name: 'lookBackHours',
			type: 'number',
			default: DEFAULT_LOOK_BACK_HOURS,
			typeOptions: { minValue: 0 },
			description:
				'A session can appear in CodeSignal after sessions that finished later than it. Each poll reads this far back below what it has already emitted, and emits what it had not seen (each session still once). 0 turns this off.',
		},
		{
			displayName: 'Look Back for Proctored Results (Days)',
			name: 'proctoredLookBackDays',
			type: 'number',
			default: DEFAULT_PROCTORED_LOOK_BACK_DAYS,
			typeOptions: { minValue: 0 },
			description:
				'The same, for tests whose sessions are proctored (Pre-Screens): their results may be listed only once the recording is reviewed, days after they finished',
		},
		{
			displayName: 'Emit Failed Verifications',
			name: 'includeNotVerified',
			type: 'boolean',
			default: true,
			description:
				'Whether to emit proctored results whose verification failed (verificationStatus "notVerified"). They are final too; turned off, they are skipped.',
		},
		includeResultUrlOption,
		{
			displayName: 'Max Results per Poll',
			name: 'maxResultsPerPoll',
			type: 'number',
			default: DEFAULT_MAX_RESULTS_PER_POLL,
			typeOptions: { minValue: 1 },
			description:
				'Bounds the memory and the size of each execution. A larger backlog (e.g. a first sync from long ago) continues at the next polls.',
		},
		pageSizeOption,
		{
			displayName: 'Watch Pending Verifications For (Days)',
			name: 'watchDays',
			type: 'number',
			default: DEFAULT_WATCH_DAYS,
			typeOptions: { minValue: 1 },
			description:
				'How long after it finished a proctored session awaiting verification is checked at each poll. Sessions still pending after that are dropped.',
		},
	]),
];
