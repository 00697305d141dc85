/**
 * Activation hooks. CodeSignal has no API to register or list webhooks, so there is nothing to create or
 * delete there: activation logs what to enter in CodeSignal and any set-up problem, and never fails;
 * deactivation drops what the trigger kept in this process.
 */
import type { IHookFunctions } from 'n8n-workflow';

import { loadScreeningRules, triggerSettings, type TriggerSettings } from './triggerSettings';
import { dropTriggerState } from './triggerState';

/**
 * In a test activation n8n gives hooks the Test URL, while webhook() is always given the Production URL:
 * a test delivery verifies only when the option names the URL CodeSignal sends to.
 */
function setUpMessage(settings: TriggerSettings, isTest: boolean): string {
	if (!isTest) return `in CodeSignal's Manage Webhooks, the endpoint URL must be ${settings.endpointUrl}`;
	if (!settings.endpointUrlIsDefault) return `test deliveries are verified against ${settings.endpointUrl}`;
	return `to send test deliveries to ${settings.endpointUrl}, enter that URL in CodeSignal and under Options → Endpoint URL Registered in CodeSignal`;
}

async function describeSetUp(this: IHookFunctions): Promise<boolean> {
	const name = this.getNode().name;
	try {
		const settings = triggerSettings(this);
		this.logger.info(`CodeSignal Trigger "${name}": ${setUpMessage(settings, this.getMode() === 'manual')}`);
		const rules = await loadScreeningRules(this, settings, undefined);
		if (!rules.ok) this.logger.warn(`CodeSignal Trigger "${name}" will refuse deliveries: ${rules.problem}`);
	} catch (error) {
		this.logger.warn(`CodeSignal Trigger "${name}": could not check its set-up: ${(error as Error).message}`);
	}
	return true;
}

export const webhookSetup = {
	default: {
		// Nothing to look up: reporting "absent" makes n8n call create(), which logs the set-up.
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		create: describeSetUp,
		async delete(this: IHookFunctions): Promise<boolean> {
			dropTriggerState(String(this.getWorkflow().id ?? ''), this.getNode().id);
			return true;
		},
	},
};
