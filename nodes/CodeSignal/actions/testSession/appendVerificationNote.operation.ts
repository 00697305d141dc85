import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalizeSession, sessionSelection, type RawSession } from '../../../shared/codesignal/sessions';
import type { GraphqlOperation } from '../../../shared/codesignal/transport';
import { requireText } from '../../../shared/inputs';
import { sessionIdProperty } from '../descriptions';
import { getId } from '../readParameters';
import { runPerItem } from '../runPerItem';

export const document: GraphqlOperation = {
	name: 'AppendVerificationNote',
	action: 'add the note to the verification of the test session',
	document: /* GraphQL */ `
		mutation AppendVerificationNote($id: ID!, $note: String!) {
			appendCompanyTestSessionVerificationNote(id: $id, note: $note) { ${sessionSelection('summary')} verificationNotes }
		}
	`,
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['testSession'], operation: ['appendVerificationNote'] } },
	[
		sessionIdProperty,
		{
			displayName: 'Note',
			name: 'note',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description: 'What the reviewer adds to the proctoring review; the notes written before are kept',
		},
	],
);

/** The session with every verification note, the new one last. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, items, async (client, itemIndex) => {
		const id = getId.call(this, 'sessionId', 'Test Session ID', itemIndex);
		const note = requireText(this.getNodeParameter('note', itemIndex, ''), 'Note');
		const data = await client.request<{ appendCompanyTestSessionVerificationNote: RawSession & { verificationNotes: string } }>(
			document,
			{ id, note },
			{ itemIndex },
		);
		const session = data.appendCompanyTestSessionVerificationNote;
		return {
			...normalizeSession(session, { detail: 'summary', timeZone: this.getTimezone() }),
			verificationNotes: session.verificationNotes,
		};
	});
}
