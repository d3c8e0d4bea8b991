import { listOutput, pagingFields } from './common';
import type { Operation } from './types';

export const productGroupOperations: Operation[] = [
	{
		resource: 'productGroup',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many product groups',
		description: 'List the folders your products are sorted into (listProductGroups)',
		fn: 'listProductGroups',
		fields: pagingFields(),
		output: listOutput(['items', 'product_groups'], { limit: true }),
	},
];
