import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { NotFoundError } from '../../../shared/inputs';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetTaskLevel',
	action: 'read the task level',
	document: /* GraphQL */ `
		query GetTaskLevel($id: ID!) {
			taskLevel(taskLevelId: $id) {
				id
				parentTask { id title }
				executionEnvironments {
					environment
					value {
						environmentType
						timeLimit
						description
						filesOpenByDefault
						pathsExpandedByDefault
						ignoredPaths
						postCreateCommand
						unitTests { title weight }
						diffs { action path ... on AddOrReplaceTaskLevelDiff { source } }
					}
				}
			}
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['taskLevel'], operation: ['get'] } },
	[
		{
			displayName: 'Task Level ID',
			name: 'taskLevelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 4WbXq8NcTz2LmR7Hd',
			description: "The ID of one level of a progressive task (in the task's levels)",
		},
	],
);

interface RawTaskLevel {
	id: string;
	parentTask?: { id?: string; title?: string } | null;
	executionEnvironments?: Array<{
		environment?: string | null;
		value?: Record<string, unknown> & { diffs?: Array<Record<string, unknown> | null> | null } | null;
	} | null> | null;
}

/** Each environment's settings flattened, with the files this level adds, changes or deletes. */
function normalizeTaskLevel(raw: RawTaskLevel) {
	return {
		id: raw.id,
		parentTask: raw.parentTask ? { id: raw.parentTask.id ?? null, title: raw.parentTask.title ?? null } : null,
		executionEnvironments: (raw.executionEnvironments ?? []).flatMap((entry) =>
			entry
				? [
						{
							...entry.value,
							environment: entry.environment ?? null,
							diffs: (entry.value?.diffs ?? []).filter((diff) => diff !== null),
						},
					]
				: [],
		),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'taskLevelId', 'Task Level ID', itemIndex);
		const { taskLevel } = await client.request<{ taskLevel: RawTaskLevel | null }>(document, { id }, { itemIndex });
		if (!taskLevel) throw new NotFoundError('Task level', id);
		return normalizeTaskLevel(taskLevel);
	});
}
