/**
 * The attachment-text conventions the sandbox's evaluator reads (the stand-in for Endorsed's AI):
 *   MET: <criterion prompt text>
 *   NOT MET: <criterion prompt text>
 *   EVALUATION FAILED: <criterion prompt text>   (test hook: the evaluation ends in state FAILED)
 *   Overall score: 87/100
 * One statement per line, case-insensitive, anywhere in the text. Leading bullets, numbering, check
 * boxes and emoji ("- ", "* ", "1. ", "[x] ", "✅ ") and markdown asterisks are ignored; prompts match
 * after trimming, collapsing spaces, dropping surrounding quotes and a trailing period.
 */

export type Verdict = 'met' | 'not_met' | 'failed';

export interface Statement {
	verdict: Verdict;
	/** The line as written, quoted in the evaluation's explanation. */
	line: string;
}

export interface ParsedReport {
	/** Keyed by normalizePrompt(prompt). */
	statements: Map<string, Statement[]>;
	overallScore: number | null;
}

const STATEMENT = /^(evaluation failed|not met|met)\s*:\s*(.+)$/i;
const OVERALL_SCORE = /^overall score\s*:\s*(\d+(?:\.\d+)?)\s*\/\s*100\b/i;
const VERDICTS: Record<string, Verdict> = { met: 'met', 'not met': 'not_met', 'evaluation failed': 'failed' };

export function normalizePrompt(text: string): string {
	return text
		.toLowerCase()
		.replace(/\*/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^["'“‘](.*)["'”’]$/, '$1')
		.replace(/\.$/, '')
		.trim();
}

export function parseReport(text: string): ParsedReport {
	const statements = new Map<string, Statement[]>();
	let overallScore: number | null = null;
	for (const rawLine of text.split(/\r?\n/)) {
		const line = rawLine.trim();
		// Everything before the first letter is decoration: bullets, numbering, check boxes, emoji, markdown.
		const content = line
			.replace(/\*/g, '')
			.replace(/^[^\p{L}]*\[[ xX]?\]/u, '')
			.replace(/^[^\p{L}]+/u, '');
		const statement = STATEMENT.exec(content);
		if (statement) {
			const key = normalizePrompt(statement[2]);
			const verdict = VERDICTS[statement[1].toLowerCase().replace(/\s+/g, ' ')];
			statements.set(key, [...(statements.get(key) ?? []), { verdict, line }]);
			continue;
		}
		const overall = OVERALL_SCORE.exec(content);
		if (overall) overallScore = Math.max(overallScore ?? 0, Math.min(100, Number(overall[1])));
	}
	return { statements, overallScore };
}

/**
 * What a candidate's attachments say about one criterion: a FAILED hook wins, then any MET line
 * (one attachment showing the criterion is enough), then NOT MET; undefined when none mentions it.
 */
export function findStatement(prompt: string, reports: ParsedReport[]): Statement | undefined {
	const found = reports.flatMap((report) => report.statements.get(normalizePrompt(prompt)) ?? []);
	for (const verdict of ['failed', 'met', 'not_met'] as const) {
		const statement = found.find((candidate) => candidate.verdict === verdict);
		if (statement) return statement;
	}
	return undefined;
}

/** The best overall score any attachment states, 0 when none does. */
export function overallScore(reports: ParsedReport[]): number {
	return Math.max(0, ...reports.map((report) => report.overallScore ?? 0));
}
