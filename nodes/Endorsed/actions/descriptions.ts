import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/recordReference';
import { RECORDS, type RecordKind } from '../helpers/references';

/** A record picked by its Endorsed ID (UUID) or by the remote ID you gave it. */
export function recordLocator(kind: RecordKind, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const { noun, label } = RECORDS[kind];
	return {
		displayName: label,
		name: kind,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: `The ${noun}, by its Endorsed ID or by the remote ID it was created with`,
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f6c1d2e-8a4b-4c5d-9e7f-0a1b2c3d4e5f',
				validation: [
					{
						type: 'regex',
						properties: { regex: UUID_PATTERN, errorMessage: 'Not an Endorsed ID (a UUID)' },
					},
				],
			},
			{
				displayName: 'By Remote ID',
				name: 'remoteId',
				type: 'string',
				placeholder: 'e.g. ats-4711',
			},
		],
		...overrides,
	};
}

export function remoteIdProperty(noun: string): INodeProperties {
	return {
		displayName: 'Remote ID',
		name: 'remoteId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ats-4711',
		description: `Your own stable ID for the ${noun}; it can address the ${noun} later, instead of its Endorsed ID`,
	};
}


/** The part of a list a user asked for: all of it, or the first `limit` entries. */
export function limitResults<T>(context: IExecuteFunctions, itemIndex: number, results: T[]): T[] {
	if (context.getNodeParameter('returnAll', itemIndex) as boolean) return results;
	return results.slice(0, context.getNodeParameter('limit', itemIndex) as number);
}

/** "Wait for Evaluation" and its bounds: Endorsed evaluates asynchronously and has no webhooks. */
export function evaluationWaitProperties(waitDescription: string): INodeProperties[] {
	const whenWaiting = { show: { waitForEvaluation: [true] } };
	return [
		{
			displayName: 'Wait for Evaluation',
			name: 'waitForEvaluation',
			type: 'boolean',
			default: false,
			description: waitDescription,
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 900 },
			default: 120,
			description:
				'Stop waiting after this long and return the evaluations as they are; unfinished ones stay IN_PROGRESS',
			displayOptions: whenWaiting,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 5,
			description: 'How long to wait between two reads of the evaluations',
			displayOptions: whenWaiting,
		},
	];
}

/** The wait the user asked for, or undefined when "Wait for Evaluation" is off. */
export function readWaitOptions(context: IExecuteFunctions, itemIndex: number) {
	if (!(context.getNodeParameter('waitForEvaluation', itemIndex, false) as boolean)) return undefined;
	return {
		maxWaitMs: (context.getNodeParameter('maxWaitSeconds', itemIndex) as number) * 1000,
		intervalMs: (context.getNodeParameter('pollIntervalSeconds', itemIndex) as number) * 1000,
	};
}
