import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { executeOperation } from './actions/execute';
import { asNodeError } from './transport/errors';
import { findOperation, operationProperties } from './actions';
import { testDigistore24Credential } from './transport/credentialTest';

const outputsExpression = `$parameter.resource === "notification" && $parameter.invalidOutput ? [{ type: "${NodeConnectionTypes.Main}", displayName: "Valid" }, { type: "${NodeConnectionTypes.Main}", displayName: "Invalid" }] : ["${NodeConnectionTypes.Main}"]`;

export class Digistore24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digistore24',
		name: 'digistore24',
		icon: { light: 'file:digistore24.svg', dark: 'file:digistore24.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["resource"] === "apiCall" ? $parameter["function"] : $parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Call the Digistore24 API: purchases, products, buyers, buy URLs, e-tickets, refunds and any other function',
		defaults: { name: 'Digistore24' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// A second "Invalid" output only for Verify Notification with its option on.
		outputs: `={{${outputsExpression}}}`,
		credentials: [{ name: 'digistore24Api', required: true, testedBy: 'digistore24ApiTest' }],
		properties: operationProperties(),
	};

	methods = { credentialTest: { digistore24ApiTest: testDigistore24Credential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], []];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const op = findOperation(resource, operation);
				if (!op) {
					throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}" for "${resource}"`, { itemIndex });
				}
				const { output, items: produced } = await executeOperation(this, op, itemIndex);
				outputs[output].push(...produced);
			} catch (error) {
				if (this.continueOnFail()) {
					outputs[0].push({ json: { error: error.message, description: error.description ?? undefined }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw asNodeError(this.getNode(), error, itemIndex);
			}
		}
		const twoOutputs = this.getNodeParameter('resource', 0) === 'notification' && this.getNodeParameter('invalidOutput', 0, false) === true;
		return twoOutputs ? outputs : [outputs[0]];
	}
}
