import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { updateFieldsCollection } from '../../../shared/descriptions';
import {
	CODE_REVIEW_TASK_FIELDS,
	DATABASE_TASK_FIELDS,
	FILESYSTEM_TASK_FIELDS,
	normalizeTask,
	SINGLE_ENVIRONMENT_TASK_FIELDS,
	type RawTask,
} from '../../helpers/tasks';
import { getCollection, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import {
	answersProperty,
	getTaskInput,
	taskFieldOptions,
	taskIdProperty,
	taskJsonProperties,
	taskTypeProperty,
	type TaskKind,
} from './taskInput';

/** One mutation per kind; `field` is the mutation's name in the answer, `argument` the input's. */
export const documents: Record<TaskKind, GraphqlOperation & { field: string; argument: string }> = {
	codeReview: {
		name: 'EditCodeReviewTask',
		field: 'editCodeReviewTask',
		argument: 'taskFields',
		action: 'edit the code review task',
		document: /* GraphQL */ `
			mutation EditCodeReviewTask($id: ID!, $taskFields: EditCodeReviewTaskInput!) {
				editCodeReviewTask(id: $id, taskFields: $taskFields) { ${CODE_REVIEW_TASK_FIELDS} }
			}
		`,
	},
	database: {
		name: 'EditDatabaseTask',
		field: 'editDatabaseTask',
		argument: 'taskFields',
		action: 'edit the database task',
		document: /* GraphQL */ `
			mutation EditDatabaseTask($id: ID!, $taskFields: EditDatabaseTaskInput!) {
				editDatabaseTask(id: $id, taskFields: $taskFields) { ${DATABASE_TASK_FIELDS} }
			}
		`,
	},
	freeCoding: {
		name: 'EditFreeCodingTask',
		field: 'editFreeCodingTask',
		argument: 'taskFields',
		action: 'edit the free coding task',
		document: /* GraphQL */ `
			mutation EditFreeCodingTask($id: ID!, $taskFields: EditStandardTaskInput!) {
				editFreeCodingTask(id: $id, taskFields: $taskFields) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
	freeFilesystem: {
		name: 'EditFreeFilesystemTask',
		field: 'editFreeFilesystemTask',
		argument: 'taskFields',
		action: 'edit the free filesystem task',
		document: /* GraphQL */ `
			mutation EditFreeFilesystemTask($id: ID!, $taskFields: EditFreeFilesystemTaskInput!) {
				editFreeFilesystemTask(id: $id, taskFields: $taskFields) { ${FILESYSTEM_TASK_FIELDS} }
			}
		`,
	},
	frontend: {
		name: 'UpdateFrontendTask',
		field: 'updateFrontendTask',
		argument: 'patch',
		action: 'update the front-end task',
		document: /* GraphQL */ `
			mutation UpdateFrontendTask($id: ID!, $patch: UpdateFrontendTaskInput!) {
				updateFrontendTask(id: $id, patch: $patch) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
	quiz: {
		name: 'EditQuizTask',
		field: 'editQuizTask',
		argument: 'taskFields',
		action: 'edit the quiz',
		document: /* GraphQL */ `
			mutation EditQuizTask($id: ID!, $taskFields: EditQuizInput!) {
				editQuizTask(id: $id, taskFields: $taskFields) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
	standard: {
		name: 'EditStandardTask',
		field: 'editStandardTask',
		argument: 'taskFields',
		action: 'edit the standard task',
		document: /* GraphQL */ `
			mutation EditStandardTask($id: ID!, $taskFields: EditStandardTaskInput!) {
				editStandardTask(id: $id, taskFields: $taskFields) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['update'] } }, [
	taskTypeProperty(true),
	taskIdProperty,
	...taskJsonProperties(true),
	updateFieldsCollection(
		[...taskFieldOptions, { ...answersProperty, displayOptions: { show: { '/taskType': ['quiz'] } } }].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	),
]);

/** Overwrites the fields given; CodeSignal's own tasks cannot be changed, only the company's. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const kind = this.getNodeParameter('taskType', itemIndex, 'standard') as TaskKind;
		const id = getId.call(this, 'taskId', 'Task ID', itemIndex);
		const input = getTaskInput.call(this, kind, true, getCollection.call(this, 'updateFields', itemIndex), itemIndex);
		const operation = documents[kind];
		const data = await client.request<Record<string, RawTask>>(operation, { id, [operation.argument]: input }, { itemIndex });
		return normalizeTask(data[operation.field]);
	});
}
