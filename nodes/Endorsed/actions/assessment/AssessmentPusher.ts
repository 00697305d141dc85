import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DescribedError } from '../../../shared/errors';
import {
	attachmentRemoteId,
	nominationRemoteId,
	readScoredAssessment,
	reportFileName,
	reportIsCurrent,
	reportText,
	type ScoredAssessment,
} from '../../helpers/assessment';
import { mergeCandidate, withContact, type CandidateFields } from '../../helpers/candidates';
import { summarizeEvaluations, type CriterionEvaluation } from '../../helpers/evaluationSummary';
import { describeReference, referenceSegment, type RecordReference } from '../../helpers/recordReference';
import { nominationEvaluations, readEvaluations } from '../../helpers/evaluations';
import { attachmentForm, markdownFile } from '../../helpers/files';
import { endorsedApiRequest, type EndorsedRequest } from '../../transport';

/** What one execution learns about a job and reuses for every item. */
interface JobState {
	reference: RecordReference;
	/** The job in paths: its UUID or `remote.<id>`, encoded. */
	segment: string;
	/** The prompt texts the job has as criteria. */
	prompts: Set<string>;
	/** Read only to create a nomination, which needs the job's UUID and default stage. */
	record?: { id: string; defaultStageId: string | null };
}

interface CandidateState {
	id: string;
	created: boolean;
}

interface NominationState {
	id: string;
	jobId: string;
	created: boolean;
}

export interface PushOptions {
	job: RecordReference;
	emailType: string;
	nominationStageId?: string;
	wait?: { maxWaitMs: number; intervalMs: number };
}

const remote = (value: string) => referenceSegment({ mode: 'remoteId', value });

/**
 * Pushes scored CodeSignal assessments to Endorsed, idempotently, whichever path pushes them: the candidate
 * is found by remote ID (the normalised e-mail) and written only when new or missing the e-mail; the report
 * is a PUT on a remote ID derived from the session, made only when its text changed; criteria and
 * nominations are created only when missing (409 means "exists"). The nomination's remote ID derives from
 * the job reference and the candidate. A re-push of an unchanged assessment writes nothing: it reads the
 * job's criteria (once per execution), the candidate, the report and the nomination. Sessions without a
 * final result, and deliveries the trigger flagged, are left alone.
 */
export class AssessmentPusher {
	private readonly jobs = new Map<string, JobState>();

	/** Nominations seen, by `candidateId jobSegment`. */
	private readonly nominations = new Map<string, NominationState>();

	constructor(private readonly context: IExecuteFunctions) {}

	async push(item: IDataObject, options: PushOptions, itemIndex: number): Promise<IDataObject> {
		const read = readScoredAssessment(item);
		if ('problem' in read) {
			throw new DescribedError(
				read.problem.message,
				`Field "${read.problem.field}" of the input item. Push Assessment expects the output of the CodeSignal Score node.`,
			);
		}
		if ('skip' in read) {
			this.context.logger.warn(`Push Assessment left session ${read.skip.sessionId ?? '(no id)'} alone: ${read.skip.reason}`);
			return { sessionId: read.skip.sessionId, pushed: false, reason: read.skip.reason };
		}
		const { assessment } = read;
		const job = await this.job(options.job, itemIndex);
		const criteriaCreated = await this.ensureCriteria(job, assessment.prompts, itemIndex);
		const candidate = await this.upsertCandidate(assessment, options.emailType, itemIndex);
		const report = await this.upsertReport(assessment, candidate, itemIndex);
		const nomination = await this.ensureNomination(job, candidate, assessment, options, itemIndex);
		const pushed: IDataObject = {
			sessionId: assessment.sessionId,
			pushed: true,
			job: { id: nomination.jobId },
			candidate: { id: candidate.id, remoteId: assessment.candidateRemoteId, created: candidate.created },
			report: { ...report, remoteId: attachmentRemoteId(assessment.sessionId) },
			criteriaCreated,
			nomination: { id: nomination.id, created: nomination.created },
		};
		if (!options.wait) return pushed;
		const evaluations = await readEvaluations(this.context, nominationEvaluations(nomination.id), itemIndex, options.wait);
		return {
			...pushed,
			evaluation: { ...summarizeEvaluations(evaluations), criteria: evaluations.map(evaluationOutcome) },
			ranking: await this.ranking(candidate.id, nomination.jobId, itemIndex),
		};
	}

