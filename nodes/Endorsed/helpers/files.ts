import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface UploadFile {
	blob: Blob;
	fileName: string;
}

/** Where an uploaded file comes from: an input item's binary property, or text written in the node. */
export const fileSourceProperties: INodeProperties[] = [
	{
		displayName: 'File Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item' },
			{ name: 'Text', value: 'text', description: 'Text such as a Markdown report, uploaded as a file' },
		],
		default: 'text',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 8 },
		default: '',
		required: true,
		description: 'What the file contains, e.g. a Markdown report of an assessment',
		displayOptions: { show: { source: ['text'] } },
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. report.md',
		description: "The file name Endorsed shows; by default the binary file's name, or report.md for text",
	},
];

export async function readUploadFile(context: IExecuteFunctions, itemIndex: number): Promise<UploadFile> {
	const fileName = (context.getNodeParameter('fileName', itemIndex, '') as string).trim();
	if (context.getNodeParameter('source', itemIndex) === 'binary') {
		const property = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
		const binary = context.helpers.assertBinaryData(itemIndex, property);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, property);
		return {
			blob: new Blob([new Uint8Array(buffer)], { type: binary.mimeType }),
			fileName: fileName || binary.fileName || 'attachment',
		};
	}
	const text = context.getNodeParameter('text', itemIndex) as string;
	if (!text.trim()) {
		throw new NodeOperationError(context.getNode(), 'The text to upload is empty', {
			itemIndex,
			description: 'Write the file\'s content in "Text", or choose "Binary File" as the file source',
		});
	}
	return markdownFile(text, fileName || 'report.md');
}

export function markdownFile(text: string, fileName: string): UploadFile {
	return { blob: new Blob([text], { type: 'text/markdown' }), fileName };
}

/** Endorsed's multipart upload: the `file` part and the attachment's fields (empty ones left out). */
export function attachmentForm(file: UploadFile, fields: Record<string, string | null | undefined>): FormData {
	const form = new FormData();
	form.append('file', file.blob, file.fileName);
	form.append('file_name', file.fileName);
	for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
	return form;
}
