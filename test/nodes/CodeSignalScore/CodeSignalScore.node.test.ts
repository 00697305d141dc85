import { NodeOperationError, type IDataObject, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';

import { CodeSignalScore } from '../../../nodes/CodeSignalScore/CodeSignalScore.node';
import { CRITERION_DEFAULTS } from '../../../nodes/CodeSignalScore/scoring/criteria';
import { DEFAULT_TIERS } from '../../../nodes/CodeSignalScore/scoring/tiers';
import { executeNode } from '../../helpers/n8n';
import { pendingSession, session } from './scoring/sessionFixtures';

const nodeType = new CodeSignalScore();

const SCORE_AT_LEAST_70 = { metric: 'scorePercent', comparison: 'gte', threshold: 70, weight: 2, required: true };
const USES_PYTHON = { metric: 'language', language: 'Python', languageUsage: 'used' };

interface Scoring {
	score: number;
	passed: boolean;
	tier: string;
	rank: number;
	rankOutOf: number;
	percentile: number;
	criteria: Array<IDataObject & { met: boolean; reason: string | null; threshold: unknown }>;
	prompts: string[];
	report: string;
}

async function run(
	criteria: IDataObject[],
	items: INodeExecutionData[],
	{ options = {}, continueOnFail = false }: { options?: IDataObject; continueOnFail?: boolean } = {},
) {
	const parameters = { criteria: { criterion: criteria }, options } as INodeParameters;
	const [output] = await executeNode({ nodeType, parameters, continueOnFail }, items);
	return output;
}

const scoringOf = (item: INodeExecutionData) => item.json.scoring as unknown as Scoring;

/** A finished session of a test, scoring `score` out of 1000. */
const scored = (id: string, testId: string, score: number) =>
	session({ id, test: { id: testId, title: `Test ${testId}` } }, { score });

async function rejection(promise: Promise<unknown>): Promise<NodeOperationError> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	return error as NodeOperationError;
}

