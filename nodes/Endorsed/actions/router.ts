import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as assessment from './assessment/Assessment.resource';
import * as attachment from './attachment/Attachment.resource';
import * as candidate from './candidate/Candidate.resource';
import * as candidateTag from './candidateTag/CandidateTag.resource';
import * as criterionEvaluation from './criterionEvaluation/CriterionEvaluation.resource';
import * as job from './job/Job.resource';
import * as jobCriterion from './jobCriterion/JobCriterion.resource';
import * as jobTag from './jobTag/JobTag.resource';
import * as nomination from './nomination/Nomination.resource';
import * as nominationStage from './nominationStage/NominationStage.resource';
import * as ranking from './ranking/Ranking.resource';
import * as spotlight from './spotlight/Spotlight.resource';
import * as tag from './tag/Tag.resource';

type Operation = {
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
};

const resources: Record<string, Record<string, unknown>> = {
	assessment,
	attachment,
	candidate,
	candidateTag,
	criterionEvaluation,
	job,
	jobCriterion,
	jobTag,
	nomination,
	nominationStage,
	ranking,
	spotlight,
	tag,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation] as Operation | undefined;
	if (typeof handler?.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await handler.execute.call(this, this.getInputData())];
}
