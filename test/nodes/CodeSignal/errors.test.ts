import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { byId, items, runError, runNode, startSandbox } from './harness';

/** Well-formed: these cases fail on other fields before anything is sent. */
const VALID_ID = 'Valid1234567890ab';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

const sessionOf = (status: string) =>
	sandbox.store.listSessions(sandbox.store.tests()[0].id).find((session) => session.status === status)!;

describe('bad input names the field and what was expected', () => {
	it.each([
		['a missing ID', { resource: 'testSession', operation: 'get', sessionId: '' }, 'Test Session ID is required'],
		[
			'a malformed ID',
			{ resource: 'testSession', operation: 'archive', sessionId: 'abc def' },
			'Test Session ID must be a CodeSignal ID (letters and digits only), got "abc def"',
		],
		[
			'a malformed ID in a pick list',
			{ resource: 'test', operation: 'get', test: byId('tests/1') },
			'Test must be a CodeSignal ID (letters and digits only), got "tests/1"',
		],
		[
			'a malformed e-mail',
			{ resource: 'liveInterview', operation: 'create', candidateEmail: 'ada.example.com' },
			'Candidate Email must be an e-mail address such as name@example.com, got "ada.example.com"',
		],
		[
			'a missing e-mail when CodeSignal sends the invitation',
			{ resource: 'testSession', operation: 'create', test: byId(VALID_ID), candidateEmail: '' },
			'Candidate Email is required',
		],
		[
			'a malformed date',
			{ resource: 'testSession', operation: 'getAll', test: byId(VALID_ID), filters: { finishedAfter: 'last Tuesday' } },
			'Finished After must be a date such as 2026-05-31T17:00:00, got "last Tuesday"',
		],
		[
			'a malformed web address',
			{
				resource: 'testSession',
				operation: 'create',
				test: byId(VALID_ID),
				candidateEmail: 'ada@example.com',
				additionalFields: { postSessionRedirectUrl: 'example.com/thanks' },
			},
			'Redirect URL must be a web address such as https://example.com/thanks, got "example.com/thanks"',
		],
		[
			'a reminder without a template',
			{ resource: 'testSession', operation: 'setReminders', sessionId: 'abc', reminders: { reminder: [{ templateName: ' ', hoursBeforeExpiration: 2 }] } },
			'Template Name is required',
		],
		[
			'an interview expiring after more than two weeks',
			{ resource: 'liveInterview', operation: 'create', candidateEmail: 'ada@example.com', additionalFields: { expirationHours: 337 } },
			'Expires After (Hours) must be a whole number between 1 and 336, got "337"',
		],
		[
			'an update without fields',
			{ resource: 'liveInterview', operation: 'update', interviewId: 'abc', updateFields: {} },
			'Update Fields is empty: add at least one field to change',
		],
	])('%s', async (_case, parameters, message) => {
		sandbox.resetStats();
		const error = await runError(sandbox, parameters);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(sandbox.stats().requests).toBe(0);
	});
});

describe('an unknown ID says "not found" with the ID', () => {
	it.each([
		[{ resource: 'testSession', operation: 'get', sessionId: 'Unknown1234567890' }, 'Test session "Unknown1234567890" not found'],
		[{ resource: 'test', operation: 'get', test: byId('Unknown1234567890') }, 'Test "Unknown1234567890" not found'],
		[{ resource: 'liveInterview', operation: 'getFeedback', interviewId: 'Unknown1234567890' }, 'Live interview "Unknown1234567890" not found'],
		[
			{ resource: 'interviewTemplate', operation: 'get', interviewTemplate: byId('Unknown1234567890') },
			'Interview template "Unknown1234567890" not found',
		],
	])('%j', async (parameters, message) => {
		expect((await runError(sandbox, parameters)).message).toBe(message);
	});

	it('also when CodeSignal refuses a mutation on it, naming what the node tried to do', async () => {
		const error = await runError(sandbox, { resource: 'testSession', operation: 'resend', sessionId: 'Unknown1234567890' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'CodeSignal could not resend the invitation of the test session: Test session "Unknown1234567890" not found',
		);
	});
});

describe('item handling', () => {
	const byItem = { resource: 'testSession', operation: 'get', detail: 'summary', sessionId: '={{ $json.sessionId }}' };

	it('reports the failing item\'s index', async () => {
		const good = sessionOf('over').id;
		const error = await runError(sandbox, byItem, { items: [{ json: { sessionId: good } }, { json: { sessionId: 'no such' } }] });
		expect(error.context?.itemIndex).toBe(1);
	});

	it('turns errors into error items with continueOnFail and goes on with the next items', async () => {
		const good = sessionOf('over').id;
		const output = await runNode(sandbox, byItem, {
			continueOnFail: true,
			items: [{ json: { sessionId: 'no such' } }, { json: { sessionId: good } }, { json: { sessionId: 'Unknown1234567890' } }],
		});
		expect(output.map((item) => item.json.error ?? item.json.id)).toEqual([
			'Test Session ID must be a CodeSignal ID (letters and digits only), got "no such"',
			good,
			'Test session "Unknown1234567890" not found',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('pairs every item of a list with the input item it came from', async () => {
		const output = await runNode(
			sandbox,
			{ resource: 'testSession', operation: 'getAll', test: byId(sandbox.store.tests()[0].id), returnAll: false, limit: 3, detail: 'summary' },
			{ items: items(2) },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 1 },
		]);
	});
});
