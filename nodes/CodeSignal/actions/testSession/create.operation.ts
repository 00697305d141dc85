import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, sessionSelection, type RawSession } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { remindersProperty, testLocator } from '../descriptions';
import { DAY_MS, MINUTE_MS, parseEmail, parseUrl, requireWholeNumber } from '../../../shared/inputs';
import { getCollection, getId, toEmailReminders } from '../readParameters';
import { runPerItem } from '../runPerItem';
import { additionalFieldsCollection } from '../../../shared/descriptions';

export const document: GraphqlOperation = {
	name: 'CreateTestSession',
	action: 'invite the candidate to the test',
	document: /* GraphQL */ `
		mutation CreateTestSession($sessionFields: TestSessionInput!) {
			createCompanyTestSession(sessionFields: $sessionFields) { ${sessionSelection('summary')} }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['create'] } },
	[
		{ ...testLocator, description: 'The test to invite the candidate to' },
		{
			displayName: 'Candidate Email',
			name: 'candidateEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Where CodeSignal sends the invitation; may be empty only when no invitation e-mail is sent',
		},
		{
			displayName: 'Candidate First Name',
			name: 'candidateFirstName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Candidate Last Name',
			name: 'candidateLastName',
			type: 'string',
			default: '',
		},
		additionalFieldsCollection([
			{
				displayName: 'Duration (Minutes)',
				name: 'durationMinutes',
				type: 'number',
				default: 90,
				typeOptions: { minValue: 1 },
				description: 'How long the candidate has for the test, instead of the test\'s own duration',
			},
			{
				displayName: 'Expires After (Days)',
				name: 'expiresAfterDays',
				type: 'number',
				default: 7,
				typeOptions: { minValue: 1 },
				description: 'How long the invitation stays open, instead of the test\'s default',
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description:
					'Your own reference for the candidate (an ATS or Endorsed record). CodeSignal echoes it in every webhook of the session.',
			},
			{
				displayName: 'Redirect URL',
				name: 'postSessionRedirectUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/thanks',
				description: 'Where the candidate goes after finishing the test',
			},
			remindersProperty,
			{
				displayName: 'Reuse Open Invitation',
				name: 'preferExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether to return the candidate\'s pending or active session of this test, if there is one, instead of inviting again',
			},
			{
				displayName: 'Send Invitation Email',
				name: 'sendInvitationEmail',
				type: 'boolean',
				default: true,
				description: 'Whether CodeSignal e-mails the invitation to the candidate',
			},
		]),
	],
);

/** Invites a candidate; the output carries the External ID sent, since CodeSignal does not return it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const fields = getCollection.call(this, 'additionalFields', itemIndex);
		const sendInvitationEmail = fields.sendInvitationEmail !== false;
		const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '')).trim() || undefined;
		const externalId = String(fields.externalId ?? '').trim() || undefined;
		const sessionFields = {
			testId: getId.call(this, 'test', 'Test', itemIndex),
			candidateEmail: parseEmail(this.getNodeParameter('candidateEmail', itemIndex, ''), 'Candidate Email', sendInvitationEmail),
			candidateFirstName: text('candidateFirstName'),
			candidateLastName: text('candidateLastName'),
			noInvitationEmail: !sendInvitationEmail,
			preferExisting: fields.preferExisting === true,
			externalId,
			postSessionRedirectUrl: parseUrl(fields.postSessionRedirectUrl, 'Redirect URL'),
			customDuration:
				fields.durationMinutes === undefined
					? undefined
					: requireWholeNumber(fields.durationMinutes, 'Duration (Minutes)', 1) * MINUTE_MS,
			expireDuration:
				fields.expiresAfterDays === undefined
					? undefined
					: requireWholeNumber(fields.expiresAfterDays, 'Expires After (Days)', 1) * DAY_MS,
			emailReminders: fields.reminders === undefined ? undefined : toEmailReminders(fields.reminders),
		};
		const data = await client.request<{ createCompanyTestSession: RawSession }>(
			document,
			{ sessionFields },
			{ itemIndex },
		);
		const session = normalizeSession(data.createCompanyTestSession, { detail: 'summary', timeZone: this.getTimezone() });
		return { ...session, externalId: externalId ?? null };
	});
}
