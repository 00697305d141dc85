import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { SINGLE_ENVIRONMENT_TASK_FIELDS } from '../../helpers/tasks';
import { languageProperty, runInitialSourceMutation } from './initialSource';
import { taskIdProperty } from './taskInput';

export const document: GraphqlOperation = {
	name: 'SetTaskInitialSource',
	action: 'set the initial source of the task',
	document: /* GraphQL */ `
		mutation SetTaskInitialSource($id: ID!, $language: LanguageName!, $source: String!) {
			setTaskInitialSource(id: $id, language: $language, source: $source) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['setInitialSource'] } },
	[
		taskIdProperty,
		{ ...languageProperty, description: 'The language whose starting code to set' },
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			typeOptions: { rows: 10 },
			required: true,
			default: '',
			description: 'The code the candidate starts from in this language; it replaces the code set before',
		},
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runInitialSourceMutation.call(this, items, document, 'setTaskInitialSource', (itemIndex) => ({
		source: this.getNodeParameter('source', itemIndex, '') as string,
	}));
}
