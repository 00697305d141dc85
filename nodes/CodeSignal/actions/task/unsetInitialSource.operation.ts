import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { SINGLE_ENVIRONMENT_TASK_FIELDS } from '../../helpers/tasks';
import { languageProperty, runInitialSourceMutation } from './initialSource';
import { taskIdProperty } from './taskInput';

export const document: GraphqlOperation = {
	name: 'UnsetTaskInitialSource',
	action: 'remove the initial source of the task',
	document: /* GraphQL */ `
		mutation UnsetTaskInitialSource($id: ID!, $language: LanguageName!) {
			unsetTaskInitialSource(id: $id, language: $language) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['unsetInitialSource'] } },
	[taskIdProperty, { ...languageProperty, description: 'The language whose starting code to delete' }],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runInitialSourceMutation.call(this, items, document, 'unsetTaskInitialSource');
}
