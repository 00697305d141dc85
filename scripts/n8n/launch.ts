/**
 * One n8n with this package installed as users install it, credentials and workflows imported by fixed ids,
 * an owner account, and the workflows live: what `npm start` runs and what the end-to-end suite tests.
 */
import {
	importCredentials,
	importWorkflows,
	N8nCredentialFile,
	N8nInstance,
	N8nWorkflowFile,
	OwnerAccount,
	OwnerSession,
	ownerSession,
	startN8n,
} from '../n8n/instance';
import type { N8nRuntime } from '../n8n/runtime';

export interface LaunchOptions {
	runtime: N8nRuntime;
	userFolder: string;
	port: number;
	packageTarball: string;
	credentials: N8nCredentialFile[];
	/** Imported (replacing workflows with the same ids) before n8n starts. */
	workflows: N8nWorkflowFile[];
	/** Ids of the workflows to make live once n8n runs (imported ones and ones already there). */
	activate: string[];
	owner?: OwnerAccount;
	env?: Record<string, string>;
}

export interface Launched {
	n8n: N8nInstance;
	session: OwnerSession;
}

export async function launchN8nWithWorkflows(options: LaunchOptions): Promise<Launched> {
	const setup = { runtime: options.runtime, userFolder: options.userFolder };
	await importCredentials(setup, options.credentials);
	if (options.workflows.length > 0) await importWorkflows(setup, options.workflows);
	const n8n = await startN8n({ ...setup, port: options.port, packageTarball: options.packageTarball, env: options.env });
	try {
		const session = await ownerSession(n8n, options.owner);
		for (const workflowId of options.activate) await session.activateWorkflow(workflowId);
		return { n8n, session };
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}
