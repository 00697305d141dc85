import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'GetCompany',
	action: 'read the company',
	document: /* GraphQL */ `
		query GetCompany {
			company {
				id
				name
				alias
				status
				clientType
				ownedEmailDomains
			}
		}
	`,
};

/** The API key's own company: nothing to choose. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const data = await client.request<{ company: object | null }>(document, {}, { itemIndex });
		if (!data.company) throw new Error('CodeSignal returned no company for this API key');
		return data.company;
	});
}
