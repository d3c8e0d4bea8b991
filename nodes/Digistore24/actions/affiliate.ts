import { NodeOperationError } from 'n8n-workflow';
import { collectionParameters, commaList, listOutput } from './common';
import { affiliateIdField, buyerEmailField, trimmed } from './objects/ids';
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
			affiliateIdField('Digistore24 ID, name or email address of the affiliate'),
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
			affiliate_id: trimmed(ctx, 'affiliateId', i),
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
			buyerEmailField('Email address of the future buyer'),
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
			email: trimmed(ctx, 'email', i),
			affiliate: (ctx.getNodeParameter('affiliate', i) as string).trim(),
			...collectionParameters(ctx, 'additionalFields', i),
		}),
	},
	{
		resource: 'affiliate',
		operation: 'updateCommission',
		name: 'Update Commission',
		action: 'Update the commission of an affiliate',
		description:
			"Change an affiliate's commission or approval status for some or all of your products; missing affiliations are created. Needs an API key with full access (updateAffiliateCommission).",
		fn: 'updateAffiliateCommission',
		fields: [
			affiliateIdField('Digistore24 ID or name of the affiliate'),
			{ displayName: 'Product IDs', name: 'productIds', type: 'string', default: '', placeholder: '512345, 512346', description: 'Product IDs separated by commas; empty for all products' },
			{
				displayName: 'Update Fields',
				name: 'commissionUpdateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{
						displayName: 'Approval Status',
						name: 'approval_status',
						type: 'options',
						default: 'approved',
						options: [
							{ name: 'Approved', value: 'approved' },
							{ name: 'New', value: 'new' },
							{ name: 'Pending', value: 'pending' },
							{ name: 'Rejected', value: 'rejected' },
						],
					},
					{ displayName: 'Commission Currency', name: 'commission_currency', type: 'string', default: '', placeholder: 'EUR', description: 'Currency of the fixed commission' },
					{ displayName: 'Commission Fix', name: 'commission_fix', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Fixed commission amount per sale' },
					{ displayName: 'Commission Rate (%)', name: 'commission_rate', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 }, description: 'Commission in percent' },
				],
			},
		],
		parameters: (ctx, i) => {
			const changes = collectionParameters(ctx, 'commissionUpdateFields', i);
			if (Object.keys(changes).length === 0) {
				throw new NodeOperationError(ctx.getNode(), 'Nothing to update', { description: 'Add at least one field under Update Fields.', itemIndex: i });
			}
			return { affiliate_id: trimmed(ctx, 'affiliateId', i), product_ids: commaList(ctx.getNodeParameter('productIds', i, '')) || 'all', ...changes };
		},
		output: listOutput(['commissions', 'affiliations', 'items'], { inherit: true }),
	},
	{
		resource: 'affiliate',
		operation: 'getForEmail',
		name: 'Get for Buyer Email',
		action: 'Get the affiliate for a buyer email',
		description: 'Get the affiliate that Set for Buyer Email assigned to an email address, with its campaign and tracking keys (getAffiliateForEmail)',
		fn: 'getAffiliateForEmail',
		fields: [buyerEmailField('Email address of the future buyer')],
		parameters: (ctx, i) => ({ email: trimmed(ctx, 'email', i) }),
	},
	{
		resource: 'affiliate',
		operation: 'getReferrer',
		name: 'Get Referring Affiliate',
		action: 'Get the referring affiliate of an affiliate',
		description: 'Get the partner who brought an affiliate to you, and the share of commission they get (getReferringAffiliate)',
		fn: 'getReferringAffiliate',
		fields: [affiliateIdField('Digistore24 ID of the affiliate who may have been referred')],
		parameters: (ctx, i) => ({ affiliate_id: trimmed(ctx, 'affiliateId', i) }),
	},
	{
		resource: 'affiliate',
		operation: 'setReferrer',
		name: 'Set Referring Affiliate',
		action: 'Set the referring affiliate of an affiliate',
		description: 'Record which partner brought an affiliate to you; the partner gets a share of that affiliate\'s commission. Needs an API key with full access (setReferringAffiliate).',
		fn: 'setReferringAffiliate',
		fields: [
			affiliateIdField('Digistore24 ID of the referred affiliate'),
			{ displayName: 'Referrer', name: 'referrerId', type: 'string', default: '', required: true, placeholder: 'coachfinder', description: 'Digistore24 ID of the partner who brought the affiliate' },
			{
				displayName: 'Options',
				name: 'referrerOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [{ displayName: 'Commission (%)', name: 'commission', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 }, description: "Share of the affiliate's commission you pay the referrer, in percent" }],
			},
		],
		parameters: (ctx, i) => ({ referrer_id: trimmed(ctx, 'referrerId', i), affiliate_id: trimmed(ctx, 'affiliateId', i), ...collectionParameters(ctx, 'referrerOptions', i) }),
	},
];
