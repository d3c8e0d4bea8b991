import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { collectionParameters, listOutput, pagingFields } from './common';
import type { ParameterObject } from '../transport/parameters';
import { BUYER_OPTIONS, buyerContactOptions, sortedOptions } from './objects/buyer';
import type { Operation } from './types';

/**
 * createBuyUrl's nested parameters as collections: buyer[...], payment_plan[...], tracking[...],
 * urls[...], settings[...] and placeholders[...]. Option names are Digistore24's keys.
 */
const buyerField: INodeProperties = {
	displayName: 'Buyer',
	name: 'buyer',
	type: 'collection',
	placeholder: 'Add Buyer Field',
	default: {},
	description: 'Buyer data to fill into the order form',
	options: sortedOptions([
		...buyerContactOptions(),
		{ displayName: 'Existing Buyer or Order ID', name: 'id', type: 'string', default: '', description: 'Use the address of this buyer ID or order ID' },
		BUYER_OPTIONS.phone('phone_no'),
		{
			displayName: 'Read-Only Fields',
			name: 'readonly_keys',
			type: 'options',
			default: 'none',
			description: 'Which of the filled-in fields the buyer cannot change',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Email', value: 'email' },
				{ name: 'Email and Name', value: 'email_and_name' },
				{ name: 'None', value: 'none' },
			],
		},
		BUYER_OPTIONS.salutation(false),
		BUYER_OPTIONS.street,
		BUYER_OPTIONS.taxId,
	]),
};

const paymentPlanField: INodeProperties = {
	displayName: 'Payment Plan',
	name: 'paymentPlan',
	type: 'collection',
	placeholder: 'Add Payment Plan Field',
	default: {},
	description: 'Price and billing that replace the product\'s payment plan for this link',
	options: [
		{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'EUR', description: 'Three-letter currency code' },
		{ displayName: 'First Amount', name: 'first_amount', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Price, or the first payment of a subscription or instalment plan' },
		{ displayName: 'First Billing Interval', name: 'first_billing_interval', type: 'string', default: '1_month', placeholder: '1_month', description: 'Time from the purchase to the second payment, for example 14_day, 1_month or 1_year' },
		{ displayName: 'Number of Installments', name: 'number_of_installments', type: 'number', default: 1, typeOptions: { minValue: 0 }, description: '1 for a single payment, 0 for a subscription, 2 or more for an instalment plan' },
		{ displayName: 'Other Amounts', name: 'other_amounts', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Amount of the second and further payments' },
		{ displayName: 'Other Billing Intervals', name: 'other_billing_intervals', type: 'string', default: '1_month', placeholder: '1_month', description: 'Time between the further payments' },
		{ displayName: 'Payment Template ID', name: 'template', type: 'string', default: '', description: 'ID of a payment plan template' },
		{
			displayName: 'Tax Mode',
			name: 'tax_mode',
			type: 'options',
			default: 'as_set',
			options: [
				{ name: 'As Set for the Product', value: 'as_set' },
				{ name: 'Amounts Exclude VAT', value: 'exclude' },
				{ name: 'Amounts Include VAT', value: 'include' },
			],
		},
		{ displayName: 'Test Interval', name: 'test_interval', type: 'string', default: '', placeholder: '14_day', description: 'Free trial before the first payment' },
		{ displayName: 'Upgrade Order ID', name: 'upgrade_order_id', type: 'string', default: '', description: 'Order the purchase upgrades or downgrades' },
		{
			displayName: 'Upgrade Type',
			name: 'upgrade_type',
			type: 'options',
			default: 'upgrade',
			options: [
				{ name: 'Downgrade', value: 'downgrade' },
				{ name: 'Upgrade', value: 'upgrade' },
			],
		},
	],
};

const trackingField: INodeProperties = {
	displayName: 'Tracking',
	name: 'tracking',
	type: 'collection',
	placeholder: 'Add Tracking Field',
	default: {},
	options: [
		{ displayName: 'Affiliate', name: 'affiliate', type: 'string', default: '', description: 'Digistore24 ID of the affiliate credited with the sale' },
		{
			displayName: 'Affiliate Priority',
			name: 'affiliate_priority',
			type: 'options',
			default: 'as_set',
			description: 'Which affiliate wins when the buyer email already has one',
			options: [
				{ name: 'As Set Here', value: 'as_set' },
				{ name: 'The Email Address', value: 'email' },
			],
		},
		{ displayName: 'Campaign Key', name: 'campaignkey', type: 'string', default: '' },
		{ displayName: 'Custom', name: 'custom', type: 'string', default: '', description: 'Your own reference, returned in IPNs as custom (up to 63 characters)' },
		{ displayName: 'Tracking Key', name: 'trackingkey', type: 'string', default: '' },
		{ displayName: 'UTM Campaign', name: 'utm_campaign', type: 'string', default: '' },
		{ displayName: 'UTM Content', name: 'utm_content', type: 'string', default: '' },
		{ displayName: 'UTM Medium', name: 'utm_medium', type: 'string', default: '' },
		{ displayName: 'UTM Source', name: 'utm_source', type: 'string', default: '' },
		{ displayName: 'UTM Term', name: 'utm_term', type: 'string', default: '' },
	],
};

const urlsField: INodeProperties = {
	displayName: 'URLs',
	name: 'urls',
	type: 'collection',
	placeholder: 'Add URL',
	default: {},
	options: [
		{ displayName: 'Fallback URL', name: 'fallback_url', type: 'string', default: '', description: 'Where the link leads once it is no longer valid' },
		{ displayName: 'Thank You Page URL', name: 'thankyou_url', type: 'string', default: '' },
		{ displayName: 'Upgrade Error URL', name: 'upgrade_error_url', type: 'string', default: '', description: 'Where a failed upgrade leads' },
	],
};

const settingsField: INodeProperties = {
	displayName: 'Settings',
	name: 'settings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{ displayName: 'Affiliate Commission Fix', name: 'affiliate_commission_fix', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Fixed affiliate commission amount for this link' },
		{ displayName: 'Affiliate Commission Rate', name: 'affiliate_commission_rate', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100 }, description: 'Affiliate commission in percent for this link' },
		{ displayName: 'Order Form ID', name: 'orderform_id', type: 'string', default: '' },
		{
			displayName: 'Payment Methods',
			name: 'pay_methods',
			type: 'multiOptions',
			default: [],
			description: 'Offer only these payment methods',
			options: [
				{ name: 'Bank Transfer', value: 'banktransfer' },
				{ name: 'Credit Card', value: 'creditcard' },
				{ name: 'Direct Debit (ELV)', value: 'elv' },
				{ name: 'Klarna', value: 'klarna' },
				{ name: 'PayPal', value: 'paypal' },
				{ name: 'Sezzle', value: 'sezzle' },
			],
		},
		{ displayName: 'Voucher Code', name: 'voucher_code', type: 'string', default: '' },
	],
};

