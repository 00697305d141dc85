import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { withContact, type CandidateFields } from '../../helpers/candidates';

/** Also Push Assessment's option, for the e-mail address it takes from CodeSignal. */
export const emailTypeProperty: INodeProperties = {
	displayName: 'Email Type',
	name: 'emailType',
	type: 'options',
	options: [
		{ name: 'Personal', value: 'personal' },
		{ name: 'Work', value: 'work' },
	],
	default: 'personal',
	description: 'Whether the email address is personal or at work, as Endorsed records it',
};

/** Fields a candidate can be given, beyond the ones create requires. Contact values are added, never replaced. */
export const candidateFieldOptions: INodeProperties[] = [
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: "Added to the candidate's email addresses unless already there",
	},
	emailTypeProperty,
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://www.linkedin.com/in/ada',
		description: "Added to the candidate's links unless already there",
	},
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		description: "Added to the candidate's phone numbers unless already there",
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Current job title' },
];

const SCALAR_FIELDS: Array<[string, keyof CandidateFields]> = [
	['firstName', 'first_name'],
	['lastName', 'last_name'],
	['title', 'title'],
	['companyName', 'company_name'],
	['location', 'location'],
];

/** The Endorsed fields that the node's fields set, on top of what `stored` holds. */
export function candidateChanges(fields: IDataObject, stored: Partial<CandidateFields> = {}): Partial<CandidateFields> {
	const changes: Record<string, unknown> = {};
	for (const [parameter, field] of SCALAR_FIELDS) {
		if (typeof fields[parameter] === 'string' && fields[parameter] !== '') changes[field] = fields[parameter];
	}
	const text = (name: string) =>
		typeof fields[name] === 'string' && fields[name] ? (fields[name] as string).trim() : null;
	if (text('email')) {
		changes.email_addresses = withContact(
			stored.email_addresses,
			text('email'),
			(fields.emailType as string) || 'personal',
		);
	}
	if (text('phoneNumber')) changes.phone_numbers = withContact(stored.phone_numbers, text('phoneNumber'), null);
	if (text('link')) changes.links = withContact(stored.links, text('link'), null);
	return changes as Partial<CandidateFields>;
}
