/** The `companyId` argument several fields take: the API key's own company unless a partner key names another. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requireId } from '../helpers/inputs';

/** A "Company ID" option for a collection; `what` completes "The company …", e.g. "whose roles to list". */
export function companyIdOption(what: string): INodeProperties {
	return {
		displayName: 'Company ID',
		name: 'companyId',
		type: 'string',
		default: '',
		description: `The company ${what}; by default the API key's own (another company's needs a partner key)`,
	};
}

/** The collection's Company ID, checked, or undefined for the API key's own company. */
export function companyIdOf(collection: IDataObject): string | undefined {
	return collection.companyId ? requireId(collection.companyId, 'Company ID') : undefined;
}
