/** A failed sync read as n8n shows it: the transport's NodeApiError, with where the read was. */
import { NodeApiError } from 'n8n-workflow';

import type { SyncReadError } from './errors';

export function readFailure(error: SyncReadError, consequence = ''): Error {
	const where = `The sync stopped while ${error.where}.`;
	const { cause } = error;
	if (cause instanceof NodeApiError) {
		cause.description = [cause.description, where, consequence].filter(Boolean).join(' ');
		return cause;
	}
	return cause instanceof Error ? cause : error;
}
