import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { TASK_FIELDS } from '../../helpers/tasks';
import { runTaskSetsMutation, taskSetsProperties } from './taskSetsMutation';

export const document: GraphqlOperation = {
	name: 'RemoveTaskFromSets',
	action: 'remove the task from the sets',
	document: /* GraphQL */ `
		mutation RemoveTaskFromSets($editTaskSetsInput: EditTaskSetsInput!) {
			removeTaskFromSets(editTaskSetsInput: $editTaskSetsInput) { ${TASK_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['removeFromSets'] } },
	taskSetsProperties('The sets to take the task out of; the task itself is kept'),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runTaskSetsMutation.call(this, items, document, 'removeTaskFromSets');
}
