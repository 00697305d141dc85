import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CodeSignalSandbox } from '../../../sandbox/codesignal';
import { byId, runError, runJson, startSandbox } from './harness';

const HOUR = 3_600_000;

let sandbox: CodeSignalSandbox;
let taskIds: string[];

beforeEach(async () => {
	sandbox = await startSandbox();
	taskIds = sandbox.store.tasks().slice(0, 3).map((task) => task.id);
});
afterEach(async () => await sandbox.close());

const template = (operation: string, parameters: Record<string, unknown> = {}) => ({
	resource: 'interviewTemplate',
	operation,
	...parameters,
});
const create = (additionalFields: Record<string, unknown> = {}, name = 'Backend Pairing') =>
	template('create', { name, taskIds: taskIds.join(', '), additionalFields });

describe('Interview Template → Create', () => {
	it("creates a template in the API key's company, read once per run, which Get Many then lists", async () => {
		sandbox.resetStats();
		const items = await runJson(sandbox, create({ defaultExpirationHours: 24, teamId: sandbox.store.teams()[0].id }), {
			items: [{ json: {} }, { json: {} }],
		});
		expect(sandbox.stats().operations).toEqual({ company: 1, createInterviewTemplate: 2 });
		expect(items[0]).toMatchObject({
			name: 'Backend Pairing',
			defaultExpirationHours: 24,
			team: { id: sandbox.store.teams()[0].id },
			tasks: taskIds.map((id) => expect.objectContaining({ id })),
			hasAssociatedInterviews: false,
			taskCustomScores: [],
			feedbackSettings: expect.objectContaining({ overallEvaluation: expect.objectContaining({ enabled: true }) }),
		});
		const listed = await runJson(sandbox, template('getAll', { returnAll: true, filters: { companyId: sandbox.store.company.id } }));
		expect(listed.slice(-2)).toEqual(items);
	});

	it('takes the feedback form and custom scores as CreateInterviewTemplateInput JSON; guided fields win', async () => {
		const json = {
			name: 'Overwritten by the Name field',
			taskCustomScores: [{ id: taskIds[0], score: 40 }],
			feedbackSettings: { categories: [{ name: 'Communication', attributes: [{ name: 'Clarity' }] }] },
		};
		const [created] = await runJson(sandbox, create({ inputJson: JSON.stringify(json) }));
		expect(created).toMatchObject({
			name: 'Backend Pairing',
			taskCustomScores: [{ taskId: taskIds[0], score: 40 }],
			feedbackSettings: { categories: [{ name: 'Communication', attributes: [{ name: 'Clarity', details: null }] }] },
		});
	});
});

