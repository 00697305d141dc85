/** Option lists loaded from CodeSignal. */
import { isEnumType } from 'graphql';
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { collectAll } from '../../shared/codesignal/pagination';
import { codeSignalSchema } from '../../shared/codesignal/schema';
import { codeSignalClient } from '../../shared/codesignal/transport';
import { document as listTaskSets, type TaskSetsPage } from '../actions/task/getAllSets.operation';
import { document as listTestLabels, type TestLabelsPage } from '../actions/testLabel/getAll.operation';

/** Every test label of the company, for the "Labels" filter of Test → Get Many. */
export async function getTestLabels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await codeSignalClient(this);
	const labels = await collectAll(async ({ first, offset }) => {
		const { testLabels } = await client.request<TestLabelsPage>(listTestLabels, { first, offset });
		return { items: testLabels.labels, hasNextPage: testLabels.pageInfo.hasNextPage };
	}, { returnAll: true });
	return labels.map((label) => ({ name: label.title, value: label.title }));
}

/** Every task set, for Task → Add to Sets and Remove From Sets. */
export async function getTaskSets(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await codeSignalClient(this);
	const sets = await collectAll(async ({ first, offset }) => {
		const { taskSets } = await client.request<TaskSetsPage>(listTaskSets, { first, offset });
		return { items: taskSets.taskSets, hasNextPage: taskSets.pageInfo.hasNextPage };
	}, { returnAll: true });
	return sets.map((set) => ({ name: set.name, value: set.id }));
}

/** Role permissions are CodeSignal's access types, read from the published schema (no request). */
export async function getPermissions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = codeSignalSchema().getType('AccessType');
	const names = isEnumType(type) ? type.getValues().map((value) => value.name) : [];
	return names.sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));
}
