/**
 * CodeSignal tasks (questions) as the node reads and emits them. A field typed CommonTask gets the fields
 * every kind shares; a field typed with one kind gets that kind's own fields too.
 */

const COMMON_FIELDS = `
	__typename
	id
	title
	generalType
	overviewType
	mode
	labels
	maxScore
	sets
	isRecentlyUsed
`;

/** Any kind of task (CommonTask), with the description where it has one. */
export const TASK_FIELDS = `
	${COMMON_FIELDS}
	... on SingleEnvironmentTask { description }
`;

/** Coding, quiz and front-end tasks (SingleEnvironmentTask). */
export const SINGLE_ENVIRONMENT_TASK_FIELDS = `
	${COMMON_FIELDS}
	description
	levels { id }
`;

const FILE_FIELDS = 'path isFolder source';

export const FILESYSTEM_TASK_FIELDS = `
	${COMMON_FIELDS}
	executionEnvironments {
		title
		key
		environment
		environmentType
		description
		files { ${FILE_FIELDS} }
		pathsExpandedByDefault
		filesOpenByDefault
		testingTool
		timeLimit
		unitTests { title weight }
		ignoredPaths
		postCreateCommand
	}
	enableNetwork
	persistentSessionSupport
	persistentSessionPreview
	hasAiChecker
	responseRubric
	viewOverrides { hideRunButton }
`;

export const CODE_REVIEW_TASK_FIELDS = `
	${COMMON_FIELDS}
	executionEnvironments {
		title
		description
		environment
		initialFiles { ${FILE_FIELDS} }
		codeChanges { path changeType source }
	}
`;

const DATABASE_CONFIG_FIELDS = 'setupScript teardownScript tests { input output } description tableNames';

export const DATABASE_TASK_FIELDS = `
	${COMMON_FIELDS}
	executionEnvironments {
		mysql { ${DATABASE_CONFIG_FIELDS} }
		psql { ${DATABASE_CONFIG_FIELDS} }
		mssql { ${DATABASE_CONFIG_FIELDS} }
	}
`;

export interface RawTask {
	__typename?: string;
	id: string;
	title?: string | null;
	labels?: Array<string | null> | null;
	sets?: Array<string | null> | null;
	levels?: Array<{ id?: string } | null> | null;
	/** A list (filesystem, code review) or one entry per database dialect. */
	executionEnvironments?: unknown;
	[field: string]: unknown;
}

const present = <T>(list: Array<T | null> | null | undefined): T[] =>
	(list ?? []).filter((entry): entry is T => entry !== null);

/** The environments as a list, a database task's dialects included (`environment` names the dialect). */
function environmentList(environments: unknown): unknown[] {
	if (Array.isArray(environments)) return present(environments);
	if (!environments || typeof environments !== 'object') return [];
	return Object.entries(environments as Record<string, object | null>).flatMap(([environment, config]) =>
		config ? [{ environment, ...config }] : [],
	);
}

/** One flat item per task; `kind` is CodeSignal's type (SingleEnvironmentTask, FilesystemTask, ...). */
export function normalizeTask(raw: RawTask): Record<string, unknown> {
	const { __typename, levels, executionEnvironments, ...fields } = raw;
	return {
		kind: __typename ?? null,
		...fields,
		labels: present(raw.labels),
		sets: present(raw.sets),
		...(levels !== undefined ? { levelIds: present(levels).flatMap((level) => (level.id ? [level.id] : [])) } : {}),
		...(executionEnvironments !== undefined ? { executionEnvironments: environmentList(executionEnvironments) } : {}),
	};
}
