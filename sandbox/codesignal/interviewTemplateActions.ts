/** The interview-template mutations, with CodeSignal's documented bounds and realistic error messages. */
import { SandboxError } from './errors';
import { HOUR } from './generator';
import { defaultFeedbackSettings } from './interviewGenerator';
import type { FeedbackSettingsRecord, InterviewTemplateRecord } from './model';
import type { SandboxStore } from './store';

/** FeedbackSettingsInput. */
interface FeedbackSettingsInput {
	categories?: Array<{ name: string; attributes?: Array<{ name: string; details?: string | null }> | null }> | null;
	overallEvaluation?: { enabled?: boolean | null; details?: string | null; anchors?: string[] | null } | null;
	recommendedLevel?: { enabled?: boolean | null; details?: string | null; levels?: string[] | null } | null;
}

/** EditInterviewTemplateInput. */
export interface InterviewTemplateFields {
	name?: string | null;
	teamId?: string | null;
	taskIds?: string[] | null;
	feedbackSettings?: FeedbackSettingsInput | null;
	taskCustomScores?: Array<{ id: string; score: number }> | null;
	defaultExpirationTimeInHours?: number | null;
}

/** CreateInterviewTemplateInput. */
export interface NewInterviewTemplateFields extends InterviewTemplateFields {
	name: string;
	taskIds: string[];
	companyId: string;
}

const MAX_EXPIRATION_HOURS = 336;
const DEFAULT_EXPIRATION_HOURS = 72;

/** The settings given, each part over the current one. */
function feedbackSettings(input: FeedbackSettingsInput, current: FeedbackSettingsRecord): FeedbackSettingsRecord {
	const { categories, overallEvaluation: evaluation, recommendedLevel: level } = input;
	return {
		categories: categories
			? categories.map((category) => ({
					name: category.name,
					attributes: (category.attributes ?? []).map((attribute) => ({
						name: attribute.name,
						details: attribute.details ?? null,
					})),
				}))
			: current.categories,
		overallEvaluation: evaluation
			? {
					enabled: evaluation.enabled ?? current.overallEvaluation.enabled,
					details: evaluation.details ?? null,
					anchors: evaluation.anchors ?? current.overallEvaluation.anchors,
				}
			: current.overallEvaluation,
		recommendedLevel: level
			? {
					enabled: level.enabled ?? current.recommendedLevel.enabled,
					details: level.details ?? null,
					levels: level.levels ?? current.recommendedLevel.levels,
				}
			: current.recommendedLevel,
	};
}

function checkName(name: string): string {
	const trimmed = name.trim();
	if (!trimmed) throw new SandboxError('name must not be empty');
	return trimmed;
}

function checkTasks(store: SandboxStore, taskIds: string[]): string[] {
	if (taskIds.length === 0) throw new SandboxError('An interview template needs at least one task');
	const unknown = taskIds.find((id) => !store.getTask(id));
	if (unknown !== undefined) throw new SandboxError(`Task "${unknown}" not found`);
	return [...new Set(taskIds)];
}

function checkScores(taskIds: string[], scores: Array<{ id: string; score: number }>) {
	for (const { id, score } of scores) {
		if (!taskIds.includes(id)) throw new SandboxError(`taskCustomScores: task "${id}" is not in the template`);
		if (score < 0) throw new SandboxError(`taskCustomScores: the score of task "${id}" must not be negative`);
	}
	return scores.map(({ id, score }) => ({ id, score }));
}

/** Applies the fields given (null or absent keeps the current value). */
function applyFields(store: SandboxStore, template: InterviewTemplateRecord, fields: InterviewTemplateFields): void {
	if (fields.name != null) template.name = checkName(fields.name);
	if (fields.teamId != null) {
		if (!store.getTeam(fields.teamId)) throw new SandboxError(`Team "${fields.teamId}" not found`);
		template.teamId = fields.teamId;
	}
	if (fields.taskIds != null) {
		template.taskIds = checkTasks(store, fields.taskIds);
		template.taskCustomScores = template.taskCustomScores.filter((score) => template.taskIds.includes(score.id));
	}
	if (fields.taskCustomScores != null) {
		template.taskCustomScores = checkScores(template.taskIds, fields.taskCustomScores);
	}
	if (fields.defaultExpirationTimeInHours != null) {
		const hours = fields.defaultExpirationTimeInHours;
		if (hours < 1 || hours > MAX_EXPIRATION_HOURS) {
			throw new SandboxError(`defaultExpirationTimeInHours must be between 1 and ${MAX_EXPIRATION_HOURS}, got ${hours}`);
		}
		template.defaultExpirationTime = hours * HOUR;
	}
	if (fields.feedbackSettings != null) {
		template.feedbackSettings = feedbackSettings(fields.feedbackSettings, template.feedbackSettings);
	}
}

export function createInterviewTemplate(store: SandboxStore, fields: NewInterviewTemplateFields): InterviewTemplateRecord {
	if (fields.companyId !== store.company.id) throw new SandboxError('Access Denied');
	const template: InterviewTemplateRecord = {
		id: store.generator.newId(),
		name: checkName(fields.name),
		taskIds: checkTasks(store, fields.taskIds),
		authorId: store.senders()[0].id,
		teamId: null,
		canEdit: true,
		defaultExpirationTime: DEFAULT_EXPIRATION_HOURS * HOUR,
		isCompanyDefault: false,
		taskCustomScores: [],
		feedbackSettings: defaultFeedbackSettings(),
	};
	applyFields(store, template, { ...fields, name: null, taskIds: null });
	store.insertInterviewTemplate(template);
	return template;
}

export function editInterviewTemplate(
	store: SandboxStore,
	id: string,
	fields: InterviewTemplateFields,
): InterviewTemplateRecord {
	const template = store.requireInterviewTemplate(id);
	if (!template.canEdit) throw new SandboxError(`You may not edit interview template "${id}"`);
	// Checked on a copy: a refused edit changes nothing.
	const edited = structuredClone(template);
	applyFields(store, edited, fields);
	return Object.assign(template, edited);
}

export function deleteInterviewTemplate(store: SandboxStore, id: string): string {
	const template = store.requireInterviewTemplate(id);
	if (template.isCompanyDefault) {
		throw new SandboxError(`Cannot delete interview template "${id}": it is the company's default template`);
	}
	store.removeInterviewTemplate(id);
	return id;
}
