/** Set and Unset Initial Source: a task, a language, one mutation each. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { languageOptions } from '../languages';
import { requireEnumValue } from '../../helpers/graphqlInput';
import { normalizeTask, type RawTask } from '../../helpers/tasks';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const languageProperty: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	required: true,
	default: 'py3',
	options: languageOptions,
};

export async function runInitialSourceMutation(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	document: GraphqlOperation,
	field: string,
	variables: (itemIndex: number) => Record<string, unknown> = () => ({}),
): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'taskId', 'Task ID', itemIndex);
		const language = requireEnumValue(this.getNodeParameter('language', itemIndex, ''), 'LanguageName', 'Language');
		const data = await client.request<Record<string, RawTask>>(
			document,
			{ id, language, ...variables(itemIndex) },
			{ itemIndex },
		);
		return normalizeTask(data[field]);
	});
}
