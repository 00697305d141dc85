/**
 * What Task → Create and Task → Update share: the task kinds, each kind's input type, the guided fields
 * (each shown for the kinds whose input has it) and the JSON field checked against the kind's input type.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	codingLanguageOptions,
	frontendScriptLanguageOptions,
	frontendStyleLanguageOptions,
} from '../languages';
import { parseGraphqlInput, pickInputFields, requireEnumValues } from '../../helpers/graphqlInput';
import { InvalidParameterError, parseJsonObject, parseList, requireText, requireWholeNumber } from '../../../shared/inputs';

export type TaskKind = 'codeReview' | 'database' | 'freeCoding' | 'freeFilesystem' | 'frontend' | 'quiz' | 'standard';
export type CreatableTaskKind = Exclude<TaskKind, 'frontend'>;

interface KindInfo {
	name: string;
	description: string;
	/** CodeSignal's input type of the create mutation (none: CodeSignal cannot create this kind). */
	createInput?: string;
	/** ... and of the edit mutation. */
	updateInput: string;
	/** The large fields left to the JSON field. */
	jsonFields: string;
}

/** In the order of their names, as n8n lists options. */
export const TASK_KINDS: Record<TaskKind, KindInfo> = {
	codeReview: {
		name: 'Code Review',
		description: 'The candidate reviews a change to a codebase',
		createInput: 'CreateCodeReviewTaskInput',
		updateInput: 'EditCodeReviewTaskInput',
		jsonFields: 'executionEnvironments (initial files and code changes)',
	},
	database: {
		name: 'Database',
		description: 'An SQL task on MySQL, PostgreSQL or SQL Server',
		createInput: 'CreateDatabaseTaskInput',
		updateInput: 'EditDatabaseTaskInput',
		jsonFields: 'executionEnvironments (setup, teardown and test cases per dialect) and timeLimits',
	},
	freeCoding: {
		name: 'Free Coding',
		description: 'A coding task without test cases',
		createInput: 'CreateFreeCodingTaskInput',
		// As the schema has it: editFreeCodingTask takes the standard task's input.
		updateInput: 'EditStandardTaskInput',
		jsonFields: 'timeLimits',
	},
	freeFilesystem: {
		name: 'Free Filesystem',
		description: 'A project of files, checked by unit tests',
		createInput: 'CreateFreeFilesystemTaskInput',
		updateInput: 'EditFreeFilesystemTaskInput',
		jsonFields: 'executionEnvironments (files, unit tests, testing tool)',
	},
	frontend: {
		name: 'Front-End',
		description: 'The libraries and languages of a front-end task (CodeSignal cannot create these by API)',
		updateInput: 'UpdateFrontendTaskInput',
		jsonFields: 'includedLibraries',
	},
	quiz: {
		name: 'Quiz',
		description: 'A multiple-choice question',
		createInput: 'CreateQuizInput',
		updateInput: 'EditQuizInput',
		jsonFields: 'options',
	},
	standard: {
		name: 'Standard',
		description: 'A coding task checked by test cases',
		createInput: 'CreateStandardTaskInput',
		updateInput: 'EditStandardTaskInput',
		jsonFields: 'testCasesInput and timeLimits',
	},
};

const kindsOf = (forUpdate: boolean) =>
	(Object.keys(TASK_KINDS) as TaskKind[]).filter((kind) => forUpdate || TASK_KINDS[kind].createInput);

const inputTypeOf = (kind: TaskKind, forUpdate: boolean) =>
	(forUpdate ? TASK_KINDS[kind].updateInput : TASK_KINDS[kind].createInput) as string;

export function taskTypeProperty(forUpdate: boolean): INodeProperties {
	return {
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		noDataExpression: true,
		default: 'standard',
		options: kindsOf(forUpdate).map((kind) => ({
			name: TASK_KINDS[kind].name,
			value: kind,
			description: TASK_KINDS[kind].description,
		})),
	};
}

