/**
 * What the test mutations share: the guided fields of CodeSignal's test inputs (CreateCompanyTestInput,
 * CreateCompanyTestFromFrameworkInput, EditCompanyTestInput), the Tasks list, and the JSON field.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { languageOptions, testingToolOptions } from '../languages';
import { parseGraphqlInput, pickInputFields, requireEnumValues } from '../../helpers/graphqlInput';
import {
	DAY_MS,
	InvalidParameterError,
	MINUTE_MS,
	parseJsonObject,
	parseList,
	requireIdList,
	requireWholeNumber,
} from '../../../shared/inputs';

export type TestInputType = 'CreateCompanyTestInput' | 'CreateCompanyTestFromFrameworkInput' | 'EditCompanyTestInput';

/** The JSON field of an input type: every field of it, the guided fields winning. */
export function testJsonProperty(inputType: TestInputType): INodeProperties {
	return {
		displayName: `${inputType} JSON`,
		name: 'testFieldsJson',
		type: 'json',
		default: '{}',
		description: `Any field of CodeSignal's ${inputType}, such as emailReminderTemplates, scoreRangeLabels or completionEmailMessage. The fields set in this node win over the same fields here. Checked against the schema before anything is sent.`,
	};
}

export const tasksProperty: INodeProperties = {
	displayName: 'Tasks',
	name: 'tasks',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	placeholder: 'Add Task',
	description: 'The test\'s tasks, in order',
	options: [
		{
			displayName: 'Task',
			name: 'task',
			values: [
				{
					displayName: 'Languages',
					name: 'availableLanguages',
					type: 'multiOptions',
					default: [],
					options: languageOptions,
					description: 'The languages the candidate may use for this task (none: those the task allows)',
				},
				{
					displayName: 'Points',
					name: 'score',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 0 },
					description: 'What the task is worth in this test (0: the task\'s own maximum score)',
				},
				{
					displayName: 'Task IDs',
					name: 'taskIds',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. 3pLmQ8xZkT2cRw9Hd',
					description: 'The task\'s ID; several IDs separated by commas make one slot of alternative tasks',
				},
				{
					displayName: 'Testing Tools',
					name: 'availableTestingTools',
					type: 'multiOptions',
					default: [],
					options: testingToolOptions,
					description: 'The testing tools the candidate may use for this task (none: those the task allows)',
				},
			],
		},
	],
};

/** The guided fields of the test inputs, sorted by name; each operation leaves out those it asks for itself. */
export const testFieldOptions: INodeProperties[] = [
	{
		displayName: 'Candidate-Facing Title',
		name: 'externalTitle',
		type: 'string',
		default: '',
		description: 'The title candidates see (default on creation: the title)',
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		description: 'How long a candidate has for the test',
	},
	{
		displayName: 'Expires After (Days)',
		name: 'expiresAfterDays',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 1 },
		description: 'How long an invitation to the test stays open',
	},
	{
		displayName: 'Hide Scores From Candidate',
		name: 'hideScoresFromCandidate',
		type: 'boolean',
		default: false,
		description: 'Whether candidates see their score after the test',
	},
	{
		displayName: 'Internal Description',
		name: 'internalDescription',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A note for the company\'s recruiters; candidates do not see it',
	},
	{
		displayName: 'Intro Message',
		name: 'introMessage',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'What candidates read before they start',
	},
	{
		displayName: 'Labels',
		name: 'labels',
		type: 'string',
		default: '',
		placeholder: 'e.g. backend, engineering',
		description: 'Labels separated by commas; on Update they replace the test\'s labels',
	},
	{
		displayName: 'Outro Message',
		name: 'outroMessage',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'What candidates read when they finish',
	},
	{
		displayName: 'Rename If Title Is Taken',
		name: 'autoResolveTitleConflict',
		type: 'boolean',
		default: false,
		description: 'Whether CodeSignal adds a number to a title another test has, instead of refusing it',
	},
	{ ...tasksProperty, description: 'The test\'s tasks, in order; they replace all of the test\'s tasks' },
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'The test\'s title in CodeSignal, unique in the company',
	},
];

export const testTitleProperty: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	required: true,
	default: '',
	description: 'The test\'s title in CodeSignal, unique in the company',
};

/** An "Additional Fields" collection of the guided fields but those the operation asks for itself. */
export function additionalTestFields(...without: string[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: testFieldOptions.filter((option) => !without.includes(option.name)),
	};
}

/** EditCompanyTestInput.defaultExpiration is an Int of milliseconds: at most this many days. */
const MAX_INT_EXPIRATION_DAYS = Math.floor(2 ** 31 / DAY_MS);

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** TaskSlotInput for each entry of the Tasks list. */
export function toTaskSlots(value: unknown): IDataObject[] {
	const entries = ((value as IDataObject | undefined)?.task as IDataObject[] | undefined) ?? [];
	return entries.map((entry) => {
		const slot: IDataObject = { taskIds: requireIdList(entry.taskIds, 'Task IDs') };
		const score = requireWholeNumber(entry.score ?? 0, 'Points', 0);
		if (score > 0) slot.score = score;
		const languages = requireEnumValues(entry.availableLanguages, 'LanguageName', 'Languages');
		if (languages.length > 0) slot.availableLanguages = languages;
		const tools = requireEnumValues(entry.availableTestingTools, 'TestingToolName', 'Testing Tools');
		if (tools.length > 0) slot.availableTestingTools = tools;
		return slot;
	});
}

/** The input fields the user set in the guided fields (not yet narrowed to one input type). */
function guidedValues(fields: IDataObject, inputType: TestInputType): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const key of ['frameworkId', 'title', 'externalTitle', 'internalDescription', 'introMessage', 'outroMessage']) {
		if (isSet(fields[key])) values[key] = String(fields[key]).trim();
	}
	for (const key of ['autoResolveTitleConflict', 'hideScoresFromCandidate']) {
		if (typeof fields[key] === 'boolean') values[key] = fields[key];
	}
	if (isSet(fields.durationMinutes)) {
		values.duration = requireWholeNumber(fields.durationMinutes, 'Duration (Minutes)', 1) * MINUTE_MS;
	}
	if (isSet(fields.expiresAfterDays)) {
		const maxDays = inputType === 'EditCompanyTestInput' ? MAX_INT_EXPIRATION_DAYS : undefined;
		values.defaultExpiration = requireWholeNumber(fields.expiresAfterDays, 'Expires After (Days)', 1, maxDays) * DAY_MS;
	}
	if (isSet(fields.labels)) values.labels = parseList(fields.labels);
	const slots = toTaskSlots(fields.tasks);
	if (slots.length > 0) values.tasks = slots;
	return values;
}

/**
 * The test input of one item, checked against `inputType`: the JSON field, with the guided fields over it
 * and `defaults` under both.
 */
export function getTestInput(
	this: IExecuteFunctions,
	inputType: TestInputType,
	guided: IDataObject,
	itemIndex: number,
	defaults: Record<string, unknown> = {},
): Record<string, unknown> {
	const field = `${inputType} JSON`;
	const json = parseJsonObject(this.getNodeParameter('testFieldsJson', itemIndex, '{}'), field);
	const overrides = pickInputFields(guidedValues(guided, inputType), inputType);
	return parseGraphqlInput({ ...defaults, ...json }, inputType, field, overrides);
}

export function requireSomethingToUpdate(input: Record<string, unknown>): void {
	if (Object.keys(input).length === 0) {
		throw new InvalidParameterError(
			'Update Fields',
			'Update Fields is empty: add at least one field to change, here or in EditCompanyTestInput JSON',
		);
	}
}
