/**
 * The Endorsed job the example workflows push to, in the Endorsed sandbox: created, or put back as it was,
 * with a default nomination stage for the nominations Push Assessment makes.
 */
import { EXAMPLE_JOB_REMOTE_ID } from './examples';
import type { EndorsedConnection } from './services';

const STAGE_REMOTE_ID = 'codesignal-demo-assessed';

interface Envelope {
	is_error: boolean;
	result?: { id: string };
	error?: { code: string; issues: Array<{ message: string }> };
}

export async function ensureDemoJob(endorsed: EndorsedConnection): Promise<{ id: string; remoteId: string }> {
	const token = await accessToken(endorsed);
	const put = async (path: string, body: Record<string, unknown>) => {
		const response = await fetch(`${endorsed.baseUrl}${path}`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const envelope = (await response.json()) as Envelope;
		if (envelope.is_error || !envelope.result) {
			throw new Error(`Endorsed refused PUT ${path}: ${envelope.error?.issues.map((issue) => issue.message).join('; ')}`);
		}
		return envelope.result.id;
	};
	const stageId = await put(`/nomination_stages/remote.${STAGE_REMOTE_ID}`, {
		name: 'Assessed on CodeSignal',
		stage_order_index: 0,
		remote_id: STAGE_REMOTE_ID,
	});
	const id = await put(`/jobs/remote.${EXAMPLE_JOB_REMOTE_ID}`, {
		title: 'Backend Engineer (CodeSignal demo)',
		description: 'Candidates assessed on CodeSignal, ranked by Endorsed from their assessment reports.',
		status: 'open',
		remote_id: EXAMPLE_JOB_REMOTE_ID,
		default_nomination_stage_id: stageId,
	});
	return { id, remoteId: EXAMPLE_JOB_REMOTE_ID };
}

async function accessToken(endorsed: EndorsedConnection): Promise<string> {
	const response = await fetch(`${endorsed.baseUrl}/auth/tokens`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			client_id: endorsed.clientId,
			client_secret: endorsed.clientSecret,
			grant_type: 'client_credentials',
		}),
	});
	const answer = (await response.json()) as { access_token?: string };
	if (!response.ok || !answer.access_token) throw new Error(`Endorsed gave no token (HTTP ${response.status})`);
	return answer.access_token;
}
