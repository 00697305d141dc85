import { createHash } from 'crypto';
import { DateTime } from 'luxon';
import { Collection } from './collection';
import { evaluateNomination, type CriterionEvaluation } from './evaluation';
import { jobScore, sortRankings, textScore, type RankingEntry } from './ranking';
import type {
	AttachmentRecord,
	CandidateRecord,
	CandidateTagRecord,
	CriterionRecord,
	JobRecord,
	JobTagRecord,
	NominationRecord,
	NominationStageRecord,
	TagRecord,
} from './records';
import { overallScore, parseReport, type ParsedReport } from './report';
import { TokenRegistry } from './tokens';

export interface SandboxClient {
	clientId: string;
	clientSecret: string;
	scopes?: string[];
}

export interface StoreOptions {
	clients: SandboxClient[];
	tokenTtlSeconds: number;
	evaluationDelayMs: number;
	now: () => number;
}

/** Everything the sandbox holds, for its routes and for in-process tests. */
export class EndorsedStore {
	readonly jobs = new Collection<JobRecord>('job');
	readonly criteria = new Collection<CriterionRecord>('criterion');
	readonly stages = new Collection<NominationStageRecord>('nomination stage');
	readonly candidates = new Collection<CandidateRecord>('candidate');
	readonly nominations = new Collection<NominationRecord>('nomination');
	readonly attachments = new Collection<AttachmentRecord>('attachment');
	readonly tags = new Collection<TagRecord>('tag');
	readonly candidateTags = new Collection<CandidateTagRecord>('candidate tag');
	readonly jobTags = new Collection<JobTagRecord>('job tag');
	readonly tokens: TokenRegistry;
	readonly clients: SandboxClient[];
	readonly now: () => number;
	private readonly evaluationDelayMs: number;
	/** Per candidate id: when an attachment of theirs was last created, replaced or deleted (epoch ms). */
	private readonly attachmentsChangedAt = new Map<string, number>();
	private idCounter = 0;

	constructor(options: StoreOptions) {
		this.clients = options.clients;
		this.now = options.now;
		this.evaluationDelayMs = options.evaluationDelayMs;
		this.tokens = new TokenRegistry(options.tokenTtlSeconds, options.now);
	}

	/** A UUID derived from a counter: the same calls give the same ids in every run. */
	newId(): string {
		const hex = [...createHash('sha1').update(`endorsed-sandbox:${++this.idCounter}`).digest('hex').slice(0, 32)];
		hex[12] = '5'; // version 5: name-based
		hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
		return hex.join('').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
	}

	timestamp(): string {
		return DateTime.fromMillis(this.now(), { zone: 'utc' }).toISO() as string;
	}

	revokeAllTokens(): void {
		this.tokens.revokeAll();
	}

	expireToken(token: string): void {
		this.tokens.expire(token);
	}

	criteriaOf(jobId: string): CriterionRecord[] {
		return this.criteria.filter((criterion) => criterion.job_id === jobId);
	}

	attachmentsOf(candidateId: string): AttachmentRecord[] {
		return this.attachments.filter((attachment) => attachment.candidate_id === candidateId);
	}

	nominationOf(candidateId: string, jobId: string): NominationRecord | undefined {
		return this.nominations.filter((n) => n.candidate_id === candidateId && n.job_id === jobId)[0];
	}

	/** Call after any write to a candidate's attachments: their evaluations start over. */
	attachmentsChanged(candidateId: string | null): void {
		if (candidateId) this.attachmentsChangedAt.set(candidateId, this.now());
	}

	addNomination(fields: Omit<NominationRecord, 'id' | 'created_at' | 'updated_at'>): NominationRecord {
		const now = this.timestamp();
		return this.nominations.insert({ id: this.newId(), ...fields, created_at: now, updated_at: now });
	}

	/** What Endorsed does when a candidate gets an attachment: nominate them to every open job that asks for it. */
	autoNominate(candidateId: string): void {
		const jobs = this.jobs.filter(
			(job) => job.status === 'open' && job.auto_evaluation_behavior === 'auto_nominate_and_evaluate_candidates',
		);
		for (const job of jobs.filter((j) => !this.nominationOf(candidateId, j.id))) {
			this.addNomination({
				remote_id: null,
				job_id: job.id,
				candidate_id: candidateId,
				current_nomination_stage_id: job.default_nomination_stage_id,
				applied_at: null,
			});
		}
	}

	evaluations(nominationRef: string): CriterionEvaluation[] {
		const nomination = this.nominations.require(nominationRef);
		const attachmentsChangedAt = this.attachmentsChangedAt.get(nomination.candidate_id) ?? 0;
		return evaluateNomination({
			criteria: this.criteriaOf(nomination.job_id),
			reports: this.reportsOf(nomination.candidate_id),
			inputsChangedAt: Math.max(Date.parse(nomination.updated_at), attachmentsChangedAt),
			delayMs: this.evaluationDelayMs,
			now: this.now(),
		});
	}

	/** The job's nominated candidates, best first. */
	rankings(jobRef: string): RankingEntry[] {
		const job = this.jobs.require(jobRef);
		const entries = this.nominations
			.filter((nomination) => nomination.job_id === job.id)
			.map((nomination) => {
				const candidate = this.candidates.require(nomination.candidate_id);
				const score = jobScore(this.evaluations(nomination.id), this.settledOverallScore(candidate.id));
				return this.entry(candidate, nomination, score);
			});
		return sortRankings(entries);
	}

	/** Candidates whose attachments contain the query's words, best first (for q and similar-candidate searches). */
	rankByText(query: string, excludeCandidateId?: string): RankingEntry[] {
		const entries = this.candidates
			.filter((candidate) => candidate.id !== excludeCandidateId)
			.map((candidate) => this.entry(candidate, null, textScore(query, this.textOf(candidate.id))))
			.filter((entry) => entry.score > 0);
		return sortRankings(entries);
	}

	textOf(candidateId: string): string {
		return this.attachmentsOf(candidateId)
			.map((attachment) => attachment.text)
			.join('\n');
	}

	private entry(candidate: CandidateRecord, nomination: NominationRecord | null, score: number): RankingEntry {
		return {
			score,
			candidate_id: candidate.id,
			candidate_remote_id: candidate.remote_id,
			summary_id: null,
			nomination_id: nomination?.id ?? null,
		};
	}

	private reportsOf(candidateId: string): ParsedReport[] {
		return this.attachmentsOf(candidateId).map((attachment) => parseReport(attachment.text));
	}

	/** The overall score counts once the attachments' evaluation delay has passed, like the criteria. */
	private settledOverallScore(candidateId: string): number {
		const changedAt = this.attachmentsChangedAt.get(candidateId) ?? 0;
		return this.now() < changedAt + this.evaluationDelayMs ? 0 : overallScore(this.reportsOf(candidateId));
	}
}