/** One JSON field per kind, named after the kind's input type; the guided fields win over it. */
export function taskJsonProperties(forUpdate: boolean): INodeProperties[] {
	return kindsOf(forUpdate).map((kind) => {
		const inputType = inputTypeOf(kind, forUpdate);
		return {
			displayName: `${inputType} JSON`,
			name: 'taskFieldsJson',
			type: 'json',
			default: '{}',
			displayOptions: { show: { taskType: [kind] } },
			description: `Any field of CodeSignal's ${inputType}, such as ${TASK_KINDS[kind].jsonFields}. The fields set in this node win over the same fields here. Checked against the schema before anything is sent.`,
		};
	});
}

const forKinds = (...kinds: TaskKind[]) => ({ show: { '/taskType': kinds } });

/** The guided fields of every kind, sorted by name; each shows for the kinds whose input has it. */
export const taskFieldOptions: INodeProperties[] = [
	{
		displayName: 'Allowed Languages',
		name: 'allowedLanguages',
		type: 'multiOptions',
		default: [],
		options: codingLanguageOptions,
		displayOptions: forKinds('freeCoding', 'standard'),
		description: 'The languages a candidate may answer in (none: all)',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: forKinds('freeCoding', 'standard'),
		description: 'What the candidate reads: the task statement',
	},
	{
		displayName: 'Enable Network',
		name: 'enableNetwork',
		type: 'boolean',
		default: false,
		displayOptions: forKinds('freeFilesystem'),
		description: 'Whether the candidate\'s environment may reach the internet',
	},
	{
		displayName: 'Hide Run Button',
		name: 'hideRunButton',
		type: 'boolean',
		default: false,
		displayOptions: forKinds('freeFilesystem'),
		description: 'Whether to hide the button that runs the candidate\'s code',
	},
	{
		displayName: 'Included Libraries',
		name: 'includedLibraries',
		type: 'string',
		default: '',
		placeholder: 'e.g. react, lodash',
		displayOptions: forKinds('frontend'),
		description: 'The libraries the task loads, separated by commas; they replace the task\'s libraries',
	},
	{
		displayName: 'Labels',
		name: 'labels',
		type: 'string',
		default: '',
		placeholder: 'e.g. backend, api',
		displayOptions: forKinds('codeReview', 'freeFilesystem'),
		description: 'Labels separated by commas; they replace the task\'s labels',
	},
	{
		displayName: 'Multiple Answers',
		name: 'multipleSelect',
		type: 'boolean',
		default: false,
		displayOptions: forKinds('quiz'),
		description: 'Whether more than one answer is correct (the candidate ticks boxes, not one button)',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		displayOptions: forKinds('codeReview', 'freeFilesystem'),
		description: 'The task\'s internal name, unique in the company',
	},
	{
		displayName: 'Persistent Session Preview',
		name: 'persistentSessionPreview',
		type: 'boolean',
		default: false,
		displayOptions: forKinds('freeFilesystem'),
		description: 'Whether the preview of the candidate\'s app keeps running between runs',
	},
	{
		displayName: 'Question',
		name: 'question',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: forKinds('quiz'),
		description: 'The question the candidate answers (the quiz\'s description)',
	},
	{
		displayName: 'Response Rubric',
		name: 'responseRubric',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: forKinds('freeFilesystem'),
		description: 'How a reviewer (or CodeSignal\'s AI checker) grades the candidate\'s work',
	},
	{
		displayName: 'Sample Test Count',
		name: 'sampleTestCount',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0 },
		displayOptions: forKinds('database', 'standard'),
		description: 'How many of the test cases the candidate sees',
	},
	{
		displayName: 'Script Languages',
		name: 'allowedScriptLanguages',
		type: 'multiOptions',
		default: [],
		options: frontendScriptLanguageOptions,
		displayOptions: forKinds('frontend'),
		description: 'The script languages a candidate may use; they replace the task\'s',
	},
	{
		displayName: 'Style Languages',
		name: 'allowedStyleLanguages',
		type: 'multiOptions',
		default: [],
		options: frontendStyleLanguageOptions,
		displayOptions: forKinds('frontend'),
		description: 'The style languages a candidate may use; they replace the task\'s',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		displayOptions: forKinds('database', 'freeCoding', 'quiz', 'standard'),
		description: 'The title candidates see (default: the name)',
	},
];

