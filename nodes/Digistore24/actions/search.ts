import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The `search[...]` filters listPurchases and listTransactions share (reference §1.5), and their
 * sort order. Lists of values go to Digistore24 comma-separated, switches as Y/N.
 */
export const transactionSearchOptions: INodeProperties[] = [
	{ displayName: 'Affiliate Name', name: 'affiliate_name', type: 'string', default: '', description: 'Digistore24 ID of the affiliate who referred the sale' },
	{
		displayName: 'Billing Types',
		name: 'billing_type',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Installment', value: 'installment' },
			{ name: 'Single Payment', value: 'single_payment' },
			{ name: 'Subscription', value: 'subscription' },
		],
	},
	{ displayName: 'Buyer Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Matches part of the email address' },
	{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'EUR', description: 'Three-letter currency code; several separated by commas' },
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '', description: "Matches part of the buyer's first name" },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '', description: "Matches part of the buyer's last name" },
	{
		displayName: 'Payment Methods',
		name: 'pay_method',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Bank Transfer', value: 'banktransfer' },
			{ name: 'Credit Card', value: 'creditcard' },
			{ name: 'Direct Debit (ELV)', value: 'ELV' },
			{ name: 'Klarna', value: 'klarna' },
			{ name: 'PayPal', value: 'paypal' },
			{ name: 'Sezzle', value: 'sezzle' },
			{ name: 'Test Payment', value: 'test' },
		],
	},
	{ displayName: 'Product IDs', name: 'product_id', type: 'string', default: '', placeholder: '512345, 512346', description: 'One product ID or several separated by commas' },
	{ displayName: 'Purchase IDs', name: 'purchase_id', type: 'string', default: '', description: 'One order ID or several separated by commas' },
	{
		displayName: 'Roles',
		name: 'role',
		type: 'multiOptions',
		default: [],
		description: 'Your role in the sale',
		options: [
			{ name: 'Affiliate', value: 'affiliate' },
			{ name: 'Other', value: 'other' },
			{ name: 'Vendor', value: 'vendor' },
		],
	},
	{
		displayName: 'Transaction Types',
		name: 'transaction_type',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Chargeback', value: 'chargeback' },
			{ name: 'Payment', value: 'payment' },
			{ name: 'Refund', value: 'refund' },
			{ name: 'Refund Request', value: 'refund_request' },
		],
	},
];

export const sortFields: INodeProperties[] = [
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

export function sortParameters(ctx: IExecuteFunctions, itemIndex: number): { sort_by: string; sort_order: string } {
	return {
		sort_by: ctx.getNodeParameter('sortBy', itemIndex, 'date') as string,
		sort_order: ctx.getNodeParameter('sortOrder', itemIndex, 'asc') as string,
	};
}

/** Digistore24 takes list filters as comma-separated text and switches as Y/N. */
export function searchParameters(search: Record<string, unknown>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(search)) {
		const text =
			typeof value === 'boolean'
				? value
					? 'Y'
					: 'N'
				: Array.isArray(value)
					? value.join(',')
					: String(value ?? '')
							.split(',')
							.map((part) => part.trim())
							.join(',');
		if (text !== '') out[key] = text;
	}
	return out;
}
