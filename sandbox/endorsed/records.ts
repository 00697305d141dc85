/** The sandbox's records, shaped as Endorsed's API v1 returns them (snake_case), so GET answers a record as is. */

export const JOB_STATUSES = ['open', 'archived', 'closed'] as const;
export const AUTO_EVALUATION_BEHAVIORS = [
	'auto_evaluate_nominations',
	'auto_nominate_and_evaluate_candidates',
] as const;
export const ATTACHMENT_TYPES = ['about', 'resume', 'role_preferences', 'work_experiences'] as const;
export const EMAIL_TYPES = ['personal', 'work'] as const;
export const TAG_TYPES = ['preferred_role_title', 'experience_based_role_title', 'specialty_name'] as const;
export const SCOPES = ['all:read', 'all:write'] as const;

export type Scope = (typeof SCOPES)[number];

interface Timestamps {
	created_at: string;
	updated_at: string;
}

export interface JobRecord extends Timestamps {
	id: string;
	remote_id: string;
	title: string;
	description: string;
	status: (typeof JOB_STATUSES)[number];
	job_posting_urls: string[];
	auto_evaluation_behavior: (typeof AUTO_EVALUATION_BEHAVIORS)[number] | null;
	default_nomination_stage_id: string | null;
}

export interface CriterionRecord {
	id: string;
	job_id: string;
	prompt_text: string;
	display_name: string | null;
	scope: 'job';
	created_at: string;
}

export interface NominationStageRecord extends Timestamps {
	id: string;
	remote_id: string;
	job_id: string | null;
	name: string;
	stage_order_index: number;
}

export interface ContactValue {
	value: string;
	type: string | null;
}

export interface CandidateRecord extends Timestamps {
	id: string;
	remote_id: string;
	first_name: string;
	last_name: string | null;
	title: string | null;
	company_name: string | null;
	location: string | null;
	phone_numbers: ContactValue[];
	email_addresses: ContactValue[];
	links: ContactValue[];
}

export interface NominationRecord extends Timestamps {
	id: string;
	/** Null for nominations Endorsed made itself (auto_nominate_and_evaluate_candidates). */
	remote_id: string | null;
	job_id: string;
	candidate_id: string;
	current_nomination_stage_id: string | null;
	applied_at: string | null;
}

export interface AttachmentRecord extends Timestamps {
	id: string;
	remote_id: string;
	candidate_id: string | null;
	type: (typeof ATTACHMENT_TYPES)[number];
	file_name: string | null;
	content_type: string;
	size_bytes: number;
	public_file_url: string | null;
	/** The file decoded as UTF-8: what the evaluator reads. Never sent over the API. */
	text: string;
}

export interface TagRecord {
	id: string;
	name: string;
	tag_type: (typeof TAG_TYPES)[number];
	created_at: string;
}

export interface CandidateTagRecord {
	id: string;
	candidate_id: string;
	tag_id: string;
	created_at: string;
}

export interface JobTagRecord {
	id: string;
	job_id: string;
	tag_id: string;
	created_at: string;
}
