import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, sessionDocuments, type RawSession } from '../../../shared/codesignal/sessions';
import { NotFoundError } from '../../../shared/inputs';
import { getCollection, getDetail, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { includeResultUrlOption, optionsCollection, sessionDetailProperty } from '../../../shared/descriptions';
import { sessionIdProperty } from '../descriptions';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['get'] } },
	[
		sessionIdProperty,
		sessionDetailProperty,
		optionsCollection([includeResultUrlOption]),
	],
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'sessionId', 'Test Session ID', itemIndex);
		const detail = getDetail.call(this, itemIndex);
		const { includeResultUrl } = getCollection.call(this, 'options', itemIndex);
		const { companyTestSession } = await client.request<{ companyTestSession: RawSession | null }>(
			sessionDocuments.get[detail],
			{ id },
			{ itemIndex },
		);
		if (!companyTestSession) throw new NotFoundError('Test session', id);
		return normalizeSession(companyTestSession, {
			detail,
			includeResultUrl: includeResultUrl === true,
			timeZone: this.getTimezone(),
		});
	});
}
