import type { INodeProperties } from 'n8n-workflow';

/** Endorsed's `auto_evaluation_behavior`; "none" is sent as null. */
export const autoEvaluationProperty: INodeProperties = {
	displayName: 'Auto Evaluation',
	name: 'autoEvaluationBehavior',
	type: 'options',
	options: [
		{
			name: 'Evaluate Nominations',
			value: 'auto_evaluate_nominations',
			description: 'Endorsed evaluates the criteria for every nomination to this job',
		},
		{
			name: 'Nominate and Evaluate Candidates',
			value: 'auto_nominate_and_evaluate_candidates',
			description: 'Endorsed also nominates candidates to this job when they get a new attachment',
		},
		{ name: 'None', value: 'none', description: 'Endorsed evaluates nothing on its own' },
	],
	default: 'auto_evaluate_nominations',
};

export function autoEvaluationValue(option: string): string | null {
	return option === 'none' ? null : option;
}
