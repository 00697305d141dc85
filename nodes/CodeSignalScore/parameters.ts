/** Reads the editor's criteria and tiers for one item and validates them into scoring configuration. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { parseCriteria, ScoringConfigError, type Criterion, type CriterionInput } from '../shared/scoring/criteria';
import { parseTiers, type TierInput, type Tiers } from '../shared/scoring/tiers';

/** The editor keeps the comparison and threshold of each kind of metric in fields of their own. */
function criterionInput(entry: IDataObject): CriterionInput {
	const { metric, comparison, threshold, weight, required, label } = entry;
	switch (metric) {
		case 'language':
			return { metric, comparison: entry.languageUsage, threshold: entry.language, weight, required, label };
		case 'verificationStatus':
			return { metric, comparison: 'is', threshold: entry.verificationStatus, weight, required, label };
		case 'integrityFlag':
			return { metric, comparison: 'is', threshold: entry.integrity, weight, required, label };
		default:
			return { metric, comparison, threshold, weight, required, label };
	}
}

function configurationError(context: IExecuteFunctions, error: unknown, itemIndex: number): never {
	if (error instanceof ScoringConfigError) {
		throw new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			description: `Fix the ${error.field} field of ${error.subject} in the node's settings`,
		});
	}
	throw error;
}

export function readCriteria(this: IExecuteFunctions, itemIndex: number): Criterion[] {
	const entries = this.getNodeParameter('criteria.criterion', itemIndex, []) as IDataObject[];
	try {
		return parseCriteria(entries.map(criterionInput));
	} catch (error) {
		return configurationError(this, error, itemIndex);
	}
}

export function readTiers(this: IExecuteFunctions, itemIndex: number): Tiers {
	const bands = this.getNodeParameter('options.tiers.tier', itemIndex, []) as TierInput[];
	const lowest = this.getNodeParameter('options.lowestTier', itemIndex, '');
	try {
		return parseTiers(bands, lowest);
	} catch (error) {
		return configurationError(this, error, itemIndex);
	}
}
