/** Get and Get Standardized read one session by ID the same way, from different root fields. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normalizeSession, type RawSession, type SessionDetail } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { includeResultUrlOption, optionsCollection, sessionDetailProperty } from '../../../shared/descriptions';
import { NotFoundError } from '../../../shared/inputs';
import { getCollection, getDetail, getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export interface SessionRead {
	/** The session ID parameter; its display name names it in errors. */
	idProperty: INodeProperties;
	documents: Record<SessionDetail, GraphqlOperation>;
	/** The root field the documents query. */
	field: string;
	/** "Test session", for "… not found". */
	noun: string;
	/** Fields of this kind of session added to the node's session shape. */
	extraFields?: (raw: RawSession) => object;
}

export function sessionReadProperties(idProperty: INodeProperties): INodeProperties[] {
	return [idProperty, sessionDetailProperty, optionsCollection([includeResultUrlOption])];
}

export async function runSessionRead(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	read: SessionRead,
): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, read.idProperty.name, read.idProperty.displayName, itemIndex);
		const detail = getDetail.call(this, itemIndex);
		const { includeResultUrl } = getCollection.call(this, 'options', itemIndex);
		const data = await client.request<Record<string, RawSession | null>>(read.documents[detail], { id }, { itemIndex });
		const session = data[read.field];
		if (!session) throw new NotFoundError(read.noun, id);
		return {
			...normalizeSession(session, { detail, includeResultUrl: includeResultUrl === true, timeZone: this.getTimezone() }),
			...read.extraFields?.(session),
		};
	});
}
