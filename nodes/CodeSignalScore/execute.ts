import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SessionItem } from '../shared/codesignal/sessions';
import { DescribedError } from '../shared/errors';
import { toNodeError } from '../shared/nodeErrors';
import { assessSession, type Assessment } from './scoring/evaluate';
import { rankingGroup, rankWithinGroups } from './scoring/ranking';
import { sessionScoring } from './scoring/sessionScoring';
import { flaggedWithoutSession, noSessionReason, sessionToScore } from './scoring/sessionInput';
import { readCriteria, readTiers } from './readParameters';

type ItemOutcome = { session: SessionItem; assessment: Assessment } | { error: string } | { passedOn: string };

function assessItem(this: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): ItemOutcome {
	const flagged = flaggedWithoutSession(item.json);
	if (flagged !== null) return { passedOn: flagged };
	const session = sessionToScore(item.json);
	if (!session) {
		throw new DescribedError(
			`Item ${itemIndex} is not a CodeSignal test session: ${noSessionReason(item.json)}`,
			'Connect the output of the CodeSignal node, the CodeSignal Results Trigger, or a CodeSignal Trigger that reads its session from the API',
		);
	}
	return { session, assessment: assessSession(session, readCriteria.call(this, itemIndex), readTiers.call(this, itemIndex)) };
}

/**
 * Scores every item first, then ranks the scored ones per test: the rank needs the whole run.
 * Items keep their fields and gain `scoring`.
 */
export function scoreItems(this: IExecuteFunctions): INodeExecutionData[][] {
	const items = this.getInputData();
	const outcomes: ItemOutcome[] = items.map((item, itemIndex) => {
		try {
			return assessItem.call(this, item, itemIndex);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, { itemIndex });
			if (this.continueOnFail()) return { error: nodeError.message };
			throw nodeError;
		}
	});

	const scored = outcomes.filter((outcome) => 'assessment' in outcome);
	const ranks = rankWithinGroups(
		scored.map(({ session, assessment }) => ({ group: rankingGroup(session.test), score: assessment.score })),
	);
	const rankOf = new Map(scored.map((outcome, index) => [outcome, ranks[index]]));

	const output = outcomes.map((outcome, itemIndex): INodeExecutionData => {
		const pairedItem = { item: itemIndex };
		if ('error' in outcome) return { json: { error: outcome.error }, pairedItem };
		if ('passedOn' in outcome) return { json: { ...items[itemIndex].json, scoring: null }, pairedItem };
		const scoring = sessionScoring(outcome.session, outcome.assessment, rankOf.get(outcome)!);
		const { json, binary } = items[itemIndex];
		return { json: { ...json, scoring: scoring as unknown as IDataObject }, ...(binary ? { binary } : {}), pairedItem };
	});
	return [output];
}
