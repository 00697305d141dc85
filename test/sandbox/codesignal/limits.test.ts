import { parse } from 'graphql';

import {
	queryCost,
	startCodeSignalSandbox,
	type CodeSignalSandbox,
} from '../../../sandbox/codesignal';
import { analyzeQuery } from '../../../sandbox/codesignal/limits';
import { data, firstError, graphql } from './helpers';

/** companyTest(id) { testSessions(first: 1) { test { testSessions(first: 1) { … id } } } } with fields `depth` levels deep. */
function deepQuery(depth: number): string {
	let selection = 'id';
	for (let level = depth - 1; level >= 2; level--) {
		selection =
			level % 2 === 0 ? `testSessions(first: 1) { ${selection} }` : `test { ${selection} }`;
	}
	return `query ($id: ID!) { companyTest(id: $id) { ${selection} } }`;
}

describe('queryCost (the documented cost model)', () => {
	it('costs 1 per field', () => {
		expect(queryCost(parse('{ company { id name } }'))).toBe(3);
		expect(queryCost(parse('{ liveInterviews { id } }'))).toBe(2);
	});

	it('multiplies list fields by first: 2x for session lists, 1x otherwise', () => {
		// 2 × 20 for the list, plus 20 × (id + result + score)
		expect(
			queryCost(
				parse('{ companyTestSessions(companyTestId: "t", first: 20) { id result { score } } }'),
			),
		).toBe(100);
		// 5 × 1 + 5 × (tests + id + (2 × 10 + 10 × id))
		expect(
			queryCost(
				parse('{ companyTests(first: 5) { tests { id testSessions(first: 10) { id } } } }'),
			),
		).toBe(165);
	});

	it('reads first from variables and their defaults', () => {
		const document = parse('query ($n: Int = 4) { liveInterviews(first: $n) { id } }');
		expect(queryCost(document, { n: 7 })).toBe(14);
		expect(queryCost(document)).toBe(8);
	});

	it('counts fields inside fragments, which add no depth', () => {
		const document = parse(
			'query { company { ...Names ... on Company { alias } } } fragment Names on Company { id name }',
		);
		expect(queryCost(document)).toBe(4);
		expect(analyzeQuery(document).depth).toBe(2);
	});

	it('measures depth from 1 at the root fields', () => {
		expect(analyzeQuery(parse(deepQuery(11))).depth).toBe(11);
	});
});

describe('CodeSignal sandbox: query limits', () => {
	let sandbox: CodeSignalSandbox;
	let testId: string;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
		testId = sandbox.store.tests()[0].id;
	});
	afterAll(async () => await sandbox.close());

	it('accepts depth 10 and rejects depth 11 with a 400 naming both', async () => {
		expect((await graphql(sandbox, deepQuery(10), { id: testId })).status).toBe(200);
		const answer = await graphql(sandbox, deepQuery(11), { id: testId });
		expect(answer.status).toBe(400);
		expect(answer.body.errors).toEqual([
			{ message: 'Query depth 11 exceeds the maximum depth of 10' },
		]);
	});

	it('rejects a query costing more than 10000', async () => {
		// inner testSessions 2×20 + 20 = 60; test 61; outer 2×20 + 20 × 62 = 1280; tests 1281; companyTests 20 + 20 × 1281
		const query =
			'{ companyTests(first: 20) { tests { testSessions(first: 20) { id test { testSessions(first: 20) { id } } } } } }';
		const answer = await graphql(sandbox, query);
		expect(answer.status).toBe(400);
		expect(firstError(answer)).toBe('Query cost 25640 exceeds the maximum of 10000');
	});

	it('caps first at 20 and records the largest first seen', async () => {
		sandbox.resetStats();
		const query =
			'query ($id: ID!, $first: Int) { companyTestSessions(companyTestId: $id, first: $first) { id } }';
		const allowed = await data(sandbox, query, { id: testId, first: 20 });
		expect(allowed.companyTestSessions).toHaveLength(20);

		const refused = await graphql(sandbox, query, { id: testId, first: 21 });
		expect(refused.status).toBe(400);
		expect(firstError(refused)).toBe(
			'Argument "first" of companyTestSessions is 21, above the maximum page size of 20',
		);
		expect(sandbox.stats().maxFirstSeen).toBe(21);
	});

	it('serves one page of the cap when first is omitted', async () => {
		const { companyTestSessions } = await data(
			sandbox,
			'query ($id: ID!) { companyTestSessions(companyTestId: $id) { id } }',
			{
				id: testId,
			},
		);
		expect(sandbox.store.listSessions(testId).length).toBeGreaterThan(20);
		expect(companyTestSessions).toHaveLength(20);
	});

	it('honours configured limits', async () => {
		const strict = await startCodeSignalSandbox({ maxPageSize: 5, maxDepth: 3, maxCost: 50 });
		try {
			const query =
				'query ($id: ID!, $first: Int) { companyTestSessions(companyTestId: $id, first: $first) { id } }';
			expect(
				firstError(await graphql(strict, query, { id: strict.store.tests()[0].id, first: 6 })),
			).toContain('maximum page size of 5');
			expect(firstError(await graphql(strict, '{ company { contacts { user { id } } } }'))).toBe(
				'Query depth 4 exceeds the maximum depth of 3',
			);
			// 5 + 5 × 9 fields = 50 is at the limit; a tenth field makes 55.
			const nineFields =
				'id candidateName candidateEmail status url shortenedUrl startDate finishDate trackCandidateLocation';
			expect((await graphql(strict, `{ liveInterviews(first: 5) { ${nineFields} } }`)).status).toBe(
				200,
			);
			const tooCostly = await graphql(
				strict,
				`{ liveInterviews(first: 5) { ${nineFields} disableDescriptionCopy } }`,
			);
			expect(firstError(tooCostly)).toBe('Query cost 55 exceeds the maximum of 50');
		} finally {
			await strict.close();
		}
	});
});
