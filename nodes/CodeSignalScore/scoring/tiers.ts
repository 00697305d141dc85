/** Tiers: named bands of the weighted score ("Strong" from 80, "Consider" from 60, else "Reject"). */
import { invalidField, parseNumber, shown } from './criteria';

export interface TierBand {
	name: string;
	/** Lowest score (0-100) that reaches the band. */
	minimumScore: number;
}

export interface Tiers {
	/** Highest minimum first. */
	bands: TierBand[];
	/** The tier below every band, and of candidates who miss a required criterion. */
	lowest: string;
}

export const DEFAULT_TIERS: Tiers = {
	bands: [
		{ name: 'Strong', minimumScore: 80 },
		{ name: 'Consider', minimumScore: 60 },
	],
	lowest: 'Reject',
};

export const TIER_FIELDS = { name: 'Name', minimumScore: 'Minimum Score', lowest: 'Lowest Tier' } as const;

export interface TierInput {
	name?: unknown;
	minimumScore?: unknown;
}

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** No bands configured keeps the default bands; a lowest tier left empty keeps "Reject". */
export function parseTiers(inputs: TierInput[], lowest?: unknown): Tiers {
	const bands = inputs.map((input, index) => {
		const subject = `Tier ${index + 1}`;
		const name = nonEmpty(input.name);
		if (!name) throw invalidField(subject, TIER_FIELDS.name, 'must not be empty');
		const minimumScore = parseNumber(input.minimumScore);
		if (minimumScore === null || minimumScore < 0 || minimumScore > 100) {
			const problem = `must be a number from 0 to 100 (got ${shown(input.minimumScore)})`;
			throw invalidField(subject, TIER_FIELDS.minimumScore, problem);
		}
		return { name, minimumScore };
	});
	return {
		bands: bands.length ? bands.sort((a, b) => b.minimumScore - a.minimumScore) : DEFAULT_TIERS.bands,
		lowest: nonEmpty(lowest) ?? DEFAULT_TIERS.lowest,
	};
}

/** Missing a dealbreaker puts a candidate in the lowest tier whatever the score. */
export function tierFor(score: number, passed: boolean, tiers: Tiers): string {
	if (!passed) return tiers.lowest;
	return tiers.bands.find((band) => score >= band.minimumScore)?.name ?? tiers.lowest;
}
