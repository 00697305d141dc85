/** Option lists loaded from CodeSignal. */
import { isEnumType } from 'graphql';
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { collectList } from '../../shared/codesignal/lists';
import { codeSignalSchema } from '../../shared/codesignal/schema';
import { codeSignalClient } from '../../shared/codesignal/transport';
import { document as listTaskSets, type TaskSetsPage } from '../actions/task/getAllSets.operation';
import { document as listTestLabels, type TestLabelsPage } from '../actions/testLabel/getAll.operation';

/** Every test label of the company, for the "Labels" filter of Test → Get Many. */
export async function getTestLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await codeSignalClient(this);
	const labels = await collectList<TestLabelsPage['testLabels']['labels'][number]>(
		client,
		listTestLabels,
		{},
		{ field: 'testLabels', items: 'labels' },
		{ returnAll: true },
	);
	return labels.map((label) => ({ name: label.title, value: label.title }));
}

/** Every task set, for Task → Add to Sets and Remove From Sets. */
export async function getTaskSets(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await codeSignalClient(this);
	const sets = await collectList<TaskSetsPage['taskSets']['taskSets'][number]>(
		client,
		listTaskSets,
		{},
		{ field: 'taskSets', items: 'taskSets' },
		{ returnAll: true },
	);
	return sets.map((set) => ({ name: set.name, value: set.id }));
}

/** Role permissions are CodeSignal's access types, read from the published schema (no request). */
export async function getPermissions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = codeSignalSchema().getType('AccessType');
	const names = isEnumType(type) ? type.getValues().map((value) => value.name) : [];
	return names.sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}
