import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { TASK_FIELDS } from '../../helpers/tasks';
import { runTaskSetsMutation, taskSetsProperties } from './taskSetsMutation';

export const document: GraphqlOperation = {
	name: 'AddTaskToSets',
	action: 'add the task to the sets',
	document: /* GraphQL */ `
		mutation AddTaskToSets($editTaskSetsInput: EditTaskSetsInput!) {
			addTaskToSets(editTaskSetsInput: $editTaskSetsInput) { ${TASK_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['addToSets'] } },
	taskSetsProperties('The sets to add the task to; it stays in the sets it is in'),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runTaskSetsMutation.call(this, items, document, 'addTaskToSets');
}
