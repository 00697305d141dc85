import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { requireText } from '../../../shared/inputs';
import {
	CODE_REVIEW_TASK_FIELDS,
	DATABASE_TASK_FIELDS,
	FILESYSTEM_TASK_FIELDS,
	normalizeTask,
	SINGLE_ENVIRONMENT_TASK_FIELDS,
	type RawTask,
} from '../../helpers/tasks';
import { companyIdOption } from '../descriptions';
import { companyIdOf, getCollection } from '../readParameters';
import { runPerItem } from '../runPerItem';
import {
	answersProperty,
	getTaskInput,
	taskFieldOptions,
	taskJsonProperties,
	taskTypeProperty,
	type CreatableTaskKind,
} from './taskInput';

/** One mutation per kind; `field` is the mutation's name in the answer. */
export const documents: Record<CreatableTaskKind, GraphqlOperation & { field: string }> = {
	codeReview: {
		name: 'CreateCodeReviewTask',
		field: 'createCodeReviewTask',
		action: 'create the code review task',
		document: /* GraphQL */ `
			mutation CreateCodeReviewTask($taskFields: CreateCodeReviewTaskInput!, $options: CreateTaskOptionsInput) {
				createCodeReviewTask(taskFields: $taskFields, options: $options) { ${CODE_REVIEW_TASK_FIELDS} }
			}
		`,
	},
	database: {
		name: 'CreateDatabaseTask',
		field: 'createDatabaseTask',
		action: 'create the database task',
		document: /* GraphQL */ `
			mutation CreateDatabaseTask($taskFields: CreateDatabaseTaskInput!, $options: CreateTaskOptionsInput) {
				createDatabaseTask(taskFields: $taskFields, options: $options) { ${DATABASE_TASK_FIELDS} }
			}
		`,
	},
	freeCoding: {
		name: 'CreateFreeCodingTask',
		field: 'createFreeCodingTask',
		action: 'create the free coding task',
		document: /* GraphQL */ `
			mutation CreateFreeCodingTask($taskFields: CreateFreeCodingTaskInput!, $options: CreateTaskOptionsInput) {
				createFreeCodingTask(taskFields: $taskFields, options: $options) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
	freeFilesystem: {
		name: 'CreateFreeFilesystemTask',
		field: 'createFreeFilesystemTask',
		action: 'create the free filesystem task',
		document: /* GraphQL */ `
			mutation CreateFreeFilesystemTask($taskFields: CreateFreeFilesystemTaskInput!, $options: CreateTaskOptionsInput) {
				createFreeFilesystemTask(taskFields: $taskFields, options: $options) { ${FILESYSTEM_TASK_FIELDS} }
			}
		`,
	},
	quiz: {
		name: 'CreateQuizTask',
		field: 'createQuizTask',
		action: 'create the quiz',
		document: /* GraphQL */ `
			mutation CreateQuizTask($taskFields: CreateQuizInput!, $options: CreateTaskOptionsInput) {
				createQuizTask(taskFields: $taskFields, options: $options) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
	standard: {
		name: 'CreateStandardTask',
		field: 'createStandardTask',
		action: 'create the standard task',
		document: /* GraphQL */ `
			mutation CreateStandardTask($taskFields: CreateStandardTaskInput!, $options: CreateTaskOptionsInput) {
				createStandardTask(taskFields: $taskFields, options: $options) { ${SINGLE_ENVIRONMENT_TASK_FIELDS} }
			}
		`,
	},
};

const quizOnly = { show: { taskType: ['quiz'] } };
/** Asked for on their own on Create, so left out of its Additional Fields. */
const TOP_LEVEL = ['name', 'question', 'multipleSelect'];

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, [
	taskTypeProperty(false),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. merge-intervals',
		description: 'The task\'s internal name, unique in the company',
	},
	{
		displayName: 'Question',
		name: 'question',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: quizOnly,
		description: 'The question the candidate answers',
	},
	{ ...answersProperty, displayOptions: quizOnly, description: 'The options the candidate chooses from' },
	{
		displayName: 'Multiple Answers',
		name: 'multipleSelect',
		type: 'boolean',
		default: false,
		displayOptions: quizOnly,
		description: 'Whether more than one answer is correct (the candidate ticks boxes, not one button)',
	},
	...taskJsonProperties(false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				companyIdOption('that owns the task'),
				...taskFieldOptions.filter((option) => !TOP_LEVEL.includes(option.name)),
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const kind = this.getNodeParameter('taskType', itemIndex, 'standard') as CreatableTaskKind;
		const additional = getCollection.call(this, 'additionalFields', itemIndex);
		const guided = {
			...additional,
			name: requireText(this.getNodeParameter('name', itemIndex, ''), 'Name'),
			...(kind === 'quiz'
				? {
						question: requireText(this.getNodeParameter('question', itemIndex, ''), 'Question'),
						answers: this.getNodeParameter('answers', itemIndex, {}),
						multipleSelect: this.getNodeParameter('multipleSelect', itemIndex, false),
					}
				: {}),
		};
		const taskFields = getTaskInput.call(this, kind, false, guided, itemIndex);
		const companyId = companyIdOf(additional);
		const options = companyId ? { companyId } : undefined;
		const operation = documents[kind];
		const data = await client.request<Record<string, RawTask>>(operation, { taskFields, options }, { itemIndex });
		return normalizeTask(data[operation.field]);
	});
}
