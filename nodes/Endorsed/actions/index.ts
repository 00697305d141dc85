/** The Endorsed node's resources, by the value of its Resource parameter. */
import type { Resources } from '../../shared/router';
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

export const resources: Resources = {
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
