import type { INodeProperties } from 'n8n-workflow';

import { CRITERION_FIELDS, NUMERIC_METRICS } from './scoring/criteria';
import { TIER_FIELDS } from './scoring/tiers';
import { optionsCollection } from '../shared/descriptions';

const showFor = (...metric: string[]) => ({ show: { metric } });

/** The fields of one criterion, in the order a criterion reads: metric, comparison, threshold, weight. */
const criterionFields: INodeProperties[] = [
	{
		displayName: CRITERION_FIELDS.metric,
		name: 'metric',
		type: 'options',
		options: [
			{
				name: 'Coding Score',
				value: 'codingScore',
				description: "CodeSignal's coding score, within the range of the test's scoring model (e.g. 200-600)",
			},
			{ name: 'Integrity Flag', value: 'integrityFlag', description: 'Whether the session was flagged for integrity review' },
			{ name: 'Language Used', value: 'language', description: 'A programming language used in the solutions' },
			{ name: 'Raw Score', value: 'score', description: "Points scored, out of the session's maximum score" },
			{ name: 'Score (%)', value: 'scorePercent', description: 'Points scored as a percentage of the maximum score' },
			{ name: 'Solved Task Share (%)', value: 'solvedTaskShare', description: 'Solved tasks as a percentage of all tasks' },
			{ name: 'Solved Tasks', value: 'solvedTaskCount', description: 'Number of tasks solved in full' },
			{ name: 'Time Taken (Minutes)', value: 'timeTakenMinutes', description: 'Minutes from start to finish' },
			{
				name: 'Verification Status',
				value: 'verificationStatus',
				description: "Outcome of CodeSignal's proctoring verification (proctored sessions only)",
			},
		],
		default: 'scorePercent',
	},
	{
		displayName: CRITERION_FIELDS.comparison,
		name: 'comparison',
		type: 'options',
		displayOptions: showFor(...NUMERIC_METRICS),
		options: [
			{ name: 'At Least (≥)', value: 'gte' },
			{ name: 'At Most (≤)', value: 'lte' },
			{ name: 'Exactly (=)', value: 'eq' },
			{ name: 'Less Than (<)', value: 'lt' },
			{ name: 'More Than (>)', value: 'gt' },
			{ name: 'Not Equal (≠)', value: 'neq' },
		],
		default: 'gte',
	},
	{
		displayName: CRITERION_FIELDS.threshold,
		name: 'threshold',
		type: 'number',
		displayOptions: showFor(...NUMERIC_METRICS),
		typeOptions: { numberPrecision: 2 },
		default: 70,
		description: 'Value to compare with: a percentage for the (%) metrics, points, a count of tasks or minutes',
	},
	{
		displayName: CRITERION_FIELDS.language,
		name: 'language',
		type: 'string',
		displayOptions: showFor('language'),
		required: true,
		default: '',
		placeholder: 'e.g. Python',
		description: 'Name or CodeSignal ID of the language, e.g. Python or py3',
	},
	{
		displayName: CRITERION_FIELDS.languageUsage,
		name: 'languageUsage',
		type: 'options',
		displayOptions: showFor('language'),
		options: [
			{ name: 'Not Used', value: 'notUsed' },
			{ name: 'Used', value: 'used' },
		],
		default: 'used',
	},
	{
		displayName: CRITERION_FIELDS.verificationStatus,
		name: 'verificationStatus',
		type: 'options',
		displayOptions: showFor('verificationStatus'),
		options: [
			{ name: 'Is Not Verified', value: 'notVerified' },
			{ name: 'Is Pending', value: 'pending' },
			{ name: 'Is Verified', value: 'verified' },
		],
		default: 'verified',
	},
	{
		displayName: CRITERION_FIELDS.integrity,
		name: 'integrity',
		type: 'options',
		displayOptions: showFor('integrityFlag'),
		options: [
			{ name: 'Is Flagged', value: 'flagged' },
			{ name: 'Is Not Flagged', value: 'notFlagged' },
		],
		default: 'notFlagged',
	},
	{
		displayName: CRITERION_FIELDS.weight,
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 1,
		description: 'How much the criterion counts, relative to the others; weights are normalised to a score out of 100',
	},
	{
		displayName: CRITERION_FIELDS.required,
		name: 'required',
		type: 'boolean',
		default: false,
		description:
			'Whether the criterion is a dealbreaker: a candidate who misses it fails and gets the lowest tier, whatever the score',
	},
	{
		displayName: CRITERION_FIELDS.label,
		name: 'label',
		type: 'string',
		default: '',
		placeholder: 'e.g. Strong score',
		description: 'Name of the criterion in the output; generated from the criterion when empty',
	},
];

export const scoreProperties: INodeProperties[] = [
	{
		displayName:
			'Scores CodeSignal test sessions: the output of the CodeSignal node, or CodeSignal Trigger items with "Fetch Full Session From the API" on, whose "session" field is scored',
		name: 'inputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Criteria',
		name: 'criteria',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Criterion',
		default: {},
		options: [
			{
				displayName: 'Criterion',
				name: 'criterion',
				values: criterionFields,
			},
		],
	},
	optionsCollection([
		{
			displayName: TIER_FIELDS.lowest,
			name: 'lowestTier',
			type: 'string',
			default: 'Reject',
			description: 'Tier of candidates below every band, or who miss a required criterion',
		},
		{
			displayName: 'Tiers',
			name: 'tiers',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Tier',
			default: {},
			description: 'Bands of the weighted score, replacing the default Strong (from 80) and Consider (from 60)',
			options: [
				{
					displayName: 'Tier',
					name: 'tier',
					values: [
						{
							displayName: TIER_FIELDS.name,
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. Strong',
						},
						{
							displayName: TIER_FIELDS.minimumScore,
							name: 'minimumScore',
							type: 'number',
							typeOptions: { minValue: 0, maxValue: 100 },
							default: 80,
							description: 'Lowest weighted score (0-100) in this tier',
						},
					],
				},
			],
		},
	]),
];
