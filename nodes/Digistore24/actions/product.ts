import { listOutput, pagingFields } from './common';
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
		fields: [
			{
				displayName: 'Product ID',
				name: 'productId',
				type: 'string',
				default: '',
				required: true,
				placeholder: '512345',
			},
		],
		parameters: (ctx, i) => ({ product_id: (ctx.getNodeParameter('productId', i) as string).trim() }),
	},
];
