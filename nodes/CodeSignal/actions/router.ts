/** Sends the node's execution to the operation the user chose. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as company from './company/Company.resource';
import * as customGraphql from './customGraphql/CustomGraphql.resource';
import * as interviewTemplate from './interviewTemplate/InterviewTemplate.resource';
import * as liveInterview from './liveInterview/LiveInterview.resource';
import * as role from './role/Role.resource';
import type { CodeSignalOperation } from './runPerItem';
import * as taskLevel from './taskLevel/TaskLevel.resource';
import * as test from './test/Test.resource';
import * as testLabel from './testLabel/TestLabel.resource';
import * as testSession from './testSession/TestSession.resource';
import * as user from './user/User.resource';

const resources: Record<string, Record<string, unknown>> = {
	company,
	customGraphql,
	interviewTemplate,
	liveInterview,
	role,
	taskLevel,
	test,
	testLabel,
	testSession,
	user,
};

function operationOf(resource: string, operation: string): CodeSignalOperation | undefined {
	const candidate = resources[resource]?.[operation] as Partial<CodeSignalOperation> | undefined;
	return typeof candidate?.execute === 'function' ? (candidate as CodeSignalOperation) : undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = operationOf(resource, operation);
	if (!chosen) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	return [await chosen.execute.call(this, this.getInputData())];
}
