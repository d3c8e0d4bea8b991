import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { commaList, keyedOutput, listOutput, pagingFields } from './common';
import { amountField, amountParameter } from './objects/amount';
import { dateRangeFields, dateRangeParameters, toDigistore24Date } from './dateRange';
import { searchParameters, sortFields, sortParameters, transactionSearchOptions } from './search';
import { buyerEmailField, optionalPurchaseIdField, purchaseIdField, purchaseIdsField, trimmed } from './objects/ids';
import type { Operation } from './types';

export { searchParameters } from './search';

const purchaseIds = purchaseIdsField();

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
			buyerEmailField('The exact email address the buyer used'),
			...pagingFields(),
		],
		parameters: (ctx, i) => ({
			email: trimmed(ctx, 'email', i),
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
	{
		resource: 'purchase',
		operation: 'update',
		name: 'Update',
		action: 'Update a purchase',
		description: "Change an order's tracking key or custom value, unlock its invoices again, or move the next payment later; needs an API key with full access (updatePurchase)",
		fn: 'updatePurchase',
		fields: [
			purchaseIdField(),
			{
				displayName: 'Update Fields',
				name: 'purchaseUpdateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Custom', name: 'custom', type: 'string', default: '', description: 'Your own reference for the order (custom in notifications)' },
					{
						displayName: 'Next Payment At',
						name: 'next_payment_at',
						type: 'dateTime',
						default: '',
						description: 'Move the next rebill or instalment to this date. Digistore24 only extends an interval, never shortens it.',
					},
					{ displayName: 'Tracking Key', name: 'tracking_param', type: 'string', default: '', description: "The vendor's tracking key (trackingkey in notifications)" },
					{
						displayName: 'Unlock Invoices',
						name: 'unlock_invoices',
						type: 'boolean',
						default: true,
						description: 'Whether to give the buyer access to the order details and invoices again (access ends 3 years after the order)',
					},
				],
			},
		],
		parameters: (ctx, i) => {
			const raw = ctx.getNodeParameter('purchaseUpdateFields', i, {}) as { custom?: string; next_payment_at?: string; tracking_param?: string; unlock_invoices?: boolean };
			const changes = {
				...(raw.custom !== undefined ? { custom: raw.custom } : {}),
				...(raw.tracking_param !== undefined ? { tracking_param: raw.tracking_param } : {}),
				...(raw.unlock_invoices !== undefined ? { unlock_invoices: raw.unlock_invoices } : {}),
				...(raw.next_payment_at ? { next_payment_at: toDigistore24Date(raw.next_payment_at) } : {}),
			};
			if (Object.keys(changes).length === 0) {
				throw new NodeOperationError(ctx.getNode(), 'Nothing to update', { description: 'Add at least one field under Update Fields.', itemIndex: i });
			}
			return { purchase_id: trimmed(ctx, 'purchaseId', i), ...changes };
		},
	},
	{
		resource: 'purchase',
		operation: 'addBalance',
		name: 'Add Balance',
		action: 'Add balance to a purchase',
		description:
			"Add credit to an order's balance, which pays its next rebills first; a negative amount takes credit away (the balance never goes below 0). Needs an API key with full access (addBalanceToPurchase).",
		fn: 'addBalanceToPurchase',
		fields: [purchaseIdField(), amountField('Credit to add, in the currency of the order; negative to reduce the balance', { allowNegative: true })],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i), amount: amountParameter(ctx, i) }),
	},
	{
		resource: 'purchase',
		operation: 'resendConfirmation',
		name: 'Resend Confirmation Email',
		action: 'Resend the confirmation email of a purchase',
		description: 'Send the order confirmation email to the buyer again, for example after they changed their address; needs an API key with full access (resendPurchaseConfirmationMail)',
		fn: 'resendPurchaseConfirmationMail',
		fields: [purchaseIdField()],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i) }),
	},
	{
		resource: 'purchase',
		operation: 'getCustomFormRecords',
		name: 'Get Custom Form Records',
		action: 'Get custom form records of purchases',
		description: 'List what buyers entered in the additional input fields (custom forms) of their orders, one item per form (listCustomFormRecords)',
		fn: 'listCustomFormRecords',
		fields: [
			optionalPurchaseIdField('Only the records of this order; empty for all orders'),
			...pagingFields(),
		],
		parameters: (ctx, i) => {
			const id = String(ctx.getNodeParameter('purchaseId', i, '')).trim();
			return id ? { purchase_id: id } : {};
		},
		output: listOutput(['records', 'custom_form_records', 'items'], { limit: true }),
	},
];