describe('Interview Template → Update and Delete', () => {
	it('changes only the fields given, which then read back changed', async () => {
		const [created] = await runJson(sandbox, create({ defaultExpirationHours: 24 }));
		const [updated] = await runJson(
			sandbox,
			template('update', {
				interviewTemplate: byId(created.id),
				updateFields: {
					name: 'Backend Pairing v2',
					taskIds: [taskIds[2]],
					inputJson: { feedbackSettings: { recommendedLevel: { levels: ['Junior', 'Senior'] } } },
				},
			}),
		);
		const [read] = await runJson(sandbox, template('get', { interviewTemplate: byId(created.id) }));
		expect(read).toEqual(updated);
		expect(read).toMatchObject({
			name: 'Backend Pairing v2',
			defaultExpirationHours: 24,
			tasks: [expect.objectContaining({ id: taskIds[2] })],
			feedbackSettings: { recommendedLevel: { levels: ['Junior', 'Senior'] } },
		});
	});

	it('deletes a template by its ID; it is then gone', async () => {
		const [created] = await runJson(sandbox, create());
		expect(await runJson(sandbox, template('delete', { interviewTemplate: byId(created.id) }))).toEqual([
			{ id: created.id, deleted: true },
		]);
		expect(sandbox.store.getInterviewTemplate(created.id)).toBeUndefined();
		expect((await runError(sandbox, template('get', { interviewTemplate: byId(created.id) }))).message).toBe(
			`Interview template "${created.id}" not found`,
		);
	});

	it("reports CodeSignal's refusal to delete the company's default template", async () => {
		const fallback = sandbox.store.interviewTemplates().find((candidate) => candidate.isCompanyDefault)!;
		const error = await runError(sandbox, template('delete', { interviewTemplate: byId(fallback.id) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			`CodeSignal could not delete the interview template: Cannot delete interview template "${fallback.id}": it is the company's default template`,
		);
	});
});

describe('Interview Template → Get', () => {
	it('reads a template as one of its live interviews uses it', async () => {
		const interview = sandbox.store.liveInterviews().find((candidate) => candidate.templateId)!;
		const [item] = await runJson(
			sandbox,
			template('get', { interviewTemplate: byId(interview.templateId!), options: { liveInterviewId: interview.id } }),
		);
		expect(item.id).toBe(interview.templateId);
	});
});

describe('Interview Template: bad input names the field, and nothing is sent', () => {
	/** Well-formed but for the case at hand: these fail before anything is sent. */
	const wellFormed = (additionalFields: Record<string, unknown> = {}, name = 'X') =>
		template('create', { name, taskIds: 'Valid1234567890ab', additionalFields });

	it.each([
		['a missing name', wellFormed({}, ' '), 'Name is required'],
		['no task', template('create', { name: 'X', taskIds: ' , ', additionalFields: {} }), 'Task IDs is required'],
		[
			'a malformed task ID',
			template('create', { name: 'X', taskIds: 'abc, d e', additionalFields: {} }),
			'Task IDs must be a CodeSignal ID (letters and digits only), got "d e"',
		],
		[
			'an expiration beyond two weeks',
			wellFormed({ defaultExpirationHours: 400 }),
			'Default Expiration (Hours) must be a whole number between 1 and 336, got "400"',
		],
		['JSON that is not JSON', wellFormed({ inputJson: '{"name": ' }), /^CreateInterviewTemplateInput \(JSON\) is not valid JSON: /],
		[
			'JSON that does not match the input type',
			wellFormed({ inputJson: '{"feedbackSettings": {"categories": [{"nam": "Communication"}]}}' }),
			'CreateInterviewTemplateInput (JSON) does not match CodeSignal\'s CreateInterviewTemplateInput: ' +
				'feedbackSettings.categories[0]: Field "name" of required type "String!" was not provided.; ' +
				'feedbackSettings.categories[0]: Field "nam" is not defined by type "FeedbackCategoriesInput". Did you mean "name"?',
		],
		[
			'a score that is not a number',
			template('update', { interviewTemplate: byId('Valid1234567890ab'), updateFields: { inputJson: { taskCustomScores: [{ id: 'a', score: 'high' }] } } }),
			/^EditInterviewTemplateInput \(JSON\) does not match CodeSignal's EditInterviewTemplateInput: taskCustomScores\[0\]\.score: Int cannot represent non-integer value: "high"/,
		],
		['an update without fields', template('update', { interviewTemplate: byId('Valid1234567890ab'), updateFields: {} }), 'Update Fields is empty: add at least one field to change'],
		['a missing template', template('delete', { interviewTemplate: byId('') }), 'Interview Template is required'],
		[
			'a malformed live interview ID',
			template('get', { interviewTemplate: byId('Valid1234567890ab'), options: { liveInterviewId: 'x/y' } }),
			'Live Interview ID must be a CodeSignal ID (letters and digits only), got "x/y"',
		],
	])('%s', async (_case, parameters, message) => {
		sandbox.resetStats();
		const error = await runError(sandbox, parameters);
		expect(error).toBeInstanceOf(NodeOperationError);
		if (typeof message === 'string') expect(error.message).toBe(message);
		else expect(error.message).toMatch(message);
		expect(sandbox.stats().requests).toBe(0);
	});

	it('lists the fields of the input type when the JSON does not match', async () => {
		const error = await runError(sandbox, wellFormed({ inputJson: { colour: 'blue' } }));
		expect(error.description).toBe(
			'The fields of CreateInterviewTemplateInput are: name, teamId, taskIds, companyId, feedbackSettings, taskCustomScores, defaultExpirationTimeInHours',
		);
	});
});
