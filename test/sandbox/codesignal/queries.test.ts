import {
	getNamedType,
	isInterfaceType,
	isNonNullType,
	isObjectType,
	type GraphQLNamedType,
} from 'graphql';

import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { codeSignalSchema } from '../../../sandbox/codesignal/schema';
import { data, graphql } from './helpers';

describe('CodeSignal sandbox: tests, interviews, templates and labels', () => {
	let sandbox: CodeSignalSandbox;

	beforeAll(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
	});
	afterAll(async () => await sandbox.close());

	const TESTS_QUERY = `query ($first: Int!, $offset: Int, $ids: [ID!], $title: String, $labels: [String!], $sortBy: CompanyTestSortBy, $direction: SortDirection) {
		companyTests(first: $first, offset: $offset, ids: $ids, titleSearchText: $title, labels: $labels, sortBy: $sortBy, sortDirection: $direction) {
			totalCount tests { id title labels createDate } pageInfo { hasNextPage }
		}
	}`;

	it('resolves every non-null Company field', async () => {
		const { company } = await data(
			sandbox,
			`{ company { id alias name logo status notes companyProfileEnabled ownedEmailDomains clientType
				contacts { id name email status teams { id } } plans { servicePlan { key } }
				customFeatures { apiIntegration } usedNumericFeatures { numLicenses maxConcurrentPrescreenSessions } } }`,
		);
		expect(company.contacts.length).toBe(sandbox.store.users().length);
		expect(company.usedNumericFeatures.numLicenses).toBe(company.contacts.length);
	});

	it('pages companyTests with a total count and hasNextPage', async () => {
		const first = await data(sandbox, TESTS_QUERY, { first: 4 });
		const second = await data(sandbox, TESTS_QUERY, { first: 4, offset: 4 });
		expect(first.companyTests).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
		expect(second.companyTests).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
		const ids = [...first.companyTests.tests, ...second.companyTests.tests].map(
			(test: { id: string }) => test.id,
		);
		expect(new Set(ids)).toEqual(new Set(sandbox.store.tests().map((test) => test.id)));
	});

	it('sorts companyTests newest first by default, and by title on request', async () => {
		const byDate = (await data(sandbox, TESTS_QUERY, { first: 20 })).companyTests.tests;
		const dates = byDate.map((test: { createDate: number }) => test.createDate);
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		const byTitle = (
			await data(sandbox, TESTS_QUERY, { first: 20, sortBy: 'title', direction: 'desc' })
		).companyTests.tests;
		const titles = byTitle.map((test: { title: string }) => test.title);
		expect(titles).toEqual([...titles].sort().reverse());
	});

	it('filters companyTests by title text, labels and ids', async () => {
		const byTitle = (await data(sandbox, TESTS_QUERY, { first: 20, title: 'backend' }))
			.companyTests;
		expect(byTitle.tests.map((test: { title: string }) => test.title)).toEqual([
			'Backend Engineer Assessment',
		]);
		const byLabel = (await data(sandbox, TESTS_QUERY, { first: 20, labels: ['engineering'] }))
			.companyTests;
		expect(byLabel.totalCount).toBe(
			sandbox.store.tests().filter((test) => test.labels.includes('engineering')).length,
		);
		const someId = sandbox.store.tests()[2].id;
		expect(
			(await data(sandbox, TESTS_QUERY, { first: 20, ids: [someId] })).companyTests.tests,
		).toEqual([expect.objectContaining({ id: someId })]);
	});

	it('lists live interviews newest first, filtered by candidate email, with gendered interviewer notes', async () => {
		const query = `query ($email: String, $first: Int, $offset: Int) {
			liveInterviews(candidateEmail: $email, first: $first, offset: $offset) {
				id candidateEmail candidateName status
				interviewersFeedback { author { profile { name } } notes categories { name attributes { name score } } recommendedLevel evaluation }
			}
		}`;
		const { liveInterviews } = await data(sandbox, query, { first: 20 });
		expect(liveInterviews).toHaveLength(12);
		const withFeedback = liveInterviews.filter(
			(interview: { interviewersFeedback: unknown[] }) => interview.interviewersFeedback.length > 0,
		);
		expect(withFeedback.length).toBeGreaterThan(0);
		for (const interview of withFeedback) {
			const firstName = interview.candidateName.split(' ')[0];
			const notes = interview.interviewersFeedback[0].notes;
			expect(notes).toContain(firstName);
			expect(notes).toMatch(/\b(she|he|her|his|him)\b/i);
		}
		const email = liveInterviews[3].candidateEmail;
		const filtered = (await data(sandbox, query, { email: email.toUpperCase() })).liveInterviews;
		expect(filtered.length).toBeGreaterThan(0);
		expect(
			filtered.every((interview: { candidateEmail: string }) => interview.candidateEmail === email),
		).toBe(true);
		const page = (await data(sandbox, query, { first: 5, offset: 10 })).liveInterviews;
		expect(page.map((interview: { id: string }) => interview.id)).toEqual(
			liveInterviews.slice(10).map((interview: { id: string }) => interview.id),
		);
	});

	it('pages interview templates and test labels with search', async () => {
		const { interviewTemplates } = await data(
			sandbox,
			'{ interviewTemplates(first: 2, offset: 0) { totalCount interviewTemplates { id name tasks { title } } pageInfo { hasNextPage } } }',
		);
		expect(interviewTemplates).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
		expect(interviewTemplates.interviewTemplates[0].tasks.length).toBeGreaterThan(0);
		const filtered = await data(
			sandbox,
			'{ interviewTemplates(first: 5, offset: 0, globalFilter: "frontend") { totalCount interviewTemplates { name } } }',
		);
		expect(filtered.interviewTemplates).toEqual({
			totalCount: 1,
			interviewTemplates: [{ name: 'Frontend Live Coding' }],
		});

		const { testLabels } = await data(
			sandbox,
			'{ testLabels(searchText: "eng", first: 10) { totalCount labels { title variant } } }',
		);
		expect(testLabels.labels.map((label: { title: string }) => label.title)).toEqual([
			'engineering',
		]);
	});

	it('looks up single records by id, and answers null for unknown ids', async () => {
		const session = sandbox.store.listSessions(sandbox.store.tests()[0].id)[0];
		const result = await data(
			sandbox,
			`query ($session: ID!, $test: ID!) {
				companyTestSession(id: $session) { id testTaker { email } }
				companyTest(id: $test) { id title author { username } }
				unknown: companyTestSession(id: "nope") { id }
			}`,
			{ session: session.id, test: session.testId },
		);
		expect(result.companyTestSession).toEqual({
			id: session.id,
			testTaker: { email: session.testTaker.email },
		});
		expect(result.companyTest.author.username).toEqual(expect.any(String));
		expect(result.unknown).toBeNull();
	});
});