	private async request(request: EndorsedRequest, itemIndex: number) {
		return await endorsedApiRequest.call(this.context, request, itemIndex);
	}

	/** The job's criteria, read once per execution; a 404 means Endorsed has no such job. */
	private async job(reference: RecordReference, itemIndex: number): Promise<JobState> {
		const segment = referenceSegment(reference);
		const known = this.jobs.get(segment);
		if (known) return known;
		const criteria = await this.request(
			{ method: 'GET', path: `/jobs/${segment}/criteria`, action: "list the job's criteria", expected: [404] },
			itemIndex,
		);
		if (criteria.status === 404) {
			throw new DescribedError(
				`Endorsed has no job with ${describeReference(reference)}`,
				'Check "Job", or create the job first (Job → Create or Update)',
			);
		}
		const job: JobState = {
			reference,
			segment,
			prompts: new Set((criteria.results ?? []).map((criterion) => criterion.prompt_text as string)),
		};
		this.jobs.set(segment, job);
		return job;
	}

	private async jobRecord(job: JobState, itemIndex: number): Promise<NonNullable<JobState['record']>> {
		if (!job.record) {
			const { result } = await this.request(
				{ method: 'GET', path: `/jobs/${job.segment}`, action: `get the job with ${describeReference(job.reference)}` },
				itemIndex,
			);
			job.record = {
				id: result?.id as string,
				defaultStageId: (result?.default_nomination_stage_id as string | null | undefined) ?? null,
			};
		}
		return job.record;
	}

	/** Creates the prompts the job lacks; 409 means another run created one meanwhile. */
	private async ensureCriteria(job: JobState, prompts: string[], itemIndex: number): Promise<string[]> {
		const created: string[] = [];
		for (const prompt of prompts.filter((text) => !job.prompts.has(text))) {
			const answer = await this.request(
				{
					method: 'POST',
					path: `/jobs/${job.segment}/criteria`,
					body: { prompt_text: prompt },
					action: 'create the job criterion',
					expected: [409],
				},
				itemIndex,
			);
			job.prompts.add(prompt);
			if (answer.status !== 409) created.push(prompt);
		}
		return created;
	}

	/**
	 * A new candidate gets the session's name and e-mail; an existing one keeps everything Endorsed has
	 * (PUT replaces the whole record, so it is sent back whole) and only gains the e-mail if missing.
	 */
	private async upsertCandidate(
		assessment: ScoredAssessment,
		emailType: string,
		itemIndex: number,
	): Promise<CandidateState> {
		const path = `/candidates/${remote(assessment.candidateRemoteId)}`;
		const found = await this.request({ method: 'GET', path, action: 'get the candidate', expected: [404] }, itemIndex);
		const stored = found.status === 404 ? undefined : found.result;
		const names: Partial<CandidateFields> = stored
			? {}
			: {
					first_name: assessment.firstName,
					...(assessment.lastName ? { last_name: assessment.lastName } : {}),
					remote_id: assessment.candidateRemoteId,
				};
		const emails = withContact(
			stored?.email_addresses as CandidateFields['email_addresses'],
			assessment.email,
			emailType,
		);
		const { body, changed } = mergeCandidate(stored, { ...names, email_addresses: emails });
		if (stored && !changed) return { id: stored.id as string, created: false };
		const written = await this.request(
			{ method: 'PUT', path, body: body as IDataObject, action: 'write the candidate' },
			itemIndex,
		);
		return { id: (stored?.id ?? written.result?.id) as string, created: !stored };
	}

