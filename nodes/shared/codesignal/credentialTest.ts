import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { redactSecrets } from '../redact';
import { parseOrganizationId } from './organizationId';
import {
	CodeSignalRequestError,
	connectionFromCredentials,
	runGraphqlOperation,
	type GraphqlOperation,
	type HttpSender,
} from './transport';

/** What the credential test runs: the smallest query that proves the key works. */
export const verifyCredential: GraphqlOperation = {
	name: 'VerifyCredential',
	action: 'read the company',
	document: /* GraphQL */ `
		query VerifyCredential {
			company {
				id
				name
			}
		}
	`,
};

/**
 * The "Test" button of the CodeSignal API credential: runs `{ company { id name } }` and says whether the key
 * was rejected, the query failed or the endpoint could not be reached.
 */
export async function testCodeSignalCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const organization = parseOrganizationId(data.organizationId);
	if (!organization.ok) return { status: 'Error', message: organization.message };
	if (!String(data.apiKey ?? '').trim()) return { status: 'Error', message: 'The API key is empty' };

	// Credential tests get only the legacy request helper (ICredentialTestFunctions has no httpRequest, the
	// replacement the lint rule names), so the Bearer header is added here.
	const send: HttpSender = async (exchange) => {
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		const response = await this.helpers.request({
			method: 'POST',
			uri: exchange.url,
			headers: { ...exchange.headers, Authorization: `Bearer ${String(data.apiKey)}` },
			body: exchange.body,
			resolveWithFullResponse: true,
			simple: false,
			json: false,
			timeout: exchange.timeoutMs,
		});
		return { status: response.statusCode, headers: response.headers ?? {}, body: String(response.body ?? '') };
	};
	try {
		const result = await runGraphqlOperation<{ company: { id: string; name: string } | null }>(
			connectionFromCredentials(data, send),
			verifyCredential,
			{},
			{ maxAttempts: 2, timeoutMs: 15_000 },
		);
		if (!result?.company) {
			return { status: 'Error', message: 'CodeSignal accepted the key but returned no company for it' };
		}
		return { status: 'OK', message: `Connected to CodeSignal company "${result.company.name}"` };
	} catch (error) {
		if (error instanceof CodeSignalRequestError) return { status: 'Error', message: error.failure.message };
		// Anything else is this package's fault: the credential dialog still gets a result to show.
		const reason = redactSecrets(error instanceof Error ? error.message : String(error), [String(data.apiKey)]);
		return { status: 'Error', message: `The test could not run: ${reason}` };
	}
}
