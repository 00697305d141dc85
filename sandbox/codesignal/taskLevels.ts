/**
 * Task levels: the stages of a progressive task, each adding files and unit tests to the previous one
 * (TaskLevel, read with `taskLevel` or a task's `levels`). Derived from the catalogue, with ids from the
 * parent task's, so they draw nothing from the seeded stream.
 */
import type { TaskRecord } from './model';
import { Random } from './random';

/** The catalogue's progressive tasks and what each level asks. */
const LEVELS: Record<string, string[]> = {
	'Inventory Ledger': [
		'Record stock movements',
		'Report items below their threshold',
		'Transfer stock between warehouses',
		'Undo the last movement of an item',
	],
};

export interface TaskLevelDiffRecord {
	__typename: 'AddOrReplaceTaskLevelDiff' | 'DeleteTaskLevelDiff';
	action: 'upsertFile' | 'deleteFile';
	path: string;
	source?: string;
}

export interface TaskLevelRecord {
	id: string;
	parentTaskId: string;
	executionEnvironments: Array<{
		environment: string;
		value: {
			environmentType: 'language';
			environment: string;
			timeLimit: number;
			description: string;
			filesOpenByDefault: string[];
			pathsExpandedByDefault: string[];
			unitTests: Array<{ title: string; weight: number }>;
			postCreateCommand: string | null;
			ignoredPaths: string[];
			diffs: TaskLevelDiffRecord[];
		};
	}>;
}

/** A stable 32-bit number for a text (FNV-1a). */
function hash(text: string): number {
	let value = 0x811c9dc5;
	for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 0x01000193) >>> 0;
	return value;
}

function levelsOf(task: TaskRecord): TaskLevelRecord[] {
	return (LEVELS[task.title] ?? []).map((goal, index) => {
		const number = index + 1;
		const diffs: TaskLevelDiffRecord[] = [
			{
				__typename: 'AddOrReplaceTaskLevelDiff',
				action: 'upsertFile',
				path: `tests/test_level_${number}.py`,
				source: `from ledger import *\n\n\ndef test_level_${number}():\n    """${goal}."""\n`,
			},
		];
		if (number > 1) {
			diffs.push({
				__typename: 'DeleteTaskLevelDiff',
				action: 'deleteFile',
				path: `notes/level_${number - 1}.md`,
			});
		}
		return {
			id: new Random(hash(`${task.id}:level:${number}`)).id(),
			parentTaskId: task.id,
			executionEnvironments: [
				{
					environment: 'py3',
					value: {
						environmentType: 'language',
						environment: 'py3',
						timeLimit: 20,
						description: `Level ${number}: ${goal}.`,
						filesOpenByDefault: ['ledger.py'],
						pathsExpandedByDefault: ['tests'],
						unitTests: [{ title: `level ${number}`, weight: number }],
						postCreateCommand: null,
						ignoredPaths: ['__pycache__'],
						diffs,
					},
				},
			],
		};
	});
}

export class TaskLevels {
	private readonly byId = new Map<string, TaskLevelRecord>();

	private readonly byTask = new Map<string, TaskLevelRecord[]>();

	constructor(tasks: TaskRecord[]) {
		for (const task of tasks) {
			const levels = levelsOf(task);
			if (levels.length === 0) continue;
			this.byTask.set(task.id, levels);
			for (const level of levels) this.byId.set(level.id, level);
		}
	}

	get(id: string): TaskLevelRecord | undefined {
		return this.byId.get(id);
	}

	/** A task's levels in order; empty for a task without levels. */
	of(taskId: string): TaskLevelRecord[] {
		return this.byTask.get(taskId) ?? [];
	}
}
