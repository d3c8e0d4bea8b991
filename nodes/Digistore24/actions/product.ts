import { listOutput, pagingFields } from './common';
import { productIdField, trimmed } from './objects/ids';
import type { Operation } from './types';

export const productOperations: Operation[] = [
	{
		resource: 'product',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many products',
		description: 'List your products with prices, product group and approval status (listProducts)',
		fn: 'listProducts',
		fields: [
			{
				displayName: 'Sort By',
				name: 'productSortBy',
				type: 'options',
				default: 'name',
				options: [
					{ name: 'Name', value: 'name' },
					{ name: 'Product Group', value: 'group' },
				],
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => ({ sort_by: ctx.getNodeParameter('productSortBy', i, 'name') as string }),
		output: listOutput(['products', 'items'], { limit: true }),
	},
	{
		resource: 'product',
		operation: 'get',
		name: 'Get',
		action: 'Get a product',
		description: 'Get one product with its payment plans (getProduct)',
		fn: 'getProduct',
		fields: [productIdField()],
		parameters: (ctx, i) => ({ product_id: trimmed(ctx, 'productId', i) }),
	},
	{
		resource: 'product',
		operation: 'getPaymentPlans',
		name: 'Get Payment Plans',
		action: 'Get payment plans of a product',
		description: 'List the payment plans (prices, instalments, billing intervals) set up for a product, one item per plan (listPaymentPlans)',
		fn: 'listPaymentPlans',
		fields: [productIdField(), ...pagingFields()],
		parameters: (ctx, i) => ({ product_id: trimmed(ctx, 'productId', i) }),
		output: listOutput(['payment_plans', 'paymentplans', 'items'], { inherit: true, limit: true }),
	},
];
