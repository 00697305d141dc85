import { startEndorsedSandbox } from '../../../sandbox/endorsed';
import { candidateBody, connect, jobBody, reportUpload, useSandbox, type Api } from './helpers';

describe('injected faults', () => {
	const sandbox = useSandbox();
	let api: Api;
	beforeEach(async () => {
		api = await connect(sandbox());
		sandbox().resetStats();
	});

	test('failNext answers 500 to the next N requests without acting on them', async () => {
		sandbox().setFaults({ failNext: 2 });

		const first = await api.post('/jobs', jobBody());
		const second = await api.post('/jobs', jobBody());
		const third = await api.post('/jobs', jobBody());

		expect([first.status, second.status, third.status]).toEqual([500, 500, 201]);
		expect(first.body).toEqual({
			is_error: true,
			error: { code: 'INTERNAL_SERVER_ERROR', issues: [{ message: expect.any(String) }] },
		});
		expect(sandbox().store.jobs.size).toBe(1);
		expect(sandbox().stats()).toEqual({
			requests: 3,
			byRoute: { 'POST /jobs': 3 },
			byStatus: { 500: 2, 201: 1 },
			tokensIssued: 0,
		});
	});

	test('rate429 answers 429 TOO_MANY_REQUESTS with Retry-After, token endpoint included', async () => {
		sandbox().setFaults({ rate429: 1 });

		const response = await api.get('/jobs/remote.any');
		const token = await fetch(`${sandbox().baseUrl}/auth/tokens`, { method: 'POST' });

		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('1');
		expect(response.body.error.code).toBe('TOO_MANY_REQUESTS');
		expect(token.status).toBe(429);
	});

	test('a seed gives the same faults on the same request sequence', async () => {
		async function statuses(): Promise<number[]> {
			const seeded = await startEndorsedSandbox({ faults: { seed: 7, rate5xx: 0.3, rate429: 0.2 } });
			try {
				const results: number[] = [];
				for (let i = 0; i < 30; i++) results.push((await fetch(`${seeded.baseUrl}/jobs/remote.any`)).status);
				return results;
			} finally {
				await seeded.close();
			}
		}

		const first = await statuses();
		const second = await statuses();

		expect(second).toEqual(first);
		expect(new Set(first)).toEqual(new Set([401, 429, 500]));
	});

	test('rateDrop closes the connection without an answer', async () => {
		sandbox().setFaults({ rateDrop: 1 });

		await expect(api.get('/jobs/remote.any')).rejects.toThrow('fetch failed');
		expect(sandbox().stats().byStatus).toEqual({ 0: 1 });
	});

	test('rateSlow holds the answer for slowMs, then serves it', async () => {
		sandbox().setFaults({ rateSlow: 1, slowMs: 150 });

		const started = performance.now();
		const response = await api.get('/jobs/remote.any');

		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
		expect(response.status).toBe(404);
	});

	test('close() does not wait for a held request', async () => {
		const slow = await startEndorsedSandbox({ faults: { rateSlow: 1, slowMs: 60_000 } });
		const pending = fetch(`${slow.baseUrl}/jobs/remote.any`);
		pending.catch(() => undefined);
		await new Promise((resolve) => setTimeout(resolve, 50));

		await slow.close();

		await expect(pending).rejects.toThrow('fetch failed');
	});

	test('setFaults refuses rates outside 0..1 and {} turns faults off', async () => {
		expect(() => sandbox().setFaults({ rate5xx: 2 })).toThrow('rate5xx must be between 0 and 1');
		sandbox().setFaults({ rate5xx: 1 });
		sandbox().setFaults({});

		expect((await api.get('/jobs/remote.any')).status).toBe(404);
	});
});

describe('/__sandbox control endpoints', () => {
	const sandbox = useSandbox();

	async function control(method: string, path: string, body?: unknown) {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const response = await fetch(`${sandbox().url}/__sandbox${path}`, { method, body: payload });
		return { status: response.status, body: await response.json() };
	}

	test('POST /faults sets faults, GET /stats counts API calls only, POST /stats/reset clears them', async () => {
		const api = await connect(sandbox());
		const set = await control('POST', '/faults', { failNext: 1 });
		const failed = await api.get('/jobs/remote.any');
		const stats = await control('GET', '/stats');
		const reset = await control('POST', '/stats/reset');

		expect(set).toEqual({ status: 200, body: { failNext: 1 } });
		expect(failed.status).toBe(500);
		expect(stats.body).toEqual({
			requests: 2,
			byRoute: { 'POST /auth/tokens': 1, 'GET /jobs/{id}': 1 },
			byStatus: { 200: 1, 500: 1 },
			tokensIssued: 1,
		});
		expect(reset.body).toEqual({ requests: 0, byRoute: {}, byStatus: {}, tokensIssued: 0 });
		expect((await control('POST', '/faults', { rateDrop: -1 })).status).toBe(400);
	});

	test('GET /state shows jobs, candidates with attachment text, and rankings', async () => {
		const api = await connect(sandbox());
		const jobId = await api.create(
			'/jobs',
			jobBody({ auto_evaluation_behavior: 'auto_nominate_and_evaluate_candidates' }),
		);
		await api.create(`/jobs/${jobId}/criteria`, { prompt_text: 'Passed' });
		const candidateId = await api.create('/candidates', candidateBody('ada'));
		const upload = reportUpload({ candidate_id: candidateId, remote_id: 'r1', type: 'about' }, 'MET: Passed');
		await api.create('/attachments', upload);

		const { body } = await control('GET', '/state');

		expect(body.jobs).toEqual([
			expect.objectContaining({ id: jobId, criteria: [expect.objectContaining({ prompt_text: 'Passed' })] }),
		]);
		expect(body.candidates).toEqual([
			expect.objectContaining({
				id: candidateId,
				attachments: [expect.objectContaining({ text: 'MET: Passed' })],
			}),
		]);
		expect(body.rankings[jobId]).toEqual([expect.objectContaining({ candidate_id: candidateId, score: 0.9 })]);
		expect(body.nominations[0].criterion_evaluations[0].evaluation.state).toBe('EVALUATED');
	});

	test('POST /tokens/revoke makes every token answer 401', async () => {
		const api = await connect(sandbox());

		await control('POST', '/tokens/revoke');

		expect((await api.get('/jobs/remote.any')).status).toBe(401);
	});
});
