/** Reads the editor's criteria and tiers for one item and validates them into scoring configuration. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseCriteria, type Criterion, type CriterionInput } from './scoring/criteria';
import { parseTiers, type TierInput, type Tiers } from './scoring/tiers';

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

export function readCriteria(this: IExecuteFunctions, itemIndex: number): Criterion[] {
	const entries = this.getNodeParameter('criteria.criterion', itemIndex, []) as IDataObject[];
	return parseCriteria(entries.map(criterionInput));
}

export function readTiers(this: IExecuteFunctions, itemIndex: number): Tiers {
	const bands = this.getNodeParameter('options.tiers.tier', itemIndex, []) as TierInput[];
	const lowest = this.getNodeParameter('options.lowestTier', itemIndex, '');
	return parseTiers(bands, lowest);
}
