import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { runError, runJson, startSandbox, TIME_ZONE } from './harness';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.resetStats());

const get = (sessionId: string, detail = 'results', options = {}) => ({
	resource: 'testSession',
	operation: 'getStandardized',
	sessionId,
	detail,
	options,
});

describe('Test Session → Get Standardized', () => {
	const finished = () => sandbox.store.standardized.all().find((session) => session.status === 'over' && session.verificationStatus === 'verified')!;

	it('reads a certified session like a company one, with its certification status and coding score range', async () => {
		const session = finished();
		const [item] = await runJson(sandbox, get(session.id));
		expect(item).toMatchObject({
			id: session.id,
			status: 'over',
			test: { id: sandbox.store.standardized.test.id, title: sandbox.store.standardized.test.title },
			candidate: { email: session.testTaker.email },
			finishedAt: DateTime.fromMillis(session.finishDate!, { zone: TIME_ZONE }).toISO(),
			proctored: true,
			verificationStatus: 'verified',
			resultReady: true,
			certificationStatus: 'certified',
			codingScore: { min: 200, max: 600, version: 'codingScore2023' },
			invitationUrl: null,
		});
		expect(item.tasks).toHaveLength(4);
		expect(item).not.toHaveProperty('resultUrl');
	});

	it('reads a summary without results, and the full detail with sources', async () => {
		const session = finished();
		const [summary] = await runJson(sandbox, get(session.id, 'summary'));
		expect(summary).toMatchObject({ id: session.id, score: null, certificationStatus: 'certified' });
		expect(summary).not.toHaveProperty('tasks');
		const [full] = await runJson(sandbox, get(session.id, 'full', { includeResultUrl: true }));
		expect(full.tasks[0]).toHaveProperty('sources');
		expect(full.resultUrl).toEqual(expect.any(String));
	});

	it('says "not found" for a company session\'s ID', async () => {
		const companySession = sandbox.store.listSessions(sandbox.store.tests()[0].id)[0];
		expect((await runError(sandbox, get(companySession.id))).message).toBe(
			`Standardized test session "${companySession.id}" not found`,
		);
	});

	it.each([
		['a missing ID', get(''), 'Standardized Test Session ID is required'],
		['a malformed ID', get('a/b'), 'Standardized Test Session ID must be a CodeSignal ID (letters and digits only), got "a/b"'],
		['an unknown detail', get('Valid1234567890ab', 'everything'), 'Detail must be one of summary, results, full, got "everything"'],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const error = await runError(sandbox, parameters);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sandbox.stats().requests).toBe(0);
	});
});
