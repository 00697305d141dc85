/**
 * Reads the session a delivery is about from CodeSignal's API, within a fixed time: CodeSignal waits for the
 * 200, and a slow or failing API must neither delay it much nor turn a valid delivery into a failure.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { redactSecrets } from '../shared/redact';
import { normalizeSession, sessionDocuments, type RawSession, type SessionItem } from '../shared/codesignal/sessions';
import { codeSignalClient } from '../shared/codesignal/transport';

export interface SessionLookup {
	session: SessionItem | null;
	/** Why `session` is null. */
	sessionError: string | null;
}

export interface SessionLookupOptions {
	timeZone: string;
	includeResultUrl: boolean;
	budgetMs: number;
}

async function readSession(
	context: IWebhookFunctions,
	testSessionId: string,
	options: SessionLookupOptions,
	deadline: number,
): Promise<SessionLookup> {
	const client = await codeSignalClient(context);
	const data = await client.request<{ companyTestSession: RawSession | null }>(
		sessionDocuments.get.results,
		{ id: testSessionId },
		{ deadline, timeoutMs: options.budgetMs },
	);
	if (!data.companyTestSession) {
		return { session: null, sessionError: `CodeSignal has no test session "${testSessionId}"` };
	}
	return {
		session: normalizeSession(data.companyTestSession, {
			detail: 'results',
			includeResultUrl: options.includeResultUrl,
			timeZone: options.timeZone,
		}),
		sessionError: null,
	};
}

export async function lookUpSession(
	context: IWebhookFunctions,
	testSessionId: string,
	options: SessionLookupOptions,
): Promise<SessionLookup> {
	const lookup = readSession(context, testSessionId, options, Date.now() + options.budgetMs).catch(
		(error: Error): SessionLookup => ({
			session: null,
			sessionError: `Could not read the session from CodeSignal: ${redactSecrets(error.message)}`,
		}),
	);
	// The deadline bounds retries, not an attempt already under way (nor the rate limiter's wait): the race does.
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<SessionLookup>((resolve) => {
		timer = setTimeout(
			() =>
				resolve({
					session: null,
					sessionError: `CodeSignal did not answer within ${options.budgetMs} ms; read the session by its testSessionId later`,
				}),
			options.budgetMs,
		);
	});
	try {
		return await Promise.race([lookup, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
