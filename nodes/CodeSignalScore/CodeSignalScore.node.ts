import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { scoreProperties } from './description';
import { scoreItems } from './execute';

export class CodeSignalScore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CodeSignal Score',
		name: 'codeSignalScore',
		icon: { light: 'file:codeSignalScore.svg', dark: 'file:codeSignalScore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Score and rank test sessions',
		description:
			'Score CodeSignal test sessions (or the full session a CodeSignal Trigger item carries) against weighted criteria, rank them per test and write an Endorsed-ready report',
		defaults: { name: 'CodeSignal Score' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: scoreProperties,
	};

	async execute(this: IExecuteFunctions) {
		return scoreItems.call(this);
	}
}
