import {
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { IPN_EVENTS } from './ipn/events';
import { triggerCredentials } from './ipn/credentialCache';
import { rawBodyOf } from './ipn/rawBody';
import { repeatMemory, repeatScope, type StoredRepeats } from './ipn/dedupe';
import { eticketActionsOption, firstPaymentOnlyOption } from './ipn/filters';
import { decide } from './ipn/receive';
import { AFTER_SUCCESS_PATH, isAfterSuccessPath, RECEIPT_PATH } from './ipn/paths';
import { apiKeyId, automaticPassphrase, connectionExists, createConnection, deleteConnection, slotFor, splitIds } from './ipn/registration';
import { testDigistore24Credential } from './transport/credentialTest';

export class Digistore24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digistore24 Trigger',
		name: 'digistore24Trigger',
		icon: { light: 'file:digistore24.svg', dark: 'file:digistore24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on Digistore24 notifications (IPN): payments, refunds, e-tickets, affiliates and more',
		defaults: { name: 'Digistore24 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digistore24Api', required: true, testedBy: 'digistore24ApiTest' }],
		// No expressions in these descriptions: each one would cost n8n an expression isolate per request.
		webhooks: [
			// Digistore24 checks the URL with a GET when a connection is saved; it must answer 200. Both
			// GETs come first: n8n registers webhooks in this order and runs create() (ipnSetup, whose
			// probe GETs the after-success URL too) at the first "default" one.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: RECEIPT_PATH, ndvHideUrl: true },
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: AFTER_SUCCESS_PATH, ndvHideUrl: true },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: RECEIPT_PATH },
			// "Answer OK after success": the action node's Answer Notification answers, so a failed run
			// gets no OK and Digistore24 retries. A path of its own keeps both descriptions free of expressions.
			{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', path: AFTER_SUCCESS_PATH },
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The Digistore24 notifications that start this workflow',
				options: IPN_EVENTS.map((event) => ({
					name: event.name,
					value: event.value,
					action: event.action,
					description: event.description,
				})),
			},
			{
				displayName: 'Setup',
				name: 'setup',
				type: 'options',
				default: 'automatic',
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description: 'The node registers its URL at Digistore24 when the workflow is activated and removes it when deactivated (needs a full-access API key and a public https URL)',
					},
					{
						name: 'Manual',
						value: 'manual',
						description: 'You add the URL at Digistore24 yourself and put the SHA passphrase into the credential',
					},
				],
			},
			{
				displayName:
					'At Digistore24 open Settings → Integrations (IPN) → Add connection → Generic, paste the Production URL shown above under Webhook URLs (the one ending in /ipn, or /ipn-after-success when OK is answered after success), set a SHA passphrase and enter the same passphrase as IPN Passphrase in the Digistore24 credential',
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { setup: ['manual'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Answer OK',
						name: 'answer',
						type: 'options',
						default: 'onReceipt',
						description: 'When Digistore24 gets its OK. Until it reads OK it resends the notification for up to 10 days.',
						options: [
							{ name: 'On Receipt', value: 'onReceipt', description: 'As soon as n8n has stored the run that holds the notification' },
							{
								name: 'After the Workflow Succeeded',
								value: 'afterSuccess',
								description: 'A Digistore24 node with Answer Notification at the end of the workflow answers OK; a failed run answers an error so Digistore24 retries. Registers the URL ending in /ipn-after-success.',
							},
						],
					},
					{
						displayName: 'Exact Repeats',
						name: 'repeats',
						type: 'options',
						default: 'mark',
						description:
							'What to do when Digistore24 sends a body byte for byte identical to one this trigger received before (a retry after a missing OK, or a resend by its support). Repeated events that differ in anything (e-ticket used or updated, cancelled again) always run.',
						options: [
							{
								name: 'Drop and Log',
								value: 'drop',
								description: 'An exact repeat does not run; each drop is logged with event, order and why. Not used when OK is answered after success.',
							},
							{
								name: 'Run and Mark',
								value: 'mark',
								description: 'Every delivery runs; repeat.isRepeat tells an exact repeat, with when it was first received and how often',
							},
						],
					},
					eticketActionsOption,
					firstPaymentOnlyOption,
					{
						displayName: 'Include Connection Tests',
						name: 'includeConnectionTests',
						type: 'boolean',
						default: false,
						description: 'Whether Digistore24\'s "Test connection" button starts the workflow too (it is always answered OK)',
					},
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						default: 'typed',
						options: [
							{ name: 'Typed Fields and Raw Parameters', value: 'typed', description: 'Grouped fields with numbers, booleans and ISO dates, plus the parameters as sent under raw' },
							{ name: 'Raw Parameters Only', value: 'raw', description: 'The parameters exactly as Digistore24 sent them' },
						],
					},
					{
						displayName: 'Product IDs',
						name: 'productIds',
						type: 'string',
						default: '',
						placeholder: '12345, 67890',
						description: 'Only these products (comma-separated). Empty means all products.',
					},
					{
						displayName: 'Timing',
						name: 'timing',
						type: 'options',
						default: 'before_thankyou',
						description: 'When Digistore24 sends order notifications (automatic setup)',
						options: [
							{ name: 'Before the Thank-You Page', value: 'before_thankyou', description: 'At once; the buyer waits for the answer' },
							{ name: 'Delayed', value: 'delayed', description: 'Queued, usually within 2 minutes' },
						],
					},
				],
			},
		],
	};

	methods = { credentialTest: { digistore24ApiTest: testDigistore24Credential } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('setup') === 'manual') return true;
				return await connectionExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('setup') === 'manual') return true;
				return await createConnection(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('setup') === 'manual') return true;
				return await deleteConnection(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		if (this.getWebhookName() === 'setup') {
			res.status(200).type('text/plain').send('OK');
			return { noWebhookResponse: true };
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const afterSuccess = options.answer === 'afterSuccess';
		// Only the path of the chosen answer mode is live: a signed notification replayed to the other
		// one would otherwise be answered the other way. Not OK, so Digistore24 keeps it and retries.
		if (isAfterSuccessPath(this.getRequestObject().path) !== afterSuccess) {
			this.logger.warn(`Digistore24 Trigger refused a notification: it came to the path of the answer mode not chosen (${afterSuccess ? 'after success' : 'on receipt'} is chosen)`);
			res.status(404).type('text/plain').send('Not Found');
			return { noWebhookResponse: true };
		}
		const now = Date.now();
		const testListening = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const node = this.getNode(); // once: n8n deep-copies the node on every call
		// Test listening and production keep their own memory; only production's is stored.
		const memory = repeatMemory(
			repeatScope(this.getWorkflow().id, node.id, testListening),
			testListening ? undefined : (staticData.repeats as Partial<StoredRepeats> | undefined),
		);
		const settings = {
			events: this.getNodeParameter('events', []) as string[],
			productIds: splitIds(options.productIds),
			includeConnectionTests: options.includeConnectionTests === true,
			eticketActions: (options.eticketActions as string[] | undefined) ?? [],
			firstPaymentOnly: options.firstPaymentOnly === true,
			rawOnly: options.output === 'raw',
			// After success a failed run is retried byte for byte: it must run again.
			repeats: { memory, dropExact: options.repeats === 'drop' && !afterSuccess, now },
		};
		const rawBody = rawBodyOf(this);
		const read = await triggerCredentials(this, { node });
		let decision = decide(rawBody, { ...settings, passphrase: passphraseOf(this, read.credentials) });
		// Refused with a credential read a moment ago: it may have just changed, so read it again.
		if (decision.status === 403 && read.cached) {
			const fresh = await triggerCredentials(this, { fresh: true, node });
			if (!fresh.cached) decision = decide(rawBody, { ...settings, passphrase: passphraseOf(this, fresh.credentials) });
		}
		if (decision.run === false && decision.droppedRepeat) {
			memory.countDrop();
			const { params = {} } = decision;
			this.logger.warn(
				`Digistore24 Trigger dropped a notification: event ${params.event ?? '?'}, order ${params.order_id || '-'}, transaction ${params.transaction_id || '-'}: ${decision.reason}`,
			);
		}
		if (!decision.run) {
			// n8n saves static data when it answers without a run. (When a run starts, n8n 2.41.1
			// resets the changed flag of the very object before saving it, so writing there is lost.)
			const due = testListening ? undefined : memory.dueForStorage(now);
			if (due) staticData.repeats = due;
			// Answered OK but not run (filters, unselected events, redeliveries): logged, so every drop can be found.
			if (decision.status !== 200) this.logger.warn(`Digistore24 Trigger refused a notification: ${decision.reason}${keyChangeHint(this, decision.params, read.credentials)}`);
			else this.logger.info(`Digistore24 Trigger answered OK without a run: ${decision.reason}`);
			res.status(decision.status).type('text/plain').send(decision.body);
			return { noWebhookResponse: true };
		}
		const workflowData = [this.helpers.returnJsonArray([decision.item as IDataObject])];
		if (afterSuccess) return { workflowData };
		// n8n answers this OK itself, and only once it has stored (or, in queue mode, enqueued) the run.
		// The header itself: express's type() looks the type up on every request.
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		return { workflowData, webhookResponse: 'OK' };
	}
}

/** A refused notification signed for another API key's connection names the change (automatic setup). */
function keyChangeHint(ctx: IWebhookFunctions, params: Record<string, string> | undefined, credentials: ICredentialDataDecryptedObject): string {
	const sentFor = params?.ipn_config_api_key_id;
	if (!sentFor || ctx.getNodeParameter('setup') === 'manual') return '';
	const current = apiKeyId(String(credentials.apiKey));
	return sentFor === current ? '' : `. It came over the connection of API key ${sentFor}, but the credential holds key ${current}: the API key changed (see the README, "Changing the API key")`;
}

/** Manual setup: the credential's IPN passphrase; automatic: the one derived for this connection. */
function passphraseOf(ctx: IWebhookFunctions, credentials: ICredentialDataDecryptedObject): string | undefined {
	return ctx.getNodeParameter('setup') === 'manual'
		? (credentials.ipnPassphrase as string | undefined)
		: automaticPassphrase(String(credentials.apiKey), slotFor(ctx));
}
