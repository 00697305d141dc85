import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { NotFoundError } from '../../../shared/inputs';
import { FILESYSTEM_TASK_FIELDS, normalizeTask, SINGLE_ENVIRONMENT_TASK_FIELDS, type RawTask } from '../../helpers/tasks';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { taskIdProperty } from './taskInput';

/** CodeSignal reads the two kinds with two queries; `field` is the query's name in the answer. */
export const documents: Record<'filesystem' | 'singleEnvironment', GraphqlOperation & { field: string }> = {
	filesystem: {
		name: 'GetFilesystemTask',
		field: 'filesystemTask',
		action: 'read the filesystem task',
		document: /* GraphQL */ `
			query GetFilesystemTask($id: ID!) {
				filesystemTask(id: $id) { ${FILESYSTEM_TASK_FIELDS} }
			}
		`,
	},
	singleEnvironment: {
		name: 'GetTask',
		field: 'task',
		action: 'read the task',
		document: /* GraphQL */ `
			query GetTask($id: ID!) {
				task(id: $id) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [
	{
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		noDataExpression: true,
		default: 'singleEnvironment',
		options: [
			{
				name: 'Coding, Quiz or Front-End',
				value: 'singleEnvironment',
				description: 'A task in one environment (CodeSignal\'s SingleEnvironmentTask)',
			},
			{
				name: 'Filesystem',
				value: 'filesystem',
				description: 'A project with files and unit tests (CodeSignal\'s FilesystemTask)',
			},
		],
	},
	taskIdProperty,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const operation = documents[this.getNodeParameter('taskType', itemIndex, 'singleEnvironment') as keyof typeof documents];
		const id = getId.call(this, 'taskId', 'Task ID', itemIndex);
		const data = await client.request<Record<string, RawTask | null>>(operation, { id }, { itemIndex });
		const task = data[operation.field];
		if (!task) throw new NotFoundError('Task', id);
		return normalizeTask(task);
	});
}
