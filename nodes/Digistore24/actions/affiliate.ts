import { collectionParameters, commaList, listOutput } from './common';
import type { Operation } from './types';

export const affiliateOperations: Operation[] = [
	{
		resource: 'affiliate',
		operation: 'getCommission',
		name: 'Get Commission',
		action: 'Get the commission of an affiliate',
		description: "Get an affiliate's commission and approval status for each of your products, one item per product (getAffiliateCommission)",
		fn: 'getAffiliateCommission',
		fields: [
			{
				displayName: 'Affiliate',
				name: 'affiliateId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'MaxMuster',
				description: 'Digistore24 ID, name or email address of the affiliate',
			},
			{
				displayName: 'Product IDs',
				name: 'productIds',
				type: 'string',
				default: '',
				placeholder: '512345, 512346',
				description: 'Product IDs separated by commas; empty for all products',
			},
		],
		parameters: (ctx, i) => ({
			affiliate_id: (ctx.getNodeParameter('affiliateId', i) as string).trim(),
			product_ids: commaList(ctx.getNodeParameter('productIds', i, '')) || 'all',
		}),
		output: listOutput(['commissions', 'affiliations', 'items'], { inherit: true }),
	},
	{
		resource: 'affiliate',
		operation: 'validate',
		name: 'Validate',
		action: 'Validate an affiliate',
		description: 'Check whether an affiliate is approved to promote the given products, as the order form does (validateAffiliate)',
		fn: 'validateAffiliate',
		fields: [
			{
				displayName: 'Affiliate Name',
				name: 'affiliateName',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'MaxMuster',
				description: 'Digistore24 ID of the affiliate',
			},
			{
				displayName: 'Product IDs',
				name: 'productIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: '512345, 512346',
				description: 'One product ID or several separated by commas, all of the same vendor',
			},
		],
		parameters: (ctx, i) => ({
			affiliate_name: (ctx.getNodeParameter('affiliateName', i) as string).trim(),
			product_ids: commaList(ctx.getNodeParameter('productIds', i)),
		}),
	},
	{
		resource: 'affiliate',
		operation: 'setForEmail',
		name: 'Set for Buyer Email',
		action: 'Set the affiliate for a buyer email',
		description: "Credit an affiliate with the future purchases of an email address; needs an API key with full access (setAffiliateForEmail)",
		fn: 'setAffiliateForEmail',
		fields: [
			{
				displayName: 'Buyer Email',
				name: 'email',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'name@email.com',
				description: 'Email address of the future buyer',
			},
			{
				displayName: 'Affiliate',
				name: 'affiliate',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'MaxMuster',
				description: 'Digistore24 ID of the affiliate',
			},
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Campaign Key', name: 'campaignkey', type: 'string', default: '', description: "The affiliate's campaign key" },
					{ displayName: 'Click ID', name: 'click_id', type: 'string', default: '', description: "The affiliate's click ID, for their S2S postback" },
					{ displayName: 'Tracking Key', name: 'trackingkey', type: 'string', default: '', description: 'Your own tracking key' },
				],
			},
		],
		parameters: (ctx, i) => ({
			email: (ctx.getNodeParameter('email', i) as string).trim(),
			affiliate: (ctx.getNodeParameter('affiliate', i) as string).trim(),
			...collectionParameters(ctx, 'additionalFields', i),
		}),
	},
];
