/**
 * Saved workflows still open after the house move (issue 17): the example files of the previous release
 * (examples/*.json at commit acd70f0, kept in fixtures/previous-release/) imported into a real n8n 2.40.7
 * with today's package. Every node's type and version is one n8n loaded, n8n's own parameter check finds
 * no issue with the saved parameters, none of them is dropped when n8n reads them against today's
 * descriptions, and the workflows activate; the old live workflow still runs a delivery.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import type { N8nWorkflowFile } from '../../scripts/n8n/instance';
import { EXAMPLE_WORKFLOW_IDS, type ExampleName, type ExampleWorkflows } from '../../scripts/start/examples';
import { exampleActivation, ExampleWorld, firstEndedExecution, startExampleWorld } from './support/exampleWorld';

const FIXTURES = join(__dirname, 'fixtures', 'previous-release');

const previousRelease: N8nWorkflowFile[] = readdirSync(FIXTURES)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as N8nWorkflowFile);

const nameOf = (id: string) =>
	(Object.entries(EXAMPLE_WORKFLOW_IDS).find(([, exampleId]) => exampleId === id)?.[0] ?? id) as ExampleName;

const PREVIOUS_NAMES = previousRelease.map((workflow) => nameOf(workflow.id));

type Parameters = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Parameters =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths of `saved` that `loaded` lacks; a resource locator or a list counts as one value. */
function droppedPaths(saved: Parameters, loaded: Parameters, prefix = ''): string[] {
	return Object.entries(saved).flatMap(([key, value]) => {
		const path = `${prefix}${key}`;
		if (!(key in loaded)) return [path];
		const inner = loaded[key];
		if (isPlainObject(value) && !('__rl' in value) && isPlainObject(inner)) return droppedPaths(value, inner, `${path}.`);
		return [];
	});
}

describe('the previous release\'s example workflows in n8n 2.40.7 with this package', () => {
	let world: ExampleWorld;
	let nodeTypes: INodeTypeDescription[];

	beforeAll(async () => {
		world = await startExampleWorld({
			// The previous release's files in place of today's examples of the same id.
			adapt: (examples) => ({
				...examples,
				...Object.fromEntries(previousRelease.map((workflow) => [nameOf(workflow.id), workflow])),
			}) as ExampleWorkflows,
			activate: PREVIOUS_NAMES,
			port: 6300,
		});
		nodeTypes = await world.session.getJson<INodeTypeDescription[]>('/types/nodes.json');
	});

	afterAll(async () => {
		await world?.close();
	});

	it('are the four examples of that release', () => {
		expect(PREVIOUS_NAMES).toEqual(['live', 'backfill', 'reminder', 'feedback']);
	});

	const describeNode = (node: INode) =>
		nodeTypes.find(
			(type) =>
				type.name === node.type &&
				(Array.isArray(type.version) ? type.version.includes(node.typeVersion) : type.version === node.typeVersion),
		);

	it.each(previousRelease.map((workflow) => [workflow.name, workflow]))(
		'%s: every node is a type and version n8n loaded, with no parameter issue and no parameter dropped',
		async (_name, file) => {
			const stored = await world.session.publicApi<{ nodes: INode[] }>('GET', `/workflows/${file.id}`);
			const fileNodes = file.nodes as unknown as INode[];

			const report = stored.nodes.map((node) => {
				const description = describeNode(node);
				if (!description) return { node: node.name, unknownType: `${node.type} v${node.typeVersion}` };
				const loaded = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
				const saved = fileNodes.find((fileNode) => fileNode.name === node.name)!.parameters;
				return {
					node: node.name,
					issues: NodeHelpers.getNodeParametersIssues(description.properties, node, description),
					droppedOnImport: droppedPaths(saved, node.parameters),
					droppedOnLoad: droppedPaths(node.parameters, loaded ?? {}),
				};
			});

			expect(stored.nodes.map((node) => node.name)).toEqual(fileNodes.map((node) => node.name));
			expect(report).toEqual(
				fileNodes.map((node) => ({ node: node.name, issues: null, droppedOnImport: [], droppedOnLoad: [] })),
			);
		},
	);

	it('activate', async () => {
		const states = await exampleActivation(world.session);

		expect(states.filter(({ id }) => previousRelease.some((workflow) => workflow.id === id))).toEqual(
			previousRelease.map(({ id }) => ({ id, active: true })),
		);
	});

	it('still run: the old live workflow pushes a finished session to Endorsed', async () => {
		const { store } = world.codeSignal;
		const session = store
			.tests()
			.filter((test) => !test.proctored)
			.flatMap((test) => store.listSessions(test.id))
			.find((candidate) => candidate.status === 'pending')!;
		world.pointWebhookAt('live');

		store.finishSession(session.id);
		await world.codeSignal.webhooks.idle();
		const execution = await firstEndedExecution(world.session, world.workflows.live.id);

		expect(world.codeSignal.webhooks.log().map(({ status }) => status)).toEqual([200]);
		expect(execution.status).toBe('success');
		const state = await world.endorsedState();
		expect(
			state.candidates.some((candidate) =>
				candidate.attachments.some((attachment) => attachment.remote_id === `codesignal-session-${session.id}`),
			),
		).toBe(true);
	});
});
