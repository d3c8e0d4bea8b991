import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { splitIds } from './ipn/registration';
import { POLL_EVENTS } from './poll/events';
import { DEFAULT_MAX_REMEMBERED, latestItem, pollOnce, type PollSettings, type PollState } from './poll/poll';
import { toWallClock } from './poll/wallClock';
import { testDigistore24Credential } from './transport/credentialTest';

const DEFAULT_LATE_MINUTES = 60;

export class Digistore24PollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digistore24 Polling Trigger',
		name: 'digistore24PollTrigger',
		icon: { light: 'file:digistore24.svg', dark: 'file:digistore24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on new Digistore24 payments, refunds, chargebacks and subscription changes by asking the API on a schedule (no public URL, read-only key is enough)',
		defaults: { name: 'Digistore24 Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digistore24Api', required: true, testedBy: 'digistore24ApiTest' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'What starts this workflow. Items have the Digistore24 Trigger\'s shape for the same event, plus source "poll".',
				options: POLL_EVENTS.map((event) => ({
					name: event.ipn.name,
					value: event.ipn.value,
					action: event.ipn.action,
					description: event.ipn.description,
				})),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Late Arrival Window (Minutes)',
						name: 'lateMinutes',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_LATE_MINUTES,
						description: 'Each poll reads again this far back, so a record Digistore24 books with an earlier time is still caught (once). Larger catches later arrivals but reads more per poll.',
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
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description: 'On the first activation, start from this time (Digistore24 account time) and run for everything since, instead of starting from now. Ignored once the trigger has polled.',
					},
				],
			},
		],
	};

	methods = { credentialTest: { digistore24ApiTest: testDigistore24Credential } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = settingsOf(this);
		if (this.getMode() === 'manual') {
			// Fetch Test Event: the newest matching record; the cursor stays as it is.
			const item = await latestItem.call(this, settings);
			return item ? [this.helpers.returnJsonArray([item as unknown as IDataObject])] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const result = await pollOnce.call(this, (staticData.poll as PollState | undefined) ?? {}, settings);
		for (const source of result.capped) {
			this.logger.warn(`Digistore24 Polling Trigger: more than ${settings.maxRemembered} ${source} in the late-arrival window; it was shortened for this poll`);
		}
		// Assigned whole: n8n saves static data when a property of it is set.
		staticData.poll = result.state as unknown as IDataObject;
		if (result.items.length === 0) return null;
		return [this.helpers.returnJsonArray(result.items as unknown as IDataObject[])];
	}
}

function settingsOf(ctx: IPollFunctions): PollSettings {
	const events = ctx.getNodeParameter('events', []) as string[];
	if (events.length === 0) throw new NodeOperationError(ctx.getNode(), 'Choose at least one event', { description: 'Events lists what starts this workflow.' });
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const startFrom = String(options.startFrom ?? '').trim() || undefined;
	if (startFrom && toWallClock(startFrom, '+00:00') === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Start From "${startFrom}" is not a date`, { description: 'Use a date and time such as 2026-11-01 00:00:00.' });
	}
	const lateMinutes = Number(options.lateMinutes ?? DEFAULT_LATE_MINUTES);
	return {
		events,
		productIds: splitIds(options.productIds),
		lateSeconds: Math.round((Number.isFinite(lateMinutes) && lateMinutes > 0 ? lateMinutes : DEFAULT_LATE_MINUTES) * 60),
		startFrom,
		maxRemembered: DEFAULT_MAX_REMEMBERED,
	};
}
