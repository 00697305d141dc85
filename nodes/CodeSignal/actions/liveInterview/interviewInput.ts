/** The live-interview fields that Create and Update share (CodeSignal's LiveInterviewInput). */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { HOUR_MS, parseEmail, requireId, requireWholeNumber } from '../../../shared/inputs';
import { interviewTemplateLocator } from '../descriptions';

/** CodeSignal accepts interview expirations from 1 to 336 hours (two weeks). */
export const MAX_EXPIRATION_HOURS = 336;

export const interviewIdProperty: INodeProperties = {
	displayName: 'Live Interview ID',
	name: 'interviewId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 9KcWq3TzLm2XbR7Hp',
	description: 'The ID of the live interview',
};

/** Options of the Create "Additional Fields" collection; Update adds the candidate's e-mail and name. */
export const interviewFieldOptions: INodeProperties[] = [
	{
		displayName: 'Expires After (Hours)',
		name: 'expirationHours',
		type: 'number',
		default: 72,
		typeOptions: { minValue: 1, maxValue: MAX_EXPIRATION_HOURS },
		description: 'How long the interview link stays usable, from 1 to 336 hours',
	},
	{
		displayName: 'Hide Copy of Task Description',
		name: 'disableDescriptionCopy',
		type: 'boolean',
		default: false,
		description: 'Whether to stop the candidate from copying the task description',
	},
	{ ...interviewTemplateLocator, required: false },
	{
		displayName: 'Interviewer ID',
		name: 'interviewerId',
		type: 'string',
		default: '',
		description: 'The CodeSignal user who runs the interview',
	},
	{
		displayName: 'Lock Template',
		name: 'lockTemplate',
		type: 'boolean',
		default: false,
		description: 'Whether the interviewer is kept from changing the template\'s tasks',
	},
	{
		displayName: 'Team ID',
		name: 'teamId',
		type: 'string',
		default: '',
		description: 'The team the interview belongs to',
	},
	{
		displayName: 'Track Candidate Location',
		name: 'trackCandidateLocation',
		type: 'boolean',
		default: false,
		description: 'Whether CodeSignal records where the candidate joins from',
	},
];

/** A resource locator's value, wherever n8n leaves it inside a collection. */
const locatorValue = (value: unknown) =>
	value !== null && typeof value === 'object' ? (value as { value?: unknown }).value : value;

const isSet = (value: unknown) => value !== undefined && value !== '' && locatorValue(value) !== '';

/** LiveInterviewInput from a collection of the fields above (plus the candidate's e-mail and name). */
export function toInterviewInput(fields: IDataObject): IDataObject {
	const input: IDataObject = {};
	if (isSet(fields.candidateEmail)) input.candidateEmail = parseEmail(fields.candidateEmail, 'Candidate Email', true);
	if (isSet(fields.candidateName)) input.candidateName = String(fields.candidateName).trim();
	if (isSet(fields.interviewTemplate)) input.templateId = requireId(locatorValue(fields.interviewTemplate), 'Interview Template');
	if (isSet(fields.interviewerId)) input.interviewerId = requireId(fields.interviewerId, 'Interviewer ID');
	if (isSet(fields.teamId)) input.teamId = requireId(fields.teamId, 'Team ID');
	if (fields.expirationHours !== undefined) {
		// CodeSignal takes the expiration in milliseconds.
		input.expirationTime =
			requireWholeNumber(fields.expirationHours, 'Expires After (Hours)', 1, MAX_EXPIRATION_HOURS) * HOUR_MS;
	}
	for (const flag of ['lockTemplate', 'trackCandidateLocation', 'disableDescriptionCopy']) {
		if (typeof fields[flag] === 'boolean') input[flag] = fields[flag];
	}
	return input;
}
