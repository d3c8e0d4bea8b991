import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { toDigistore24Date } from './dateRange';
import { amountField, amountParameter } from './objects/amount';
import { purchaseIdField, transactionIdField, trimmed } from './objects/ids';
import type { Operation } from './types';

const refundOptions: INodeProperties = {
	displayName: 'Options',
	name: 'refundOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Force',
			name: 'force',
			type: 'boolean',
			default: false,
			description: 'Whether to refund even after the refund period has passed',
		},
		{
			displayName: 'Request Date',
			name: 'request_date',
			type: 'dateTime',
			default: '',
			description: 'When the buyer asked for the refund; the refund period is counted up to this date (default: now)',
		},
	],
};

function refundParameters(ctx: IExecuteFunctions, itemIndex: number): { force?: boolean; request_date?: string } {
	const options = ctx.getNodeParameter('refundOptions', itemIndex, {}) as { force?: boolean; request_date?: string };
	return {
		...(options.force !== undefined ? { force: options.force } : {}),
		...(options.request_date ? { request_date: toDigistore24Date(options.request_date) } : {}),
	};
}

export const refundOperations: Operation[] = [
	{
		resource: 'refund',
		operation: 'refundPurchase',
		name: 'Refund Purchase',
		action: 'Refund a purchase',
		description: 'Refund the payments of an order within the refund period and stop its billing; needs an API key with full access (refundPurchase)',
		fn: 'refundPurchase',
		fields: [purchaseIdField('Order ID of the purchase to refund'), refundOptions],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i), ...refundParameters(ctx, i) }),
	},
	{
		resource: 'refund',
		operation: 'refundTransaction',
		name: 'Refund Transaction',
		action: 'Refund a transaction',
		description: 'Refund one payment, for example a single rebill of a subscription; needs an API key with full access (refundTransaction)',
		fn: 'refundTransaction',
		fields: [transactionIdField('ID of the payment to refund'), refundOptions],
		parameters: (ctx, i) => ({ transaction_id: trimmed(ctx, 'transactionId', i), ...refundParameters(ctx, i) }),
	},
	{
		resource: 'refund',
		operation: 'refundPartially',
		name: 'Refund Partially',
		action: 'Refund part of a purchase',
		description:
			"Refund part of an order's payments, for example a goodwill discount; billing continues. Needs an API key with full access. Parameters purchase_id and amount as Digistore24's PHP clients send them; not in its public docs (refundPartially).",
		fn: 'refundPartially',
		fields: [purchaseIdField('Order ID of the purchase to refund in part'), amountField('Amount to refund, in the currency of the order; at most what was paid and not yet refunded')],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i), amount: amountParameter(ctx, i) }),
	},
];
