/**
 * The least a community webhook trigger that verifies deliveries can cost: it has a credential set, as such a
 * trigger must (n8n checks the workflow's access to it before each execution), and starts the workflow with the
 * request body without reading the credential or checking anything.
 *
 * bench:webhook loads it into n8n with N8N_CUSTOM_EXTENSIONS, so that it runs as any node outside n8n's own
 * package does, and compares the CodeSignal Trigger with it: the difference is the package's own cost; what
 * this node costs over n8n's Webhook node is what n8n charges every such node.
 */
class ReferenceTrigger {
	constructor() {
		this.description = {
			displayName: 'Reference Trigger',
			name: 'referenceTrigger',
			group: ['trigger'],
			version: 2,
			description: 'Starts the workflow with the request body (benchmark reference)',
			defaults: { name: 'Reference Trigger' },
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'codeSignalApi', required: true }],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' }],
			properties: [],
		};
		this.webhookMethods = {
			default: {
				checkExists: async () => false,
				create: async () => true,
				delete: async () => true,
			},
		};
	}

	async webhook() {
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { ReferenceTrigger };
