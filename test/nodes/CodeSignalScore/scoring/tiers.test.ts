import { ScoringConfigError } from '../../../../nodes/CodeSignalScore/scoring/criteria';
import { DEFAULT_TIERS, parseTiers, tierFor } from '../../../../nodes/CodeSignalScore/scoring/tiers';

describe('tiers', () => {
	it('defaults to Strong from 80, Consider from 60, else Reject', () => {
		expect([100, 80, 79.99, 60, 59.99, 0].map((score) => tierFor(score, true, DEFAULT_TIERS))).toEqual([
			'Strong',
			'Strong',
			'Consider',
			'Consider',
			'Reject',
			'Reject',
		]);
		expect(parseTiers([])).toEqual(DEFAULT_TIERS);
	});

	it('takes configured bands in any order, and a lowest tier of their own', () => {
		const tiers = parseTiers(
			[
				{ name: 'Maybe', minimumScore: '50' },
				{ name: ' Top ', minimumScore: 90 },
				{ name: 'Good', minimumScore: 70 },
			],
			'No',
		);
		expect(tiers.bands.map((band) => band.name)).toEqual(['Top', 'Good', 'Maybe']);
		expect([95, 90, 75, 50, 49].map((score) => tierFor(score, true, tiers))).toEqual(['Top', 'Top', 'Good', 'Maybe', 'No']);
		expect(parseTiers([], '  ').lowest).toBe('Reject');
	});

	it('puts a candidate who misses a dealbreaker in the lowest tier', () => {
		expect(tierFor(100, false, DEFAULT_TIERS)).toBe('Reject');
	});

	it.each([
		[{ name: '', minimumScore: 50 }, 'Tier 1: Name must not be empty'],
		[{ name: 'Top', minimumScore: 101 }, 'Tier 1: Minimum Score must be a number from 0 to 100 (got 101)'],
		[{ name: 'Top', minimumScore: 'high' }, 'Tier 1: Minimum Score must be a number from 0 to 100 (got "high")'],
	])('names the tier and field of a bad band: %j', (band, message) => {
		expect(() => parseTiers([band])).toThrow(ScoringConfigError);
		expect(() => parseTiers([band])).toThrow(message);
	});
});
