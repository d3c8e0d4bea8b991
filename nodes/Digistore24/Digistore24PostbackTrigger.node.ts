import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { triggerCredentials } from './ipn/credentialCache';
import { rawBodyOf } from './ipn/rawBody';
import { createDeduplicator } from './ipn/dedupe';
import { splitIds } from './ipn/registration';
import { POSTBACK_EVENTS } from './postback/events';
import { POSTBACK_PATH, postbackUrlNotice } from './postback/notice';
import { decidePostback, type PostbackSettings } from './postback/receive';
import { testPostbackToken } from './postback/token';

const CREDENTIAL = 'digistore24PostbackApi';

export class Digistore24PostbackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digistore24 Postback Trigger',
		name: 'digistore24PostbackTrigger',
		icon: { light: 'file:digistore24.svg', dark: 'file:digistore24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Digistore24 S2S postbacks (affiliate and vendor conversions): sales, upsells, refunds, chargebacks',
		defaults: { name: 'Digistore24 Postback Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digistore24PostbackApi', required: true, testedBy: 'digistore24PostbackTokenTest' }],
		// Digistore24 requests the postback URL with GET; a POST runs the workflow just the same.
		webhooks: [
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', responseData: '', path: POSTBACK_PATH },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: POSTBACK_PATH },
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The postbacks that start this workflow',
				options: POSTBACK_EVENTS.map((event) => ({ name: event.name, value: event.value, action: event.action, description: event.description })),
			},
			{ displayName: postbackUrlNotice('affiliate'), name: 'affiliateUrl', type: 'notice', default: '' },
			{ displayName: postbackUrlNotice('vendor'), name: 'vendorUrl', type: 'notice', default: '' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Test Postbacks',
						name: 'includeTests',
						type: 'boolean',
						default: false,
						description: 'Whether postbacks with is_test set (Digistore24\'s "Test Connection" button, test orders) start the workflow too; they are always answered OK',
					},
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'typed',
						options: [
							{ name: 'Typed Fields and Raw Parameters', value: 'typed', description: 'Grouped fields with numbers, booleans and ISO dates, plus the parameters as sent under raw' },
							{ name: 'Raw Parameters Only', value: 'raw', description: 'The parameters as sent (without the token)' },
						],
					},
					{
						displayName: 'Product IDs',
						name: 'productIds',
						type: 'string',
						default: '',
						placeholder: '12345, 67890',
						description: 'Only these products (comma-separated; needs {product_id} in the URL). Empty means all products.',
					},
				],
			},
		],
	};

	methods = { credentialTest: { digistore24PostbackTokenTest: testPostbackToken } };

	// Digistore24 has no API for S2S postback connections: the user pastes the URL, nothing to register.
	webhookMethods = {
		default: {
			checkExists: async (): Promise<boolean> => true,
			create: async (): Promise<boolean> => true,
			delete: async (): Promise<boolean> => true,
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const request = {
			url: req.originalUrl ?? req.url ?? '',
			body: req.method === 'POST' ? rawBodyOf(this) : '',
			contentType: String(req.headers?.['content-type'] ?? ''),
		};
		const node = this.getNode(); // once: n8n deep-copies the node on every call
		const settings: Omit<PostbackSettings, 'token'> = {
			events: this.getNodeParameter('events', []) as string[],
			productIds: splitIds(options.productIds),
			includeTests: options.includeTests === true,
			rawOnly: options.output === 'raw',
			memory: createDeduplicator(`postback:${this.getWorkflow().id}:${node.id}`, []),
		};
		const read = await triggerCredentials(this, { type: CREDENTIAL, node });
		let decision = decidePostback(request, { ...settings, token: tokenOf(read.credentials) });
		// Refused with a credential read a moment ago: it may have just changed, so read it again.
		if (decision.status === 403 && read.cached) {
			const { credentials } = await triggerCredentials(this, { type: CREDENTIAL, fresh: true, node });
			decision = decidePostback(request, { ...settings, token: tokenOf(credentials) });
		}
		const res = this.getResponseObject();
		if (!decision.run) {
			if (decision.status === 200) this.logger.info(`Digistore24 Postback Trigger answered OK without a run: ${decision.reason}`);
			else this.logger.warn(`Digistore24 Postback Trigger refused a request: ${decision.reason}`);
			res.status(decision.status).type('text/plain').send(decision.body);
			return { noWebhookResponse: true };
		}
		// n8n sends this answer once it has stored the execution, so an OK stands for a stored run.
		// The header itself: express's type() looks the type up on every request.
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		return { webhookResponse: 'OK', workflowData: [this.helpers.returnJsonArray([decision.item as IDataObject])] };
	}
}

function tokenOf(credentials: IDataObject): string | undefined {
	return typeof credentials.token === 'string' ? credentials.token : undefined;
}