/**
 * A selection of every field reachable from `type` (fields with required arguments left out), `depth` levels
 * deep. Fields are aliased by type so that same-named fields of different implementations do not conflict.
 */
function everyField(type: GraphQLNamedType, depth: number): string {
	if (!isObjectType(type) && !isInterfaceType(type)) return '';
	if (depth === 0) return '__typename';
	const fields = Object.values(type.getFields())
		.filter((field) => field.args.every((argument) => !isNonNullType(argument.type)))
		.map((field) => {
			const fieldType = getNamedType(field.type);
			const selected = `${type.name}_${field.name}: ${field.name}`;
			if (!isObjectType(fieldType) && !isInterfaceType(fieldType)) return selected;
			const inner = everyField(fieldType, depth - 1);
			const implementations = isInterfaceType(fieldType)
				? codeSignalSchema()
						.getImplementations(fieldType)
						.objects.map((object) => `... on ${object.name} { ${everyField(object, depth - 1)} }`)
				: [];
			return `${selected} { ${[inner, ...implementations].join(' ')} }`;
		});
	return fields.join(' ');
}

describe('CodeSignal sandbox: every field resolves', () => {
	it('answers every field of sessions, tests, interviews, templates and the company without an error', async () => {
		const sandbox = await startCodeSignalSandbox({
			maxCost: 10_000_000,
			maxDepth: 20,
			rateLimit: { perSecond: 1000 },
		});
		try {
			const schema = codeSignalSchema();
			const select = (typeName: string, depth: number) =>
				everyField(schema.getType(typeName)!, depth);
			const roots = [
				`company { ${select('Company', 3)} }`,
				`companyTests(first: 20) { ${select('CompanyTests', 3)} }`,
				`liveInterviews(first: 20) { ${select('LiveInterview', 4)} }`,
				`interviewTemplates(first: 20, offset: 0) { ${select('InterviewTemplates', 4)} }`,
				`frameworks(first: 5) { ${select('Frameworks', 3)} }`,
			];
			for (const root of roots) {
				expect((await graphql(sandbox, `{ ${root} }`)).body.errors).toBeUndefined();
			}
			for (const test of sandbox.store.tests()) {
				const query = `query ($id: ID!) { companyTestSessions(companyTestId: $id, first: 20) { ${select('CompanyTestSession', 4)} } }`;
				const answer = await graphql(sandbox, query, { id: test.id });
				expect(answer.body.errors).toBeUndefined();
			}
		} finally {
			await sandbox.close();
		}
	});
});
