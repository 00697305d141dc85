/**
 * Shared by the Endorsed node's tests and `npm run bench:push`: the node run against the Endorsed
 * sandbox, a job ready for pushes, and scored CodeSignal items built by the real scoring code.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EndorsedApi } from '../../../credentials/EndorsedApi.credentials';
import { Endorsed } from '../../../nodes/Endorsed/Endorsed.node';
import type { SessionItem } from '../../../nodes/shared/codesignal/sessions';
import { parseCriteria } from '../../../nodes/CodeSignalScore/scoring/criteria';
import { assessSession } from '../../../nodes/CodeSignalScore/scoring/evaluate';
import { sessionScoring } from '../../../nodes/CodeSignalScore/scoring/sessionScoring';
import { DEFAULT_TIERS } from '../../../nodes/CodeSignalScore/scoring/tiers';
import type { EndorsedSandbox } from '../../../sandbox/endorsed';
import { executeNode, type CredentialValues } from '../../helpers/n8n';

export const TEST_TITLE = 'Backend';

/** Five thresholds on the score: the number met grows with the score, as Endorsed's ranking does. */
const CRITERIA = parseCriteria(
	[50, 60, 70, 80, 90].map((threshold) => ({ metric: 'scorePercent', comparison: 'gte', threshold })),
);

export function sessionItem(index: number, scorePercent: number, overrides: Partial<SessionItem> = {}): SessionItem {
	return {
		id: `session-${index}`,
		status: 'over',
		test: { id: 'test-backend', title: TEST_TITLE },
		candidate: {
			email: `candidate${index}@example.com`,
			firstName: `Ada${index}`,
			lastName: `Lovelace${index}`,
			name: `Ada${index} Lovelace${index}`,
		},
		createdAt: '2026-11-20T09:00:00.000Z',
		startedAt: '2026-11-20T09:05:00.000Z',
		finishedAt: '2026-11-20T10:00:00.000Z',
		expiresAt: null,
		createDate: Date.parse('2026-11-20T09:00:00.000Z'),
		startDate: Date.parse('2026-11-20T09:05:00.000Z'),
		finishDate: Date.parse('2026-11-20T10:00:00.000Z'),
		expirationDate: null,
		timeTakenMs: 55 * 60_000,
		score: scorePercent * 10,
		maxScore: 1000,
		scorePercent,
		codingScore: null,
		solvedTaskCount: Math.round((scorePercent / 100) * 4),
		taskCount: 4,
		languages: ['Python'],
		proctored: false,
		verificationStatus: null,
		integrityReviewSuggested: null,
		integrityFlag: null,
		resultReady: true,
		labels: [],
		invitationUrl: null,
		aiSummary: null,
		...overrides,
	};
}

/** A session item with `scoring`, as the CodeSignal Score node outputs it. */
export function scoredItem(index: number, scorePercent: number, overrides: Partial<SessionItem> = {}): IDataObject {
	const session = sessionItem(index, scorePercent, overrides);
	const scoring = sessionScoring(session, assessSession(session, CRITERIA, DEFAULT_TIERS), {
		rank: 1,
		rankOutOf: 1,
		percentile: 100,
	});
	return { ...session, scoring } as unknown as IDataObject;
}

export function endorsedCredentials(sandbox: EndorsedSandbox, extra: IDataObject = {}): CredentialValues {
	return {
		endorsedApi: {
			clientId: sandbox.clientId,
			clientSecret: sandbox.clientSecret,
			baseUrl: sandbox.baseUrl,
			...extra,
		} as CredentialValues[string],
	};
}

export interface RunOptions {
	continueOnFail?: boolean;
	/** Reuse credential values between runs, as n8n's database keeps the cached token. */
	credentials?: CredentialValues;
}

/** Runs the Endorsed node once; resolves with its output items. */
export async function runEndorsed(
	sandbox: EndorsedSandbox,
	parameters: IDataObject,
	items: INodeExecutionData[] = [{ json: {} }],
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const [output] = await executeNode(
		{
			nodeType: new Endorsed(),
			parameters: parameters as never,
			credentials: options.credentials ?? endorsedCredentials(sandbox),
			credentialTypes: [new EndorsedApi()],
			continueOnFail: options.continueOnFail,
		},
		items,
	);
	return output;
}

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
export const byRemoteId = (value: string) => ({ __rl: true, mode: 'remoteId', value });

/** A global nomination stage and an open job that uses it by default; returns their ids. */
export async function createJob(
	sandbox: EndorsedSandbox,
	remoteId = 'backend-engineer',
	autoEvaluationBehavior = 'auto_evaluate_nominations',
): Promise<{ jobId: string; stageId: string }> {
	const stages = await runEndorsed(sandbox, {
		resource: 'nominationStage',
		operation: 'create',
		name: `Assessment (${remoteId})`,
		stageOrderIndex: sandbox.store.stages.size,
		remoteId: `stage-${remoteId}`,
		additionalFields: {},
	});
	const stageId = stages[0].json.id as string;
	const jobs = await runEndorsed(sandbox, {
		resource: 'job',
		operation: 'upsert',
		remoteId,
		title: 'Backend Engineer',
		description: 'Builds the APIs',
		status: 'open',
		additionalFields: { defaultNominationStageId: stageId, autoEvaluationBehavior },
	});
	return { jobId: jobs[0].json.id as string, stageId };
}

export function pushParameters(job: IDataObject, extra: IDataObject = {}): IDataObject {
	return { resource: 'assessment', operation: 'push', job, waitForEvaluation: false, options: {}, ...extra };
}