const placeholdersField: INodeProperties = {
	displayName: 'Placeholders',
	name: 'placeholders',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Placeholder',
	default: {},
	description: 'Values for placeholders in the product title and description',
	options: [
		{
			displayName: 'Placeholder',
			name: 'placeholder',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'TITLE' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

const AMOUNTS = ['first_amount', 'other_amounts'];

export const buyUrlOperations: Operation[] = [
	{
		resource: 'buyUrl',
		operation: 'create',
		name: 'Create',
		action: 'Create a buy URL',
		description: 'Create an order form link with buyer data, price, tracking and pages set in advance; needs an API key with full access (createBuyUrl)',
		fn: 'createBuyUrl',
		fields: [
			{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', required: true, placeholder: '512345' },
			{
				displayName: 'Valid Until',
				name: 'validUntil',
				type: 'string',
				default: '',
				placeholder: '7d',
				description: 'How long the link works: a period such as 24h or 7d, a date, or forever; empty for Digistore24\'s default',
			},
			buyerField,
			paymentPlanField,
			trackingField,
			urlsField,
			settingsField,
			placeholdersField,
		],
		parameters: (ctx, i) => {
			const paymentPlan = collectionParameters(ctx, 'paymentPlan', i);
			for (const key of AMOUNTS) if (typeof paymentPlan[key] === 'number') paymentPlan[key] = (paymentPlan[key] as number).toFixed(2);
			const placeholders: ParameterObject = {};
			const rows = ((ctx.getNodeParameter('placeholders', i, {}) as IDataObject).placeholder ?? []) as Array<{ name: string; value: string }>;
			for (const row of rows) if (row.name.trim()) placeholders[row.name.trim()] = row.value;
			const validUntil = (ctx.getNodeParameter('validUntil', i, '') as string).trim();
			return {
				product_id: (ctx.getNodeParameter('productId', i) as string).trim(),
				buyer: collectionParameters(ctx, 'buyer', i),
				payment_plan: paymentPlan,
				tracking: collectionParameters(ctx, 'tracking', i),
				urls: collectionParameters(ctx, 'urls', i),
				settings: collectionParameters(ctx, 'settings', i),
				placeholders,
				...(validUntil ? { valid_until: validUntil } : {}),
			};
		},
	},
	{
		resource: 'buyUrl',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many buy URLs',
		description: 'List the buy URLs you created (listBuyUrls)',
		fn: 'listBuyUrls',
		fields: pagingFields(),
		output: listOutput(['buyurls', 'buy_urls', 'items'], { limit: true }),
	},
	{
		resource: 'buyUrl',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a buy URL',
		description: 'Delete a buy URL so the link stops working; needs an API key with full access (deleteBuyUrl)',
		fn: 'deleteBuyUrl',
		fields: [{ displayName: 'Buy URL ID', name: 'buyUrlId', type: 'string', default: '', required: true, placeholder: '342033068' }],
		parameters: (ctx, i) => ({ id: (ctx.getNodeParameter('buyUrlId', i) as string).trim() }),
		output: (_data, ctx, i) => [{ deleted: true, id: (ctx.getNodeParameter('buyUrlId', i) as string).trim() }],
	},
];