describe('CodeSignal Score node', () => {
	it('adds scoring to each session item and keeps its fields', async () => {
		const input = { json: { ...session(), fromUpstream: 'kept' } as unknown as IDataObject };
		const [item] = await run([SCORE_AT_LEAST_70, USES_PYTHON], [input]);

		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ id: 'session-1', fromUpstream: 'kept' });
		const scoring = scoringOf(item);
		expect(Object.keys(scoring)).toEqual(['score', 'passed', 'tier', 'rank', 'rankOutOf', 'percentile', 'criteria', 'prompts', 'report']);
		expect(scoring).toMatchObject({ score: 100, passed: true, tier: 'Strong', rank: 1, rankOutOf: 1, percentile: 100 });
		expect(scoring.prompts).toEqual([
			'Scored at least 70% on the CodeSignal Backend Engineer Assessment',
			'Used Python in the CodeSignal Backend Engineer Assessment',
		]);
		expect(scoring.criteria.map(({ label, actual, met }) => ({ label, actual, met }))).toEqual([
			{ label: 'Score ≥ 70%', actual: 72, met: true },
			{ label: 'Uses Python', actual: ['Python', 'SQL'], met: true },
		]);
		expect(scoring.report).toContain('\n- MET: Used Python in the CodeSignal Backend Engineer Assessment\n');
		expect(scoring.report).toContain('\nOverall score: 100/100\n');
	});

	it('ranks within each test of the run; ties share a rank', async () => {
		const sessions = [
			scored('a1', 'A', 650),
			scored('b1', 'B', 900),
			scored('a2', 'A', 800),
			scored('a3', 'A', 650),
			scored('b2', 'B', 500),
		];
		const criteria = [
			{ metric: 'scorePercent', comparison: 'gte', threshold: 60 },
			{ metric: 'scorePercent', comparison: 'gte', threshold: 80 },
		];
		const output = await run(criteria, sessions.map((json) => ({ json: json as unknown as IDataObject })));
		expect(output.map((item) => [item.json.id, scoringOf(item).score, scoringOf(item).rank, scoringOf(item).rankOutOf, scoringOf(item).percentile])).toEqual([
			['a1', 50, 2, 3, 0],
			['b1', 100, 1, 2, 100],
			['a2', 100, 1, 3, 100],
			['a3', 50, 2, 3, 0],
			['b2', 0, 2, 2, 0],
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('scores the full session a CodeSignal Trigger item carries under "session"', async () => {
		const triggerItem = {
			event: 'companyTestSessionFinished',
			triggeredOn: 1_553_720_789_347,
			payload: { testSessionId: 'session-1', score: 1 },
			session: session(),
		};
		const [item] = await run([SCORE_AT_LEAST_70], [{ json: triggerItem as unknown as IDataObject }]);
		expect(item.json).toMatchObject({ event: 'companyTestSessionFinished', session: { id: 'session-1' } });
		expect(scoringOf(item)).toMatchObject({ score: 100, passed: true });
		expect(scoringOf(item).criteria[0].actual).toBe(72);
	});

	it("fills each criterion's fields with the editor's defaults", async () => {
		const [item] = await run([{ metric: 'scorePercent' }], [{ json: session() as unknown as IDataObject }]);
		expect(scoringOf(item).criteria[0]).toMatchObject({
			comparison: 'gte',
			threshold: 70,
			weight: CRITERION_DEFAULTS.weight,
			required: CRITERION_DEFAULTS.required,
		});
		expect(scoringOf(item).tier).toBe('Strong');
	});

	it('reads the fields of language, verification and integrity criteria', async () => {
		const criteria = [
			{ metric: 'language', language: 'java', languageUsage: 'notUsed' },
			{ metric: 'verificationStatus', verificationStatus: 'pending' },
			{ metric: 'integrityFlag', integrity: 'notFlagged' },
		];
		const [item] = await run(criteria, [{ json: session() as unknown as IDataObject }]);
		expect(scoringOf(item).criteria.map(({ comparison, threshold, met }) => ({ comparison, threshold, met }))).toEqual([
			{ comparison: 'notUsed', threshold: 'java', met: true },
			{ comparison: 'is', threshold: 'pending', met: false },
			{ comparison: 'is', threshold: 'notFlagged', met: true },
		]);
	});

	it('accepts every metric the editor offers', async () => {
		const metricProperty = nodeType.description.properties
			.find((property) => property.name === 'criteria')!
			.options!.flatMap((group) => ('values' in group ? group.values : []))
			.find((property) => property.name === 'metric')!;
		const metrics = metricProperty.options!.map((option) => ('value' in option ? option.value : null));
		expect(metrics).toHaveLength(9);
		const [item] = await run(
			metrics.map((metric) => ({ metric, language: 'Python' })),
			[{ json: session() as unknown as IDataObject }],
		);
		expect(scoringOf(item).criteria.map((criterion) => criterion.metric)).toEqual(metrics);
		expect(scoringOf(item).prompts.every((prompt) => prompt.includes('the CodeSignal Backend Engineer Assessment'))).toBe(true);
	});

	it('takes thresholds from expressions, per item', async () => {
		const criteria = [{ metric: 'scorePercent', comparison: 'gte', threshold: '={{ $json.cutoff }}' }];
		const output = await run(criteria, [
			{ json: { ...session(), cutoff: 70 } as unknown as IDataObject },
			{ json: { ...session(), cutoff: 75 } as unknown as IDataObject },
		]);
		expect(output.map((item) => scoringOf(item).criteria[0].met)).toEqual([true, false]);
	});

	it('uses configured tiers', async () => {
		const options = { tiers: { tier: [{ name: 'Hire', minimumScore: 90 }, { name: 'Talk', minimumScore: 40 }] }, lowestTier: 'Pass' };
		const criteria = [
			{ metric: 'scorePercent', comparison: 'gte', threshold: 50 },
			{ metric: 'scorePercent', comparison: 'gte', threshold: 75 },
		];
		const output = await run(criteria, [scored('s1', 'A', 800), scored('s2', 'A', 600), scored('s3', 'A', 100)].map((json) => ({ json: json as unknown as IDataObject })), { options });
		expect(output.map((item) => scoringOf(item).tier)).toEqual(['Hire', 'Talk', 'Pass']);
		const [defaulted] = await run(criteria, [{ json: scored('s4', 'A', 100) as unknown as IDataObject }]);
		expect(scoringOf(defaulted).tier).toBe(DEFAULT_TIERS.lowest);
	});

	it('scores a session without a result as not met, with the reason', async () => {
		const [item] = await run([SCORE_AT_LEAST_70], [{ json: pendingSession() as unknown as IDataObject }]);
		expect(scoringOf(item)).toMatchObject({ score: 0, passed: false, tier: 'Reject' });
		expect(scoringOf(item).criteria[0]).toMatchObject({ actual: null, met: false, reason: 'No result yet: the session is pending' });
	});

	it('passes binary data through', async () => {
		const binary = { report: { data: 'aGk=', mimeType: 'text/plain' } };
		const [item] = await run([SCORE_AT_LEAST_70], [{ json: session() as unknown as IDataObject, binary }]);
		expect(item.binary).toEqual(binary);
	});

	describe('errors', () => {
		const NOT_A_SESSION =
			'Item 1 is not a CodeSignal test session: it is a CodeSignal Trigger item without a session (turn on "Read Session From the API" in the trigger; "Fetch Full Session From the API" in its versions 1 and 2)';
		const items = () => [
			{ json: scored('s1', 'A', 800) as unknown as IDataObject },
			{ json: { event: 'companyTestSessionCreated', payload: { testSessionId: 'x' } } },
			{ json: scored('s2', 'A', 600) as unknown as IDataObject },
		];

		it('names an item that is not a session, and why', async () => {
			const error = await rejection(run([SCORE_AT_LEAST_70], items()));
			expect(error.message).toBe(NOT_A_SESSION);
			expect(error.context.itemIndex).toBe(1);
			expect(error.description).toBe(
				'Connect the output of the CodeSignal node, the CodeSignal Results Trigger, or a CodeSignal Trigger that reads its session from the API',
			);
		});

		it('passes on, unscored, a delivery the trigger flagged because CodeSignal has no such session', async () => {
			const flagged = {
				event: 'companyTestSessionFinished',
				session: null,
				resultReady: false,
				apiCheck: { matchesEvent: false, problem: 'CodeSignal has no test session "x"' },
			};
			const output = await run([SCORE_AT_LEAST_70], [{ json: flagged }]);
			expect(output).toEqual([{ json: { ...flagged, scoring: null }, pairedItem: { item: 0 } }]);
		});

		it('with Continue On Fail, turns it into an error item and ranks the others without it', async () => {
			const output = await run([SCORE_AT_LEAST_70], items(), { continueOnFail: true });
			expect(output[1]).toEqual({ json: { error: NOT_A_SESSION }, pairedItem: { item: 1 } });
			expect([output[0], output[2]].map((item) => [scoringOf(item).rank, scoringOf(item).rankOutOf])).toEqual([
				[1, 2],
				[2, 2],
			]);
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it.each([
			[{ metric: 'scorePercent', comparison: 'gte', threshold: '={{ "seventy" }}' }, 'Criterion 1: Threshold must be a number (got "seventy")', 'Threshold'],
			[{ ...SCORE_AT_LEAST_70, weight: -2 }, 'Criterion 1: Weight must be a number of 0 or more (got -2)', 'Weight'],
			[{ metric: 'charisma' }, 'Criterion 1: Metric must be one of', 'Metric'],
			[{ metric: 'language', language: '' }, 'Criterion 1: Language must name a language such as Python (got "")', 'Language'],
		])('names the criterion and field of bad configuration: %j', async (criterion, message, field) => {
			const error = await rejection(run([criterion], [{ json: session() as unknown as IDataObject }]));
			expect(error.message.startsWith(message)).toBe(true);
			expect(error.description).toBe(`Fix the ${field} field of Criterion 1 in the node's settings`);
			expect(error.context.itemIndex).toBe(0);
		});

		it('names a bad tier and an empty criteria list', async () => {
			const tierError = await rejection(
				run([SCORE_AT_LEAST_70], [{ json: session() as unknown as IDataObject }], { options: { tiers: { tier: [{ name: '', minimumScore: 50 }] } } }),
			);
			expect(tierError.message).toBe('Tier 1: Name must not be empty');
			const emptyError = await rejection(run([], [{ json: session() as unknown as IDataObject }]));
			expect(emptyError.message).toBe('Add at least one criterion: the Criteria list is empty');
		});

		it('with Continue On Fail, bad configuration gives an error item per item', async () => {
			const output = await run([{ ...SCORE_AT_LEAST_70, weight: -1 }], items(), { continueOnFail: true });
			expect(output.map((item) => item.json.error)).toEqual([
				'Criterion 1: Weight must be a number of 0 or more (got -1)',
				NOT_A_SESSION,
				'Criterion 1: Weight must be a number of 0 or more (got -1)',
			]);
		});
	});
});
