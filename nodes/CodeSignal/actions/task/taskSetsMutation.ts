/** Add To Sets and Remove From Sets: the same parameters, one mutation each. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { InvalidParameterError, parseList } from '../../../shared/inputs';
import { normalizeTask, type RawTask } from '../../helpers/tasks';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { taskIdProperty } from './taskInput';

const SETS_FIELD = 'Task Set Names or IDs';

export function taskSetsProperties(description: string): INodeProperties[] {
	return [
		taskIdProperty,
		{
			displayName: SETS_FIELD,
			name: 'sets',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTaskSets' },
			required: true,
			default: [],
			description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
	];
}

/** Runs `document` with EditTaskSetsInput `{ id, sets }` and emits the task it answers with. */
export async function runTaskSetsMutation(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	document: GraphqlOperation,
	field: string,
): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'taskId', 'Task ID', itemIndex);
		const sets = parseList(this.getNodeParameter('sets', itemIndex, []));
		if (sets.length === 0) {
			throw new InvalidParameterError(SETS_FIELD, `${SETS_FIELD} is empty: choose at least one set`);
		}
		const data = await client.request<Record<string, RawTask>>(document, { editTaskSetsInput: { id, sets } }, { itemIndex });
		return normalizeTask(data[field]);
	});
}
