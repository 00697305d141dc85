/**
 * The interview-template fields that Create and Update share: guided fields for the common ones, and a JSON
 * field for the whole CodeSignal input type (feedback form, custom task scores), checked against the schema.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { parseJsonObject, requireId, requireIdList, requireText, requireWholeNumber } from '../../../shared/inputs';
import { parseGraphqlInput } from '../../helpers/graphqlInput';
import { MAX_EXPIRATION_HOURS } from '../liveInterview/interviewInput';
import { companyIdOf } from '../readParameters';

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Backend Pairing',
};

export const taskIdsProperty: INodeProperties = {
	displayName: 'Task IDs',
	name: 'taskIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 5ZqLk3hJdyfR2cTbQ, 7hTqPz2mXcR4bLk9W',
	description: 'The tasks (questions) of the interview in order, separated by commas',
};

/** Options of both operations' collections. */
export const templateFieldOptions: INodeProperties[] = [
	{
		displayName: 'Default Expiration (Hours)',
		name: 'defaultExpirationHours',
		type: 'number',
		default: 72,
		typeOptions: { minValue: 1, maxValue: MAX_EXPIRATION_HOURS },
		description: 'How long interviews created from the template stay open, from 1 to 336 hours',
	},
	{
		displayName: 'Team ID',
		name: 'teamId',
		type: 'string',
		default: '',
		description: 'The team the template belongs to',
	},
];

/** The JSON field of an input type, e.g. "CreateInterviewTemplateInput (JSON)". */
export function inputJsonProperty(typeName: string): INodeProperties {
	return {
		displayName: `${typeName} (JSON)`,
		name: 'inputJson',
		type: 'json',
		default: '{}',
		description: `Any field of CodeSignal's ${typeName}, such as feedbackSettings or taskCustomScores. The other fields here win over the same field in the JSON.`,
	};
}

/** The guided fields a collection holds, as the input type's fields (only those the user added). */
function guidedFields(fields: IDataObject): Record<string, unknown> {
	const input: Record<string, unknown> = {};
	if (fields.name !== undefined) input.name = requireText(fields.name, 'Name');
	if (fields.taskIds !== undefined) input.taskIds = requireIdList(fields.taskIds, 'Task IDs');
	if (fields.teamId) input.teamId = requireId(fields.teamId, 'Team ID');
	const companyId = companyIdOf(fields);
	if (companyId) input.companyId = companyId;
	if (fields.defaultExpirationHours !== undefined) {
		input.defaultExpirationTimeInHours = requireWholeNumber(
			fields.defaultExpirationHours,
			'Default Expiration (Hours)',
			1,
			MAX_EXPIRATION_HOURS,
		);
	}
	return input;
}

/**
 * The input for CodeSignal: the JSON field, with the guided fields over it, checked against `typeName`.
 * `defaults` fill what neither gives (and are checked too).
 */
export function templateInput(
	fields: IDataObject,
	typeName: 'CreateInterviewTemplateInput' | 'EditInterviewTemplateInput',
	defaults: Record<string, unknown> = {},
): Record<string, unknown> {
	const field = `${typeName} (JSON)`;
	const json = parseJsonObject(fields.inputJson, field);
	return parseGraphqlInput({ ...defaults, ...json }, typeName, field, guidedFields(fields));
}
