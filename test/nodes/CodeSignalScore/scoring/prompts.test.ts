import { parseCriterion, type CriterionInput } from '../../../../nodes/CodeSignalScore/scoring/criteria';
import { assessmentName, criterionLabel, criterionPrompt } from '../../../../nodes/CodeSignalScore/scoring/prompts';

const criterion = (input: CriterionInput) => parseCriterion(input, 1);
const TITLE = 'Backend Engineer Assessment';

describe('assessmentName', () => {
	it.each([
		['Backend Engineer Assessment', 'the CodeSignal Backend Engineer Assessment'],
		['Backend', 'the CodeSignal Backend assessment'],
		['CodeSignal General Coding Assessment', 'the CodeSignal General Coding Assessment'],
		['  Data   Engineer\n', 'the CodeSignal Data Engineer assessment'],
		[null, 'the CodeSignal assessment'],
		['', 'the CodeSignal assessment'],
	])('%j → %s', (title, name) => {
		expect(assessmentName(title)).toBe(name);
	});
});

describe('criterionPrompt', () => {
	it.each([
		[{ metric: 'scorePercent', comparison: 'gte', threshold: 70 }, 'Scored at least 70% on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'score', comparison: 'gt', threshold: 350 }, 'Scored more than 350 points on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'codingScore', comparison: 'gte', threshold: 450 }, 'Achieved a coding score of at least 450 on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'solvedTaskCount', comparison: 'gte', threshold: 1 }, 'Solved at least 1 task on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'solvedTaskCount', comparison: 'eq', threshold: 4 }, 'Solved exactly 4 tasks on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'solvedTaskShare', comparison: 'lt', threshold: 50 }, 'Solved less than 50% of the tasks on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'timeTakenMinutes', comparison: 'lte', threshold: 60 }, 'Took at most 60 minutes to complete the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'scorePercent', comparison: 'neq', threshold: 0 }, 'Scored anything but 0% on the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'language', comparison: 'used', threshold: 'py3' }, 'Used Python in the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'language', comparison: 'notUsed', threshold: 'Elixir' }, 'Did not use Elixir in the CodeSignal Backend Engineer Assessment'],
		[{ metric: 'verificationStatus', comparison: 'is', threshold: 'verified' }, "Passed CodeSignal's proctoring verification for the CodeSignal Backend Engineer Assessment"],
		[{ metric: 'verificationStatus', comparison: 'is', threshold: 'notVerified' }, "Did not pass CodeSignal's proctoring verification for the CodeSignal Backend Engineer Assessment"],
		[{ metric: 'verificationStatus', comparison: 'is', threshold: 'pending' }, "Has CodeSignal's proctoring verification pending for the CodeSignal Backend Engineer Assessment"],
		[{ metric: 'integrityFlag', comparison: 'is', threshold: 'notFlagged' }, 'Completed the CodeSignal Backend Engineer Assessment without being flagged for integrity review'],
		[{ metric: 'integrityFlag', comparison: 'is', threshold: 'flagged' }, 'Was flagged for integrity review on the CodeSignal Backend Engineer Assessment'],
	])('%j', (input, prompt) => {
		expect(criterionPrompt(criterion(input), TITLE)).toBe(prompt);
	});

	it('does not depend on the label, so every candidate of a test shares the prompt', () => {
		const input = { metric: 'scorePercent', comparison: 'gte', threshold: 70 };
		expect(criterionPrompt(criterion({ ...input, label: 'Good' }), 'Backend')).toBe(criterionPrompt(criterion(input), 'Backend'));
	});
});

describe('criterionLabel', () => {
	it.each([
		[{ metric: 'scorePercent', comparison: 'gte', threshold: 70 }, 'Score ≥ 70%'],
		[{ metric: 'timeTakenMinutes', comparison: 'lte', threshold: 60 }, 'Time taken ≤ 60 minutes'],
		[{ metric: 'codingScore', comparison: 'neq', threshold: 0 }, 'Coding score ≠ 0'],
		[{ metric: 'language', comparison: 'notUsed', threshold: 'cpp' }, 'Does not use C++'],
		[{ metric: 'verificationStatus', comparison: 'is', threshold: 'verified' }, 'Proctoring verified'],
		[{ metric: 'integrityFlag', comparison: 'is', threshold: 'notFlagged' }, 'No integrity flag'],
		[{ metric: 'score', comparison: 'gte', threshold: 1, label: 'Any points' }, 'Any points'],
	])('%j → %s', (input, label) => {
		expect(criterionLabel(criterion(input))).toBe(label);
	});
});
