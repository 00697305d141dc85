import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from '../shared/router';
import { resources } from './actions';

/**
 * Endorsed (AI applicant ranking): push scored CodeSignal assessments, and work with its candidates,
 * attachments, jobs, criteria, nominations, rankings, spotlights and tags. Each operation lives in
 * actions/<resource>/<operation>.operation.ts; the shared router picks it.
 */
export class Endorsed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Endorsed',
		name: 'endorsed',
		icon: { light: 'file:endorsed.svg', dark: 'file:endorsed.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Push CodeSignal assessments to Endorsed and manage its candidates, jobs, criteria and rankings',
		defaults: { name: 'Endorsed' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
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
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources);
	}
}
