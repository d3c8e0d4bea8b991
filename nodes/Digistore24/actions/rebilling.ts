import { pagingFields } from './common';
import { dateRangeFields, dateRangeParameters } from './dateRange';
import { purchaseIdField, trimmed } from './objects/ids';
import type { Operation } from './types';

const purchaseId = purchaseIdField('Order ID of the subscription or instalment plan');

export const rebillingOperations: Operation[] = [
	{
		resource: 'rebilling',
		operation: 'getStatusChanges',
		name: 'Get Status Changes',
		action: 'Get rebilling status changes',
		description: 'List when subscriptions and instalment plans started, were stopped, resumed or completed (listRebillingStatusChanges)',
		fn: 'listRebillingStatusChanges',
		fields: [...dateRangeFields(), ...pagingFields()],
		parameters: (ctx, i) => dateRangeParameters(ctx, i),
		records: 'items',
		pages: { pageSize: 1000 },
	},
	{
		resource: 'rebilling',
		operation: 'stop',
		name: 'Stop',
		action: 'Stop rebilling of a purchase',
		description: 'Cancel the future payments of a subscription or instalment plan; needs an API key with full access (stopRebilling)',
		fn: 'stopRebilling',
		fields: [
			purchaseId,
			{
				displayName: 'Options',
				name: 'stopOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Force',
						name: 'force',
						type: 'boolean',
						default: false,
						description: 'Whether to stop even where Digistore24 would otherwise refuse (for example right after a payment)',
					},
					{
						displayName: 'Ignore Refund Possibility',
						name: 'ignore_refund_possibility',
						type: 'boolean',
						default: false,
						description: 'Whether to stop without offering the buyer a refund of the current period',
					},
				],
			},
		],
		parameters: (ctx, i) => ({
			purchase_id: trimmed(ctx, 'purchaseId', i),
			...(ctx.getNodeParameter('stopOptions', i, {}) as Record<string, boolean>),
		}),
	},
	{
		resource: 'rebilling',
		operation: 'start',
		name: 'Start',
		action: 'Start rebilling of a purchase',
		description: 'Resume the payments of a stopped subscription or instalment plan; needs an API key with full access (startRebilling)',
		fn: 'startRebilling',
		fields: [purchaseId],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i) }),
	},
];