	/**
	 * The report is an attachment of type "about": Endorsed has no assessment type, and "about" is the
	 * one meant for anything about the candidate beyond resume, work history and preferences. A report that
	 * is already there as this push would write it is left alone: no write, no re-evaluation in Endorsed.
	 */
	private async upsertReport(assessment: ScoredAssessment, candidate: CandidateState, itemIndex: number) {
		const remoteId = attachmentRemoteId(assessment.sessionId);
		// A candidate created just now has no report yet (one filed under another candidate is moved by the write).
		if (!candidate.created) {
			const stored = await this.request(
				{ method: 'GET', path: `/attachments/${remote(remoteId)}`, action: 'get the assessment report', expected: [404] },
				itemIndex,
			);
			const { result } = stored;
			if (result && result.candidate_id === candidate.id && reportIsCurrent(result.file_name, assessment)) {
				return { id: result.id as string, created: false, written: false };
			}
		}
		const file = markdownFile(reportText(assessment), reportFileName(assessment));
		const answer = await this.request(
			{
				method: 'PUT',
				path: `/attachments/${remote(remoteId)}`,
				body: attachmentForm(file, { candidate_id: candidate.id, remote_id: remoteId, type: 'about' }),
				action: 'upload the assessment report',
			},
			itemIndex,
		);
		return { id: answer.result?.id as string, created: answer.status === 201, written: true };
	}

	private async ensureNomination(
		job: JobState,
		candidate: CandidateState,
		assessment: ScoredAssessment,
		options: PushOptions,
		itemIndex: number,
	): Promise<NominationState> {
		const key = `${candidate.id} ${job.segment}`;
		const seen = this.nominations.get(key);
		if (seen) return { ...seen, created: false };
		const remoteId = nominationRemoteId(decodeURIComponent(job.segment), assessment.candidateRemoteId);
		// A candidate created just now cannot have been nominated by an earlier push.
		if (!candidate.created) {
			const found = await this.request(
				{ method: 'GET', path: `/nominations/${remote(remoteId)}`, action: 'get the nomination', expected: [404] },
				itemIndex,
			);
			if (found.result?.id) {
				return this.remember(key, {
					id: found.result.id as string,
					jobId: found.result.job_id as string,
					created: false,
				});
			}
		}
		const record = await this.jobRecord(job, itemIndex);
		const stageId = options.nominationStageId || record.defaultStageId;
		if (!stageId) {
			throw new DescribedError(
				'The job has no default nomination stage to nominate the candidate in',
				'Set "Nomination Stage ID" under Options, or give the job a default nomination stage (Job → Create or Update)',
			);
		}
		const created = await this.request(
			{
				method: 'POST',
				path: '/nominations',
				body: {
					job_id: record.id,
					candidate_id: candidate.id,
					current_nomination_stage_id: stageId,
					remote_id: remoteId,
				},
				action: 'nominate the candidate to the job',
				expected: [409],
			},
			itemIndex,
		);
		if (created.status !== 409) {
			return this.remember(key, { id: created.result?.id as string, jobId: record.id, created: true });
		}
		// Nominated by someone else (e.g. Endorsed's auto-nomination): the ranking names the nomination.
		const ranked = await this.ranking(candidate.id, record.id, itemIndex);
		if (typeof ranked.nomination_id !== 'string') {
			throw new DescribedError('Endorsed says the candidate is nominated to the job, but the nomination could not be found');
		}
		return this.remember(key, { id: ranked.nomination_id, jobId: record.id, created: false });
	}

	private remember(key: string, nomination: NominationState): NominationState {
		this.nominations.set(key, nomination);
		return nomination;
	}

	private async ranking(candidateId: string, jobId: string, itemIndex: number): Promise<IDataObject> {
		const { result } = await this.request(
			{
				method: 'GET',
				path: `/candidate_rankings/${candidateId}`,
				qs: { filter_job_id: jobId },
				action: "read the candidate's ranking",
			},
			itemIndex,
		);
		return result ?? {};
	}
}

function evaluationOutcome({ criterion, evaluation }: CriterionEvaluation): IDataObject {
	return {
		prompt: criterion.prompt_text,
		state: evaluation.state,
		met: evaluation.result?.is_criterion_met ?? null,
		explanation: evaluation.result?.explanation ?? evaluation.error?.message ?? null,
	};
}
