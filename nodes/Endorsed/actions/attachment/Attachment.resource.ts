import type { INodeProperties } from 'n8n-workflow';

import * as deleteAttachment from './delete.operation';
import * as get from './get.operation';
import * as replace from './replace.operation';
import * as upload from './upload.operation';

export { deleteAttachment, get, replace, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{
				name: 'Delete',
				value: 'deleteAttachment',
				description: 'Delete an attachment',
				action: 'Delete an attachment',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get an attachment's fields (Endorsed never returns the file)",
				action: 'Get an attachment',
			},
			{
				name: 'Replace',
				value: 'replace',
				description: 'Upload a new file for an attachment',
				action: 'Replace an attachment',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file, such as a report, about a candidate',
				action: 'Upload an attachment',
			},
		],
		default: 'upload',
	},
	...deleteAttachment.description,
	...get.description,
	...replace.description,
	...upload.description,
];
