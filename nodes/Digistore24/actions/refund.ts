import type { INodeProperties } from 'n8n-workflow';
import { toDigistore24Date } from './dateRange';
import type { Operation } from './types';
import type { IExecuteFunctions } from 'n8n-workflow';

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
		fields: [
			{
				displayName: 'Purchase ID',
				name: 'purchaseId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'A1B2C3D4',
				description: 'Order ID of the purchase to refund',
			},
			refundOptions,
		],
		parameters: (ctx, i) => ({ purchase_id: (ctx.getNodeParameter('purchaseId', i) as string).trim(), ...refundParameters(ctx, i) }),
	},
	{
		resource: 'refund',
		operation: 'refundTransaction',
		name: 'Refund Transaction',
		action: 'Refund a transaction',
		description: 'Refund one payment, for example a single rebill of a subscription; needs an API key with full access (refundTransaction)',
		fn: 'refundTransaction',
		fields: [
			{
				displayName: 'Transaction ID',
				name: 'transactionId',
				type: 'string',
				default: '',
				required: true,
				placeholder: '40000123',
				description: 'ID of the payment to refund',
			},
			refundOptions,
		],
		parameters: (ctx, i) => ({ transaction_id: (ctx.getNodeParameter('transactionId', i) as string).trim(), ...refundParameters(ctx, i) }),
	},
];
