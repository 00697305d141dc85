/** "All tests or the chosen ones": the parameters the trigger and Get Finished Between share. */
import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { InvalidParameterError, requireId } from '../../../CodeSignal/helpers/inputs';
import { DEFAULT_PAGE_SIZE } from '../pagination';
import { codeSignalClient } from '../transport';
import { allTests, codeSignalSyncSource } from './source';

export const testSelectionProperties: INodeProperties[] = [
	{
		displayName: 'Tests',
		name: 'tests',
		type: 'options',
		options: [
			{
				name: 'All Tests',
				value: 'all',
				description: 'Every test of the company, including tests created later',
			},
			{
				name: 'Selected Tests',
				value: 'selected',
			},
		],
		default: 'all',
	},
	{
		displayName: 'Test Names or IDs',
		name: 'testIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTests' },
		required: true,
		default: [],
		displayOptions: { show: { tests: ['selected'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

/** The chosen test IDs, or undefined for all tests. */
export function selectedTestIds(tests: unknown, testIds: unknown): string[] | undefined {
	if (tests !== 'selected') return undefined;
	const values = Array.isArray(testIds) ? testIds : String(testIds ?? '').split(',');
	const ids = values.map((value) => String(value).trim()).filter((value) => value !== '');
	if (ids.length === 0) {
		throw new InvalidParameterError('Test Names or IDs', 'Test Names or IDs is empty: choose at least one test, or All Tests');
	}
	return [...new Set(ids.map((id) => requireId(id, 'Test Names or IDs')))];
}

/** The company's tests by title, for "Test Names or IDs". */
export async function getTests(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const source = codeSignalSyncSource(await codeSignalClient(this), 'summary');
	const tests = await allTests(source, DEFAULT_PAGE_SIZE);
	return tests
		.map((test) => ({ name: test.title, value: test.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
