import { normalizePrompt, parseReport } from '../../../../sandbox/endorsed/report';
import { normalizeSession } from '../../../../nodes/shared/codesignal/sessions';
import { parseCriteria, type CriterionInput } from '../../../../nodes/CodeSignalScore/scoring/criteria';
import { assessSession } from '../../../../nodes/CodeSignalScore/scoring/evaluate';
import { buildAssessmentReport } from '../../../../nodes/CodeSignalScore/scoring/report';
import { DEFAULT_TIERS } from '../../../../nodes/CodeSignalScore/scoring/tiers';
import { pendingSession, rawSession, session } from './sessionFixtures';

const CRITERIA: CriterionInput[] = [
	{ metric: 'scorePercent', comparison: 'gte', threshold: 70, weight: 2, required: true },
	{ metric: 'codingScore', comparison: 'gte', threshold: 500 },
	{ metric: 'language', comparison: 'used', threshold: 'Python', label: 'Python' },
	{ metric: 'verificationStatus', comparison: 'is', threshold: 'verified' },
];

function reportFor(item = session(), inputs = CRITERIA) {
	const assessment = assessSession(item, parseCriteria(inputs), DEFAULT_TIERS);
	return { assessment, report: buildAssessmentReport(item, assessment) };
}

const section = (report: string, heading: string) => {
	const start = report.indexOf(`## ${heading}\n`);
	const end = report.indexOf('\n## ', start + 1);
	return report.slice(start, end === -1 ? undefined : end).trimEnd();
};

describe('buildAssessmentReport', () => {
	it('describes the candidate and the assessment', () => {
		const { report } = reportFor(session({}, {}));
		expect(report.startsWith('# CodeSignal assessment: Jane Doe\n')).toBe(true);
		expect(section(report, 'Candidate')).toBe(['## Candidate', '- Name: Jane Doe', '- E-mail: jane.doe@example.com'].join('\n'));
		expect(section(report, 'Assessment')).toBe(
			[
				'## Assessment',
				'- Test: Backend Engineer Assessment',
				'- Session: session-1 (status: over)',
				'- Finished: 2026-03-02T10:58:00.000Z',
				'- Score: 720/1000 (72%)',
				'- Coding score: 480 (range 200–600)',
				'- Solved tasks: 3 of 4',
				'- Languages: Python, SQL',
				'- Verification: verified',
				'- Integrity: no flag',
				'- Time taken: 58 minutes',
			].join('\n'),
		);
	});

	it('writes one MET / NOT MET line per criterion with the exact prompt, and the overall score', () => {
		const { assessment, report } = reportFor();
		expect(assessment.score).toBe(80);
		expect(section(report, 'Criteria')).toBe(
			[
				'## Criteria',
				'- MET: Scored at least 70% on the CodeSignal Backend Engineer Assessment',
				'  - Actual: 72% (Score ≥ 70%, weight 2, required)',
				'- NOT MET: Achieved a coding score of at least 500 on the CodeSignal Backend Engineer Assessment',
				'  - Reason: Got 480, needed at least 500 (Coding score ≥ 500, weight 1)',
				'- MET: Used Python in the CodeSignal Backend Engineer Assessment',
				'  - Actual: used Python, SQL (Python, weight 1)',
				"- MET: Passed CodeSignal's proctoring verification for the CodeSignal Backend Engineer Assessment",
				'  - Actual: verified (Proctoring verified, weight 1)',
				'',
				'Overall score: 80/100',
				'Tier: Strong',
				'Passed: yes, every required criterion is met',
			].join('\n'),
		);
		for (const criterion of assessment.criteria) {
			expect(report.split('\n')).toContain(`- ${criterion.met ? 'MET' : 'NOT MET'}: ${criterion.prompt}`);
		}
	});

	it('rounds the overall score to a whole number', () => {
		const { assessment, report } = reportFor(session(), [
			{ metric: 'scorePercent', comparison: 'gte', threshold: 70 },
			{ metric: 'scorePercent', comparison: 'gte', threshold: 71 },
			{ metric: 'scorePercent', comparison: 'gte', threshold: 90 },
		]);
		expect(assessment.score).toBe(66.67);
		expect(report).toContain('\nOverall score: 67/100\n');
	});

	it('is read by the Endorsed sandbox evaluator as intended, and nothing else reads as a statement', () => {
		const { assessment, report } = reportFor();
		const parsed = parseReport(report);
		expect(parsed.overallScore).toBe(80);
		expect(parsed.statements.size).toBe(assessment.criteria.length);
		for (const criterion of assessment.criteria) {
			const statements = parsed.statements.get(normalizePrompt(criterion.prompt)) ?? [];
			expect(statements.map((statement) => statement.verdict)).toEqual([criterion.met ? 'met' : 'not_met']);
		}
	});

	it('says why values are missing for a session without a result', () => {
		const { report } = reportFor(pendingSession());
		expect(section(report, 'Assessment')).toContain(
			[
				'- Finished: not finished',
				'- Score: No result yet: the session is pending',
				'- Coding score: No result yet: the session is pending',
				'- Solved tasks: No result yet: the session is pending',
				'- Languages: No result yet: the session is pending',
				'- Verification: not proctored',
				'- Integrity: No result yet: the session is pending',
				'- Time taken: No result yet: the session is pending',
			].join('\n'),
		);
		expect(report).toContain('- NOT MET: Scored at least 70% on the CodeSignal Backend Engineer Assessment\n  - Reason: No result yet: the session is pending');
		expect(report).toContain('\nOverall score: 0/100\nTier: Reject\nPassed: no, a required criterion is not met\n');
	});

	it('shows a score without a maximum, and a coding score without a range', () => {
		const item = session({ maxScore: null, test: { id: 't', title: 'Backend' } });
		const { report } = reportFor(item);
		expect(report).toContain('- Score: 720 (no maximum score)\n');
		expect(report).toContain('- Coding score: 480\n');
	});

	it('leaves out the external id (Push Assessment adds it) and never carries the result link', () => {
		const item = {
			...normalizeSession(rawSession({}, { url: 'https://app.codesignal.com/test-result/abc?accessToken=secret-token' }), {
				detail: 'results',
				includeResultUrl: true,
			}),
			externalId: 'ats-42',
		};
		const { report } = reportFor(item);
		expect(report).not.toContain('ats-42');
		expect(report).not.toContain('secret-token');
		expect(report).not.toContain('test-result');
	});

	it('gives the same text for the same session, so re-pushing it changes nothing', () => {
		expect(reportFor().report).toBe(reportFor().report);
		const inBerlin = normalizeSession(rawSession(), { detail: 'results', timeZone: 'Europe/Berlin' });
		const inNewYork = normalizeSession(rawSession(), { detail: 'results', timeZone: 'America/New_York' });
		expect(reportFor(inBerlin).report).toBe(reportFor(inNewYork).report);
	});
});
