import { findStatement, normalizePrompt, overallScore, parseReport } from '../../../sandbox/endorsed/report';

const PROMPT = 'Scored at least 70% on the CodeSignal Backend assessment';

describe('parseReport', () => {
	test('reads MET and NOT MET lines whatever their bullets, emoji, case or markdown', () => {
		const text = [
			'# CodeSignal report',
			`- ✅ MET: ${PROMPT}`,
			'* [x] met: Solved all 4 tasks.',
			'1. ❌ NOT MET: "Verified result"',
			'**NOT MET:** Knows Rust',
			'Metrics: not a statement',
		].join('\n');

		const { statements } = parseReport(text);

		const verdicts = [...statements.entries()].map(([prompt, found]) => [prompt, found.map((s) => s.verdict)]);

		expect(verdicts).toEqual([
			[normalizePrompt(PROMPT), ['met']],
			['solved all 4 tasks', ['met']],
			['verified result', ['not_met']],
			['knows rust', ['not_met']],
		]);
		expect(statements.get(normalizePrompt(PROMPT))?.[0].line).toBe(`- ✅ MET: ${PROMPT}`);
	});

	test('reads the overall score, keeping the best one and capping it at 100', () => {
		expect(parseReport('Overall score: 72/100\n- Overall Score: 88.5 / 100').overallScore).toBe(88.5);
		expect(parseReport('Overall score: 140/100').overallScore).toBe(100);
		expect(parseReport('Overall score: 72').overallScore).toBeNull();
		expect(overallScore([parseReport('Overall score: 40/100'), parseReport('no score')])).toBe(40);
		expect(overallScore([])).toBe(0);
	});
});

describe('findStatement', () => {
	test('matches prompts ignoring case, spacing and a trailing period', () => {
		const report = parseReport(`MET:   ${PROMPT.toUpperCase()}.`);

		expect(findStatement(`  ${PROMPT} `, [report])?.verdict).toBe('met');
		expect(findStatement('Scored at least 80% on the CodeSignal Backend assessment', [report])).toBeUndefined();
	});

	test('one attachment saying MET is enough; a FAILED hook wins over both', () => {
		const notMet = parseReport(`NOT MET: ${PROMPT}`);
		const met = parseReport(`MET: ${PROMPT}`);
		const failed = parseReport(`EVALUATION FAILED: ${PROMPT}`);

		expect(findStatement(PROMPT, [notMet, met])?.verdict).toBe('met');
		expect(findStatement(PROMPT, [notMet])?.verdict).toBe('not_met');
		expect(findStatement(PROMPT, [met, failed])?.verdict).toBe('failed');
	});
});
