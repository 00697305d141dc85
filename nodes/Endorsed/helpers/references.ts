import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeReference, isUuid, referenceSegment, type RecordReference } from './recordReference';
import { endorsedApiRequest } from '../transport';

/** The records that can be addressed by ID or remote ID, and where they live. */
export const RECORDS = {
	attachment: { path: '/attachments', noun: 'attachment', label: 'Attachment' },
	candidate: { path: '/candidates', noun: 'candidate', label: 'Candidate' },
	job: { path: '/jobs', noun: 'job', label: 'Job' },
	nomination: { path: '/nominations', noun: 'nomination', label: 'Nomination' },
	nominationStage: { path: '/nomination_stages', noun: 'nomination stage', label: 'Nomination Stage' },
} as const;

export type RecordKind = keyof typeof RECORDS;

export type EndorsedRecord = IDataObject & { id: string };

/** A resource-locator parameter ("By ID" / "By Remote ID"), checked. */
export function readReference(context: IExecuteFunctions, parameter: string, itemIndex: number): RecordReference {
	const locator = context.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator;
	const mode = locator?.mode === 'remoteId' ? 'remoteId' : 'id';
	const value = String(locator?.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(context.getNode(), `The parameter "${parameter}" is empty`, {
			itemIndex,
			description: 'Give the Endorsed ID (a UUID), or choose "By Remote ID" and give your own ID',
		});
	}
	if (mode === 'id' && !isUuid(value)) {
		throw new NodeOperationError(context.getNode(), `"${value}" in "${parameter}" is not an Endorsed ID (a UUID)`, {
			itemIndex,
			description: 'Choose "By Remote ID" to address the record by your own ID',
		});
	}
	return { mode, value };
}

/** A text parameter that must not be empty, trimmed (an ID in a path: empty, it would name another route). */
export function requiredText(context: IExecuteFunctions, parameter: string, itemIndex: number): string {
	const value = String(context.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(context.getNode(), `The parameter "${parameter}" is empty`, { itemIndex });
	return value;
}

export function recordPath(kind: RecordKind, reference: RecordReference): string {
	return `${RECORDS[kind].path}/${referenceSegment(reference)}`;
}

export async function getRecord(
	context: IExecuteFunctions,
	kind: RecordKind,
	reference: RecordReference,
	itemIndex: number,
): Promise<EndorsedRecord> {
	const { result } = await endorsedApiRequest.call(
		context,
		{
			method: 'GET',
			path: recordPath(kind, reference),
			action: `get the ${RECORDS[kind].noun} with ${describeReference(reference)}`,
		},
		itemIndex,
	);
	return result as EndorsedRecord;
}

/** The UUID of a referenced record, looked up when given by remote ID: body fields take UUIDs only. */
export async function resolveRecordId(
	context: IExecuteFunctions,
	kind: RecordKind,
	reference: RecordReference,
	itemIndex: number,
): Promise<string> {
	if (reference.mode === 'id') return reference.value;
	return (await getRecord(context, kind, reference, itemIndex)).id;
}

/** The UUID of the record a parameter of the node names (a resource locator, by ID or remote ID). */
export async function resolveParameterRecordId(
	context: IExecuteFunctions,
	kind: RecordKind,
	itemIndex: number,
): Promise<string> {
	return await resolveRecordId(context, kind, readReference(context, kind, itemIndex), itemIndex);
}
