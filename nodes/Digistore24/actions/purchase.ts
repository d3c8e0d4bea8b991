import type { INodeProperties } from 'n8n-workflow';
import { commaList, keyedOutput, listOutput, pagingFields } from './common';
import { dateRangeFields, dateRangeParameters } from './dateRange';
import { searchParameters, sortFields, sortParameters, transactionSearchOptions } from './search';
import type { Operation } from './types';

export { searchParameters } from './search';

const purchaseIds: INodeProperties = {
	displayName: 'Purchase IDs',
	name: 'purchaseId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'A1B2C3D4, E5F6G7H8',
	description: 'One order ID or several separated by commas (the purchase ID is the order ID)',
};

const hasAffiliate: INodeProperties = {
	displayName: 'Has Affiliate',
	name: 'has_affiliate',
	type: 'boolean',
	default: true,
	description: 'Whether to return only purchases with an affiliate (on) or only those without one (off)',
};

const searchField: INodeProperties = {
	displayName: 'Filters',
	name: 'search',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [...transactionSearchOptions, hasAffiliate].sort((a, b) => (a.displayName < b.displayName ? -1 : 1)),
};

export const purchaseOperations: Operation[] = [
	{
		resource: 'purchase',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many purchases',
		description: 'List purchases in a date range with filters and sorting (listPurchases)',
		fn: 'listPurchases',
		fields: [
			...dateRangeFields(),
			searchField,
			...sortFields,
			{
				displayName: 'Include Transactions',
				name: 'loadTransactions',
				type: 'boolean',
				default: false,
				description: "Whether to add each purchase's payments, refunds and chargebacks (transaction_list)",
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => ({
			...dateRangeParameters(ctx, i),
			search: searchParameters(ctx.getNodeParameter('search', i, {}) as Record<string, unknown>),
			...sortParameters(ctx, i),
			...(ctx.getNodeParameter('loadTransactions', i, false) ? { load_transactions: true } : {}),
		}),
		records: 'purchase_list',
		pages: { pageSize: 1000 },
	},
	{
		resource: 'purchase',
		operation: 'get',
		name: 'Get',
		action: 'Get a purchase',
		description: 'Get one or several purchases by order ID, with buyer, billing and transactions (getPurchase)',
		fn: 'getPurchase',
		fields: [purchaseIds],
		parameters: (ctx, i) => ({ purchase_id: commaList(ctx.getNodeParameter('purchaseId', i)) }),
		output: keyedOutput(),
	},
	{
		resource: 'purchase',
		operation: 'getByEmail',
		name: 'Get by Buyer Email',
		action: 'Get purchases by buyer email',
		description: 'List the purchases of one buyer email address, newest first (listPurchasesOfEmail)',
		fn: 'listPurchasesOfEmail',
		fields: [
			{
				displayName: 'Buyer Email',
				name: 'email',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'name@email.com',
				description: 'The exact email address the buyer used',
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => ({
			email: (ctx.getNodeParameter('email', i) as string).trim(),
			// Digistore24 returns 100 by default; Return All asks for as many as it will give.
			limit: ctx.getNodeParameter('returnAll', i, false) ? 10000 : (ctx.getNodeParameter('limit', i, 50) as number),
		}),
		output: listOutput(['purchase_list', 'purchases', 'items'], { limit: true }),
	},
	{
		resource: 'purchase',
		operation: 'getDownloads',
		name: 'Get Downloads',
		action: 'Get downloads of a purchase',
		description: 'List the download files of one or several purchases with links and remaining downloads (getPurchaseDownloads)',
		fn: 'getPurchaseDownloads',
		fields: [purchaseIds],
		parameters: (ctx, i) => ({ purchase_id: commaList(ctx.getNodeParameter('purchaseId', i)) }),
		output: listOutput(['downloads', 'items']),
	},
	{
		resource: 'purchase',
		operation: 'getTracking',
		name: 'Get Tracking',
		action: 'Get tracking of a purchase',
		description: 'Get the affiliate, campaign key, tracking key and UTM values of one or several purchases (getPurchaseTracking)',
		fn: 'getPurchaseTracking',
		fields: [purchaseIds],
		parameters: (ctx, i) => ({ purchase_id: commaList(ctx.getNodeParameter('purchaseId', i)) }),
		output: keyedOutput('purchase_id'),
	},
];
