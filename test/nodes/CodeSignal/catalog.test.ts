import { CodeSignal } from '../../../nodes/CodeSignal/CodeSignal.node';
import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { byId, pickListContext, runJson, startSandbox } from './harness';

let sandbox: CodeSignalSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ dataset: { tests: 45, interviewTemplates: 5 } });
});
afterAll(async () => await sandbox.close());

describe('Interview Template', () => {
	it('gets a template with its tasks, author and team', async () => {
		const template = sandbox.store.interviewTemplates()[0];
		const [item] = await runJson(sandbox, { resource: 'interviewTemplate', operation: 'get', interviewTemplate: byId(template.id) });
		expect(item).toMatchObject({
			id: template.id,
			name: template.name,
			isCompanyDefault: template.isCompanyDefault,
			defaultExpirationHours: template.defaultExpirationTime / 3_600_000,
			team: { id: template.teamId },
			author: { id: template.authorId },
		});
		expect(item.tasks.map((task: any) => task.id)).toEqual(template.taskIds);
	});

	it('gets many templates, filtered by name', async () => {
		const all = await runJson(sandbox, { resource: 'interviewTemplate', operation: 'getAll', returnAll: true });
		expect(all.map((item) => item.id)).toEqual(sandbox.store.interviewTemplates().map((template) => template.id));
		const name = sandbox.store.interviewTemplates()[2].name;
		const filtered = await runJson(sandbox, {
			resource: 'interviewTemplate',
			operation: 'getAll',
			returnAll: true,
			filters: { globalFilter: name },
		});
		expect(filtered.map((item) => item.name)).toContain(name);
		expect(filtered.every((item) => item.name.includes(name))).toBe(true);
	});
});

describe('Test Label → Get Many', () => {
	it('lists the labels, searched and limited', async () => {
		const labels = sandbox.store.testLabels();
		expect(await runJson(sandbox, { resource: 'testLabel', operation: 'getAll', returnAll: true })).toEqual(labels);
		expect(await runJson(sandbox, { resource: 'testLabel', operation: 'getAll', returnAll: false, limit: 2 })).toEqual(labels.slice(0, 2));
		const searched = await runJson(sandbox, { resource: 'testLabel', operation: 'getAll', returnAll: true, filters: { searchText: 'eng' } });
		expect(searched).toEqual(labels.filter((label) => label.title.includes('eng')));
	});
});

describe('Pick lists', () => {
	const { listSearch, loadOptions } = new CodeSignal().methods;

	it('pages through every test, A to Z, with the offset as the pagination token', async () => {
		const context = pickListContext(sandbox);
		const first = await listSearch.searchTests.call(context);
		expect(first.results).toHaveLength(20);
		expect(first.paginationToken).toBe('20');
		const seen = [...first.results];
		let token = first.paginationToken;
		while (token) {
			const page = await listSearch.searchTests.call(context, undefined, token);
			seen.push(...page.results);
			token = page.paginationToken;
		}
		const expected = [...sandbox.store.tests()].sort((a, b) => a.title.localeCompare(b.title));
		expect(seen).toEqual(expected.map((test) => ({ name: test.title, value: test.id })));
	});

	it('searches tests by title', async () => {
		const { results, paginationToken } = await listSearch.searchTests.call(pickListContext(sandbox), 'sql');
		expect(results.length).toBeGreaterThan(0);
		expect(results.every((result) => /sql/i.test(result.name))).toBe(true);
		expect(paginationToken).toBeUndefined();
	});

	it('searches interview templates by name', async () => {
		const [template] = sandbox.store.interviewTemplates();
		const { results } = await listSearch.searchInterviewTemplates.call(pickListContext(sandbox), template.name);
		expect(results).toContainEqual({ name: template.name, value: template.id });
	});

	it('loads every test label for the label filter', async () => {
		const options = await loadOptions.getTestLabels.call(pickListContext(sandbox));
		expect(options).toEqual(sandbox.store.testLabels().map((label) => ({ name: label.title, value: label.title })));
	});
});
