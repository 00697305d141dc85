/**
 * One n8n with a community package installed as users install it, credentials and workflows imported by
 * fixed ids, an owner account, and the workflows live: what `npm start` runs (alone, or as the main process of
 * a queue-mode deployment) and what the end-to-end suites test.
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
	StartN8nOptions,
} from './instance';
import { PhaseRunner, silentPhases } from './progress';

export interface LaunchOptions extends StartN8nOptions {
	credentials: N8nCredentialFile[];
	/** Imported (replacing workflows with the same ids) before n8n starts. */
	workflows: N8nWorkflowFile[];
	/** Ids of the workflows to make live once n8n runs (imported ones and ones already there). */
	activate: string[];
	owner?: OwnerAccount;
	/** Reports the import and the start as two phases; silent by default. */
	phase?: PhaseRunner;
	/** What the phases call this n8n: `n8n <version>` by default. */
	name?: string;
}

export interface Launched {
	n8n: N8nInstance;
	session: OwnerSession;
}

export async function launchN8nWithWorkflows(options: LaunchOptions): Promise<Launched> {
	const { credentials, workflows, activate, owner, phase = silentPhases, name, ...start } = options;
	const setup = { runtime: start.runtime, userFolder: start.userFolder, env: start.env };
	await phase(`Importing ${credentials.length} credentials and ${workflows.length} workflows`, async () => {
		await importCredentials(setup, credentials);
		if (workflows.length > 0) await importWorkflows(setup, workflows);
	});
	return phase(`Installing the package into ${name ?? `n8n ${start.runtime.version}`} and starting it`, async () => {
		const n8n = await startN8n(start);
		try {
			const session = await ownerSession(n8n, owner);
			for (const workflowId of activate) await session.activateWorkflow(workflowId);
			return { n8n, session };
		} catch (error) {
			await n8n.stop();
			throw error;
		}
	});
}
