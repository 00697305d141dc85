import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sessionSelection } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { requireId, requireWholeNumber } from '../../../shared/inputs';
import { runSessionMutation } from './sessionMutation';
import { sessionIdProperty } from '../descriptions';

export const document: GraphqlOperation = {
	name: 'GradeTestSessionTask',
	action: 'grade the task of the test session',
	document: /* GraphQL */ `
		mutation GradeTestSessionTask($id: ID!, $taskId: ID!, $score: Int!) {
			gradeCompanyTestResult(id: $id, taskId: $taskId, score: $score) { ${sessionSelection('results')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['gradeTask'] } },
	[
		sessionIdProperty,
		{
			displayName: 'Task ID',
			name: 'taskId',
			type: 'string',
			required: true,
			default: '',
			description: 'The task to grade (the task IDs are in the session\'s tasks when read with results)',
		},
		{
			displayName: 'Score',
			name: 'score',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Points for the task, from 0 to the task\'s max score',
		},
	],
);

/** Answers with the session's results, so the new total and coding score are visible at once. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSessionMutation.call(this, items, {
		document,
		field: 'gradeCompanyTestResult',
		detail: 'results',
		variables(itemIndex) {
			return {
				taskId: requireId(this.getNodeParameter('taskId', itemIndex), 'Task ID'),
				score: requireWholeNumber(this.getNodeParameter('score', itemIndex), 'Score', 0),
			};
		},
	});
}
