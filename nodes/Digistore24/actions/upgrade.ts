import type { IDataObject } from 'n8n-workflow';
import { commaList, listOutput, pagingFields, unwrapOutput } from './common';
import { trimmed, upgradeIdField } from './objects/ids';
import type { Operation } from './types';

export const upgradeOperations: Operation[] = [
	{
		resource: 'upgrade',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many upgrades',
		description: 'List the upgrades and downgrades you set up between products (listUpgrades)',
		fn: 'listUpgrades',
		fields: pagingFields(),
		output: listOutput(['upgrades', 'items'], { limit: true }),
	},
	{
		resource: 'upgrade',
		operation: 'get',
		name: 'Get',
		action: 'Get an upgrade',
		description: 'Get one upgrade; with order IDs, also whether each of those orders can take it (getUpgrade)',
		fn: 'getUpgrade',
		fields: [
			upgradeIdField('Numeric ID of the upgrade (see Get Many)'),
			{ displayName: 'Check Order IDs', name: 'orderIds', type: 'string', default: '', placeholder: 'A1B2C3D4, E5F6G7H8', description: 'Orders to check whether the upgrade is possible for them, separated by commas' },
		],
		parameters: (ctx, i) => ({ upgrade_id: trimmed(ctx, 'upgradeId', i), ...(commaList(ctx.getNodeParameter('orderIds', i, '')) ? { order_ids: commaList(ctx.getNodeParameter('orderIds', i, '')) } : {}) }),
		output: unwrapOutput('upgrade'),
	},
	{
		resource: 'upgrade',
		operation: 'purchase',
		name: 'Upgrade Purchase',
		action: 'Upgrade a purchase',
		description:
			'Upgrade an order without the buyer on the order form: charges the buyer and ends the old order on its delivery date. The buyer must have agreed. Needs an API key with full access and the "Billing on demand" permission (createUpgradePurchase).',
		fn: 'createUpgradePurchase',
		fields: [
			{ displayName: 'Purchase IDs', name: 'purchaseId', type: 'string', default: '', required: true, placeholder: 'A1B2C3D4', description: "The buyer's order IDs separated by commas; Digistore24 upgrades the one that matches the upgrade" },
			upgradeIdField('ID of the upgrade, NNN or NNN-XXXXXXX with its auth key'),
			{
				displayName: 'Options',
				name: 'upgradeOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [{ displayName: 'Payment Plan', name: 'payment_plan_id', type: 'string', default: '', description: 'ID of the payment plan for the new order, or its position starting at 1' }],
			},
		],
		parameters: (ctx, i) => {
			const options = ctx.getNodeParameter('upgradeOptions', i, {}) as IDataObject;
			const plan = String(options.payment_plan_id ?? '').trim();
			return { purchase_ids: commaList(ctx.getNodeParameter('purchaseId', i)), upgrade_id: trimmed(ctx, 'upgradeId', i), ...(plan ? { payment_plan_id: plan } : {}) };
		},
	},
];
