import { startCodeSignalSandbox, type CodeSignalSandbox } from '../../../sandbox/codesignal';
import { data, firstError, graphql } from './helpers';

const HOUR = 3_600_000;
const TEMPLATE = `id name defaultExpirationTime hasAssociatedInterviews team { id } tasks { id }
	taskCustomScores { id score }
	feedbackSettings { categories { name attributes { name details } } overallEvaluation { enabled anchors } recommendedLevel { enabled levels } }`;
const CREATE = `mutation ($fields: CreateInterviewTemplateInput!) { createInterviewTemplate(interviewTemplateFields: $fields) { ${TEMPLATE} } }`;
const EDIT = `mutation ($id: ID!, $fields: EditInterviewTemplateInput!) {
	editInterviewTemplate(interviewTemplateId: $id, interviewTemplateFields: $fields) { ${TEMPLATE} }
}`;
const DELETE = 'mutation ($id: ID!) { deleteInterviewTemplate(interviewTemplateId: $id) }';
const GET = `query ($id: ID!, $interviewId: ID) { interviewTemplate(interviewTemplateId: $id, liveInterviewId: $interviewId) { ${TEMPLATE} } }`;
const LIST = 'query ($companyId: ID) { interviewTemplates(companyId: $companyId, first: 20, offset: 0) { totalCount interviewTemplates { id } } }';

describe('CodeSignal sandbox: interview-template mutations', () => {
	let sandbox: CodeSignalSandbox;
	let taskIds: string[];

	beforeEach(async () => {
		sandbox = await startCodeSignalSandbox({ rateLimit: { perSecond: 1000 } });
		taskIds = sandbox.store.tasks().slice(0, 3).map((task) => task.id);
	});
	afterEach(async () => await sandbox.close());

	const create = async (fields: Record<string, unknown> = {}) =>
		(
			await data(sandbox, CREATE, {
				fields: { name: 'Backend pairing', taskIds, companyId: sandbox.store.company.id, ...fields },
			})
		).createInterviewTemplate;

	it('creates a template that is then listed, with the default feedback form and 72 hours', async () => {
		const created = await create({ taskCustomScores: [{ id: taskIds[0], score: 40 }] });
		expect(created).toMatchObject({
			name: 'Backend pairing',
			defaultExpirationTime: 72 * HOUR,
			hasAssociatedInterviews: false,
			team: null,
			tasks: taskIds.map((id) => ({ id })),
			taskCustomScores: [{ id: taskIds[0], score: 40 }],
			feedbackSettings: { overallEvaluation: { enabled: true } },
		});
		expect(created.feedbackSettings.categories.length).toBeGreaterThan(0);
		const { interviewTemplates } = await data(sandbox, LIST, { companyId: sandbox.store.company.id });
		expect(interviewTemplates.totalCount).toBe(4);
		expect(interviewTemplates.interviewTemplates.at(-1)).toEqual({ id: created.id });
	});

	it('edits the fields given, which then read back edited, and keeps the others', async () => {
		const created = await create({ defaultExpirationTimeInHours: 24 });
		const team = sandbox.store.teams()[1];
		const { editInterviewTemplate: edited } = await data(sandbox, EDIT, {
			id: created.id,
			fields: {
				name: 'Backend pairing v2',
				teamId: team.id,
				taskIds: [taskIds[1]],
				feedbackSettings: {
					categories: [{ name: 'Communication', attributes: [{ name: 'Clarity', details: 'Explains trade-offs' }] }],
					recommendedLevel: { levels: ['Junior', 'Senior'] },
				},
			},
		});
		const read = (await data(sandbox, GET, { id: created.id })).interviewTemplate;
		expect(read).toEqual(edited);
		expect(read).toMatchObject({
			name: 'Backend pairing v2',
			defaultExpirationTime: 24 * HOUR,
			team: { id: team.id },
			tasks: [{ id: taskIds[1] }],
			feedbackSettings: {
				categories: [{ name: 'Communication', attributes: [{ name: 'Clarity', details: 'Explains trade-offs' }] }],
				overallEvaluation: created.feedbackSettings.overallEvaluation,
				recommendedLevel: { enabled: true, levels: ['Junior', 'Senior'] },
			},
		});
	});

	it('deletes a template, which is then gone', async () => {
		const created = await create();
		expect((await data(sandbox, DELETE, { id: created.id })).deleteInterviewTemplate).toBe(created.id);
		expect((await data(sandbox, GET, { id: created.id })).interviewTemplate).toBeNull();
		expect(firstError(await graphql(sandbox, DELETE, { id: created.id }))).toBe(
			`Interview template "${created.id}" not found`,
		);
	});

	it('refuses bad fields and changes nothing on a refused edit', async () => {
		const created = await create();
		const refusals: Array<[string, Record<string, unknown>, string]> = [
			[CREATE, { fields: { name: 'X', taskIds: [], companyId: sandbox.store.company.id } }, 'An interview template needs at least one task'],
			[CREATE, { fields: { name: 'X', taskIds: ['NoSuchTask'], companyId: sandbox.store.company.id } }, 'Task "NoSuchTask" not found'],
			[CREATE, { fields: { name: ' ', taskIds, companyId: sandbox.store.company.id } }, 'name must not be empty'],
			[CREATE, { fields: { name: 'X', taskIds, companyId: 'OtherCompany1234' } }, 'Access Denied'],
			[EDIT, { id: created.id, fields: { name: 'Renamed', defaultExpirationTimeInHours: 337 } }, 'defaultExpirationTimeInHours must be between 1 and 336, got 337'],
			[EDIT, { id: created.id, fields: { teamId: 'NoSuchTeam' } }, 'Team "NoSuchTeam" not found'],
			[EDIT, { id: created.id, fields: { taskCustomScores: [{ id: 'Other', score: 5 }] } }, 'taskCustomScores: task "Other" is not in the template'],
			[EDIT, { id: 'NoSuchTemplate', fields: { name: 'X' } }, 'Interview template "NoSuchTemplate" not found'],
		];
		for (const [document, variables, message] of refusals) {
			expect(firstError(await graphql(sandbox, document, variables))).toBe(message);
		}
		expect(sandbox.store.getInterviewTemplate(created.id)!.name).toBe('Backend pairing');
	});

	it("keeps the company's default template, and reads a template through one of its interviews", async () => {
		const fallback = sandbox.store.interviewTemplates().find((template) => template.isCompanyDefault)!;
		expect(firstError(await graphql(sandbox, DELETE, { id: fallback.id }))).toBe(
			`Cannot delete interview template "${fallback.id}": it is the company's default template`,
		);
		const interview = sandbox.store.liveInterviews().find((candidate) => candidate.templateId === fallback.id)!;
		expect((await data(sandbox, GET, { id: fallback.id, interviewId: interview.id })).interviewTemplate.id).toBe(fallback.id);
		expect(firstError(await graphql(sandbox, GET, { id: fallback.id, interviewId: 'NoSuchInterview' }))).toBe(
			'Live interview "NoSuchInterview" not found',
		);
		expect(firstError(await graphql(sandbox, LIST, { companyId: 'OtherCompany1234' }))).toBe('Access Denied');
	});

	it('says whether pending or active interviews use a template', async () => {
		const created = await create();
		await data(sandbox, 'mutation ($fields: LiveInterviewInput) { createLiveInterview(interviewFields: $fields) { id } }', {
			fields: { templateId: created.id },
		});
		expect((await data(sandbox, GET, { id: created.id })).interviewTemplate.hasAssociatedInterviews).toBe(true);
	});
});
