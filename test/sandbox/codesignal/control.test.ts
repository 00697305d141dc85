import { spawn } from 'child_process';
import { once } from 'events';
import path from 'path';
import readline from 'readline';

import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { parseArguments } from '../../../sandbox/codesignal/cli';
import { data, graphql, startReceiver, type Receiver } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

describe('CodeSignal sandbox: HTTP control API', () => {
	let sandbox: CodeSignalSandbox;
	let receiver: Receiver;

	async function control(method: 'GET' | 'POST', route: string, body?: unknown) {
		const response = await fetch(`${sandbox.url}/__sandbox/${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: await response.json() };
	}

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});

	it('reads and resets the stats, leaving control calls out of them', async () => {
		await graphql(sandbox, '{ company { id } }');
		const { body: stats } = await control('GET', 'stats');
		expect(stats).toMatchObject({
			requests: 1,
			graphqlRequests: 1,
			byStatus: { 200: 1 },
			operations: { company: 1 },
		});
		expect((await control('POST', 'stats/reset')).body).toEqual({ ok: true });
		expect((await control('GET', 'stats')).body).toMatchObject({ requests: 0, operations: {} });
	});

	it('sets and clears faults', async () => {
		await control('POST', 'faults', { failNext: 1 });
		expect((await graphql(sandbox, '{ company { id } }')).status).toBe(503);
		expect((await graphql(sandbox, '{ company { id } }')).status).toBe(200);
		await control('POST', 'faults', { rate5xx: 1 });
		await control('POST', 'faults', {});
		expect((await graphql(sandbox, '{ company { id } }')).status).toBe(200);
		expect((await control('POST', 'faults', { rate429: 2 })).status).toBe(400);
	});

	it('finishes pending sessions, which then lead the listing', async () => {
		const testId = sandbox.store.tests()[1].id;
		const at = '2026-10-01T10:00:00.000Z';
		const { body } = await control('POST', 'sessions/finish', { testId, count: 2, at });
		expect(body.sessions).toHaveLength(2);
		for (const session of body.sessions) {
			expect(session).toMatchObject({ testId, status: 'over', finishDate: Date.parse(at) });
		}
		const { companyTestSessions } = await data(
			sandbox,
			'query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 2) { id } }',
			{ id: testId },
		);
		expect(companyTestSessions.map((session: { id: string }) => session.id).sort()).toEqual(
			body.sessions.map((session: { id: string }) => session.id).sort(),
		);
		expect((await control('POST', 'sessions/finish', { testId: 'nope' })).body).toEqual({
			error: 'Company test "nope" not found',
		});
	});

	it('configures, pings, emits with a payload from the store and logs deliveries', async () => {
		const configure = await control('POST', 'webhooks/configure', {
			endpointUrl: receiver.url,
			secret: 's3',
			timeScale: 0.001,
		});
		expect(configure.body).toEqual({ ok: true });
		expect((await control('POST', 'webhooks/ping')).body).toEqual({ status: 200 });

		const session = sandbox.store.listSessions(sandbox.store.tests()[0].id)[0];
		const emitted = await control('POST', 'webhooks/emit', {
			event: 'companyTestSessionFinished',
			testSessionId: session.id,
		});
		expect(emitted.body.payload).toMatchObject({
			testSessionId: session.id,
			testId: session.testId,
		});
		await sandbox.webhooks.idle();

		const { body: log } = await control('GET', 'webhooks/log');
		expect(log).toEqual({
			disabled: false,
			queued: 0,
			deliveries: [
				{
					event: 'companyTestSessionFinished',
					triggeredOn: emitted.body.triggeredOn,
					attempt: 1,
					status: 200,
					at: expect.any(Number),
				},
			],
		});
		expect(JSON.parse(receiver.requests.at(-1)!.body).payload).toEqual(emitted.body.payload);
		expect((await control('POST', 'webhooks/emit', { event: 'noSuchEvent' })).body).toEqual({
			error: 'Unknown CodeSignal webhook event "noSuchEvent"',
		});
	});

	it('answers unknown control routes with 404', async () => {
		expect((await control('GET', 'nothing-here')).status).toBe(404);
	});
});

describe('CodeSignal sandbox command line', () => {
	it('parses its flags into sandbox options', () => {
		expect(
			parseArguments([
				'--port',
				'4100',
				'--seed',
				'9',
				'--tests',
				'2',
				'--sessions-per-test',
				'500',
				'--api-key',
				'k',
			]),
		).toEqual({
			port: 4100,
			seed: 9,
			dataset: { tests: 2, sessionsPerTest: 500 },
			apiKeys: { k: 'all' },
		});
		expect(() => parseArguments(['--port', 'abc'])).toThrow('--port needs a whole number');
		expect(() => parseArguments(['--verbose'])).toThrow('Unknown argument --verbose');
	});

	it('starts, prints one JSON line with its URLs, serves GraphQL and stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[
				path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
				'sandbox/codesignal/cli.ts',
				'--port',
				'0',
				'--api-key',
				'cli-key',
				'--tests',
				'2',
			],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
		);
		const exited = new Promise<number | null>((resolve) =>
			child.once('exit', (code) => resolve(code)),
		);
		try {
			const [line] = (await once(readline.createInterface({ input: child.stdout }), 'line')) as [
				string,
			];
			const started = JSON.parse(line);
			expect(started).toEqual({
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
				graphqlUrl: `${started.url}/graphql`,
				apiKey: 'cli-key',
			});
			const { companyTests } = await data(started, '{ companyTests(first: 5) { totalCount } }');
			expect(companyTests.totalCount).toBe(2);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
	});
});