/** The quiz's answers, given on Create (required there) or in Update Fields. */
export const answersProperty: INodeProperties = {
	displayName: 'Answers',
	name: 'answers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Answer',
	description: 'The options the candidate chooses from; on Update they replace all of the quiz\'s options',
	options: [
		{
			displayName: 'Answer',
			name: 'answer',
			values: [
				{
					displayName: 'Correct',
					name: 'isCorrect',
					type: 'boolean',
					default: false,
					description: 'Whether this answer is right',
				},
				{
					displayName: 'Text',
					name: 'description',
					type: 'string',
					default: '',
					required: true,
				},
			],
		},
	],
};

const isSet = (value: unknown) =>
	value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The input fields the user set in guided fields (not yet narrowed to one kind's input type). */
function guidedValues(fields: IDataObject): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const key of ['name', 'title', 'description', 'responseRubric']) {
		if (isSet(fields[key])) values[key] = String(fields[key]).trim();
	}
	for (const key of ['enableNetwork', 'multipleSelect', 'persistentSessionPreview']) {
		if (typeof fields[key] === 'boolean') values[key] = fields[key];
	}
	if (isSet(fields.question)) values.description = String(fields.question).trim();
	if (isSet(fields.labels)) values.labels = parseList(fields.labels);
	if (isSet(fields.sampleTestCount)) {
		values.sampleTestCount = requireWholeNumber(fields.sampleTestCount, 'Sample Test Count', 0);
	}
	if (typeof fields.hideRunButton === 'boolean') values.viewOverrides = { hideRunButton: fields.hideRunButton };
	if (isSet(fields.includedLibraries)) {
		values.includedLibraries = parseList(fields.includedLibraries).map((name) => ({ name }));
	}
	const enums = [
		['allowedLanguages', 'CodingLanguageName', 'Allowed Languages'],
		['allowedScriptLanguages', 'FrontendScriptLanguageName', 'Script Languages'],
		['allowedStyleLanguages', 'FrontendStyleLanguageName', 'Style Languages'],
	] as const;
	for (const [key, typeName, field] of enums) {
		if (isSet(fields[key])) values[key] = requireEnumValues(fields[key], typeName, field);
	}
	const answers = (fields.answers as IDataObject | undefined)?.answer as IDataObject[] | undefined;
	if (answers?.length) {
		values.options = answers.map((answer) => ({
			description: requireText(answer.description, 'Answer Text'),
			isCorrect: answer.isCorrect === true,
		}));
	}
	return values;
}

/**
 * The task input of one item, checked against the kind's input type: the JSON field, with the guided
 * fields that the kind's input has over it. On Update, an empty input is refused.
 */
export function getTaskInput(
	this: IExecuteFunctions,
	kind: TaskKind,
	forUpdate: boolean,
	guided: IDataObject,
	itemIndex: number,
): Record<string, unknown> {
	const inputType = inputTypeOf(kind, forUpdate);
	const field = `${inputType} JSON`;
	const json = parseJsonObject(this.getNodeParameter('taskFieldsJson', itemIndex, '{}'), field);
	// A code review task's labels are required; none is a valid answer.
	const defaults = !forUpdate && kind === 'codeReview' ? { labels: [] } : {};
	const input = parseGraphqlInput({ ...defaults, ...json }, inputType, field, pickInputFields(guidedValues(guided), inputType));
	if (forUpdate && Object.keys(input).length === 0) {
		throw new InvalidParameterError(
			'Update Fields',
			`Update Fields is empty: add at least one field to change, here or in ${field}`,
		);
	}
	return input;
}

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3pLmQ8xZkT2cRw9Hd',
	description: 'The ID of the task (question)',
};
