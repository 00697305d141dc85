import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as assessment from './actions/assessment/Assessment.resource';
import * as attachment from './actions/attachment/Attachment.resource';
import * as candidate from './actions/candidate/Candidate.resource';
import * as candidateTag from './actions/candidateTag/CandidateTag.resource';
import * as criterionEvaluation from './actions/criterionEvaluation/CriterionEvaluation.resource';
import * as job from './actions/job/Job.resource';
import * as jobCriterion from './actions/jobCriterion/JobCriterion.resource';
import * as jobTag from './actions/jobTag/JobTag.resource';
import * as nomination from './actions/nomination/Nomination.resource';
import * as nominationStage from './actions/nominationStage/NominationStage.resource';
import * as ranking from './actions/ranking/Ranking.resource';
import { router } from './actions/router';
import * as spotlight from './actions/spotlight/Spotlight.resource';
import * as tag from './actions/tag/Tag.resource';

/**
 * Endorsed (AI applicant ranking): push scored CodeSignal assessments, and work with its candidates,
 * attachments, jobs, criteria, nominations, rankings, spotlights and tags. Each operation lives in
 * actions/<resource>/<operation>.operation.ts; the router picks it.
 */
export class Endorsed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Endorsed',
		name: 'endorsed',
		icon: 'file:endorsed.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Push CodeSignal assessments to Endorsed and manage its candidates, jobs, criteria and rankings',
		defaults: { name: 'Endorsed' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'endorsedApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Assessment', value: 'assessment' },
					{ name: 'Attachment', value: 'attachment' },
					{ name: 'Candidate', value: 'candidate' },
					{ name: 'Candidate Tag', value: 'candidateTag' },
					{ name: 'Criterion Evaluation', value: 'criterionEvaluation' },
					{ name: 'Job', value: 'job' },
					{ name: 'Job Criterion', value: 'jobCriterion' },
					{ name: 'Job Tag', value: 'jobTag' },
					{ name: 'Nomination', value: 'nomination' },
					{ name: 'Nomination Stage', value: 'nominationStage' },
					{ name: 'Ranking', value: 'ranking' },
					{ name: 'Spotlight', value: 'spotlight' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'assessment',
			},
			...assessment.description,
			...attachment.description,
			...candidate.description,
			...candidateTag.description,
			...criterionEvaluation.description,
			...job.description,
			...jobCriterion.description,
			...jobTag.description,
			...nomination.description,
			...nominationStage.description,
			...ranking.description,
			...spotlight.description,
			...tag.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
