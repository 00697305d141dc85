import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionDocuments } from '../../../shared/codesignal/sessions';
import { sessionIdProperty } from '../descriptions';
import { runSessionRead, sessionReadProperties } from './readSession';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['get'] } },
	sessionReadProperties(sessionIdProperty),
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionRead.call(this, items, {
		idProperty: sessionIdProperty,
		documents: sessionDocuments.get,
		field: 'companyTestSession',
		noun: 'Test session',
	});
}
