import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { requireText } from '../../../shared/inputs';
import { normalizeTask, TASK_FIELDS, type RawTask } from '../../helpers/tasks';
import { getPaging } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'ListCodeSignalCreatedTasks',
	action: 'search CodeSignal\'s tasks',
	document: /* GraphQL */ `
		query ListCodeSignalCreatedTasks($name: String!) {
			codesignalCreatedTasks(name: $name) { ${TASK_FIELDS} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['getAllCodeSignalCreated'] } },
	[
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. intervals',
			description: 'Text to look for in the tasks\' names; CodeSignal needs one to search its library',
		},
		...returnAllAndLimit,
	],
);

/** CodeSignal answers with the whole list at once; Limit keeps its first items. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const name = requireText(this.getNodeParameter('name', itemIndex, ''), 'Name');
		const { returnAll, limit } = getPaging.call(this, itemIndex);
		const { codesignalCreatedTasks } = await client.request<{ codesignalCreatedTasks: Array<RawTask | null> | null }>(
			document,
			{ name },
			{ itemIndex },
		);
		const tasks = (codesignalCreatedTasks ?? []).filter((task): task is RawTask => task !== null);
		return (returnAll ? tasks : tasks.slice(0, limit)).map(normalizeTask);
	});
}
