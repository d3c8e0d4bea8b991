import type { INodeProperties } from 'n8n-workflow';
import { pagingFields } from './common';
import { dateRangeFields, dateRangeParameters } from './dateRange';
import type { Operation } from './types';

const purchaseIds: INodeProperties = {
	displayName: 'Purchase IDs',
	name: 'purchaseId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'A1B2C3D4, E5F6G7H8',
	description: 'One order ID or several separated by commas (the purchase ID is the order ID)',
};

const searchField: INodeProperties = {
	displayName: 'Filters',
	name: 'search',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{ displayName: 'Buyer Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Matches part of the email address' },
		{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'EUR' },
		{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		{ displayName: 'Product ID', name: 'product_id', type: 'string', default: '' },
		{
			displayName: 'Role',
			name: 'role',
			type: 'multiOptions',
			default: [],
			description: 'Your role in the purchase',
			options: [
				{ name: 'Affiliate', value: 'affiliate' },
				{ name: 'Other', value: 'other' },
				{ name: 'Vendor', value: 'vendor' },
			],
		},
		{
			displayName: 'Transaction Type',
			name: 'transaction_type',
			type: 'options',
			default: 'payment',
			options: [
				{ name: 'Chargeback', value: 'chargeback' },
				{ name: 'Payment', value: 'payment' },
				{ name: 'Refund', value: 'refund' },
				{ name: 'Refund Request', value: 'refund_request' },
			],
		},
	],
};

const sortFields: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		default: 'date',
		options: [
			{ name: 'Amount', value: 'amount' },
			{ name: 'Date', value: 'date' },
			{ name: 'Earning', value: 'earning' },
		],
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		default: 'asc',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
	},
];

/** Digistore24 takes list filters as comma-separated text. */
export function searchParameters(search: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(search)) {
		const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
		if (text !== '') out[key] = text;
	}
	return out;
}

export const purchaseOperations: Operation[] = [
	{
		resource: 'purchase',
		operation: 'get',
		name: 'Get',
		action: 'Get a purchase',
		description: 'Get one or several purchases by order ID (getPurchase)',
		fn: 'getPurchase',
		fields: [purchaseIds],
		parameters: (ctx, i) => ({ purchase_id: (ctx.getNodeParameter('purchaseId', i) as string).replace(/\s+/g, '') }),
	},
	{
		resource: 'purchase',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many purchases',
		description: 'List purchases in a date range with filters (listPurchases)',
		fn: 'listPurchases',
		fields: [...dateRangeFields(), searchField, ...sortFields, ...pagingFields()],
		parameters: (ctx, i) => ({
			...dateRangeParameters(ctx, i),
			search: searchParameters(ctx.getNodeParameter('search', i, {}) as Record<string, unknown>),
			sort_by: ctx.getNodeParameter('sortBy', i) as string,
			sort_order: ctx.getNodeParameter('sortOrder', i) as string,
		}),
		records: 'purchase_list',
		pages: { pageSize: 1000 },
	},
];
