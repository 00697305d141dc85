import { parseCriteria, parseCriterion, ScoringConfigError } from '../../../../nodes/CodeSignalScore/scoring/criteria';

function configError(run: () => unknown): ScoringConfigError {
	try {
		run();
	} catch (error) {
		if (error instanceof ScoringConfigError) return error;
		throw error;
	}
	throw new Error('expected a ScoringConfigError');
}

describe('parseCriterion', () => {
	it('reads a numeric criterion, accepting numbers written as text', () => {
		expect(parseCriterion({ metric: 'scorePercent', comparison: 'gte', threshold: ' 70 ', weight: '2', required: true, label: ' Good score ' }, 1)).toEqual({
			metric: 'scorePercent',
			comparison: 'gte',
			threshold: 70,
			weight: 2,
			required: true,
			label: 'Good score',
		});
	});

	it('reads language, verification and integrity criteria', () => {
		expect(parseCriterion({ metric: 'language', comparison: 'notUsed', threshold: ' Go ' }, 1)).toMatchObject({
			metric: 'language',
			comparison: 'notUsed',
			threshold: 'Go',
		});
		expect(parseCriterion({ metric: 'verificationStatus', comparison: 'is', threshold: 'notVerified' }, 1)).toMatchObject({
			comparison: 'is',
			threshold: 'notVerified',
		});
		expect(parseCriterion({ metric: 'integrityFlag', comparison: 'is', threshold: 'flagged' }, 1)).toMatchObject({
			comparison: 'is',
			threshold: 'flagged',
		});
	});

	it('gives a weight of 1, not required and no label when those are left empty', () => {
		expect(parseCriterion({ metric: 'score', comparison: 'lt', threshold: 0, weight: '', label: '  ' }, 1)).toEqual({
			metric: 'score',
			comparison: 'lt',
			threshold: 0,
			weight: 1,
			required: false,
			label: null,
		});
	});

	it.each([
		[{ metric: 'iq', comparison: 'gte', threshold: 1 }, 'Metric', 'Criterion 3: Metric must be one of scorePercent, score, codingScore, solvedTaskCount, solvedTaskShare, timeTakenMinutes, language, verificationStatus, integrityFlag (got "iq")'],
		[{ metric: 'score', comparison: 'gte', threshold: 'abc' }, 'Threshold', 'Criterion 3: Threshold must be a number (got "abc")'],
		[{ metric: 'score', comparison: 'gte', threshold: '' }, 'Threshold', 'Criterion 3: Threshold must be a number (got "")'],
		[{ metric: 'score', comparison: 'gte', threshold: Number.NaN }, 'Threshold', 'Criterion 3: Threshold must be a number (got NaN)'],
		[{ metric: 'score', comparison: 'used', threshold: 1 }, 'Comparison', 'Criterion 3: Comparison must be one of gte, gt, lte, lt, eq, neq (got "used")'],
		[{ metric: 'score', comparison: 'gte', threshold: 1, weight: -1 }, 'Weight', 'Criterion 3: Weight must be a number of 0 or more (got -1)'],
		[{ metric: 'score', comparison: 'gte', threshold: 1, weight: 'heavy' }, 'Weight', 'Criterion 3: Weight must be a number of 0 or more (got "heavy")'],
		[{ metric: 'score', comparison: 'gte', threshold: 1, required: 'yes' }, 'Required', 'Criterion 3: Required must be true or false (got "yes")'],
		[{ metric: 'language', comparison: 'used', threshold: ' ' }, 'Language', 'Criterion 3: Language must name a language such as Python (got " ")'],
		[{ metric: 'language', comparison: 'gte', threshold: 'Go' }, 'Usage', 'Criterion 3: Usage must be one of used, notUsed (got "gte")'],
		[{ metric: 'verificationStatus', comparison: 'is', threshold: 'ok' }, 'Verification Status', 'Criterion 3: Verification Status must be one of verified, notVerified, pending (got "ok")'],
		[{ metric: 'integrityFlag', comparison: 'is', threshold: true }, 'Integrity', 'Criterion 3: Integrity must be one of notFlagged, flagged (got true)'],
	])('names the criterion and the field: %j', (input, field, message) => {
		const error = configError(() => parseCriterion(input, 3));
		expect(error.message).toBe(message);
		expect(error.field).toBe(field);
		expect(error.subject).toBe('Criterion 3');
	});

	it('names a labelled criterion by its label too', () => {
		const error = configError(() => parseCriterion({ metric: 'score', comparison: 'gte', threshold: 'x', label: 'Points' }, 2));
		expect(error.message).toBe('Criterion 2 ("Points"): Threshold must be a number (got "x")');
	});
});

describe('parseCriteria', () => {
	it('numbers criteria from 1 in the order given', () => {
		const error = configError(() =>
			parseCriteria([
				{ metric: 'score', comparison: 'gte', threshold: 1 },
				{ metric: 'score', comparison: 'gte', threshold: 'one' },
			]),
		);
		expect(error.subject).toBe('Criterion 2');
	});

	it('refuses an empty list and weights that are all 0', () => {
		expect(configError(() => parseCriteria([])).message).toBe('Add at least one criterion: the Criteria list is empty');
		const error = configError(() =>
			parseCriteria([
				{ metric: 'score', comparison: 'gte', threshold: 1, weight: 0 },
				{ metric: 'language', comparison: 'used', threshold: 'Go', weight: '0' },
			]),
		);
		expect(error.field).toBe('Weight');
		expect(error.message).toMatch(/^Criteria: every Weight is 0/);
	});

	it('accepts a weight of 0 next to positive ones', () => {
		const criteria = parseCriteria([
			{ metric: 'score', comparison: 'gte', threshold: 1, weight: 0 },
			{ metric: 'score', comparison: 'gte', threshold: 2, weight: 3 },
		]);
		expect(criteria.map((criterion) => criterion.weight)).toEqual([0, 3]);
	});
});
