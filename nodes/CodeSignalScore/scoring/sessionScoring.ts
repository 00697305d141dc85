/** The `scoring` field added to each session item. */
import type { SessionItem } from '../../shared/codesignal/sessions';
import type { Assessment } from './evaluate';
import type { Rank } from './ranking';
import { buildAssessmentReport } from './report';

export interface SessionScoring extends Assessment, Rank {
	/** Each criterion as an Endorsed boolean prompt, in criteria order. */
	prompts: string[];
	/** Markdown report of the assessment and the criteria outcome. */
	report: string;
}

export function sessionScoring(session: SessionItem, assessment: Assessment, rank: Rank): SessionScoring {
	return {
		score: assessment.score,
		passed: assessment.passed,
		tier: assessment.tier,
		rank: rank.rank,
		rankOutOf: rank.rankOutOf,
		percentile: rank.percentile,
		criteria: assessment.criteria,
		prompts: assessment.criteria.map((criterion) => criterion.prompt),
		report: buildAssessmentReport(session, assessment),
	};
}
