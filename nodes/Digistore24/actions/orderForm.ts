import { listOutput, pagingFields } from './common';
import type { Operation } from './types';

export const orderFormOperations: Operation[] = [
	{
		resource: 'orderForm',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many order forms',
		description: 'List your order forms (checkout layouts) with their IDs, for Buy URL settings (listOrderforms)',
		fn: 'listOrderforms',
		fields: pagingFields(),
		output: listOutput(['orderforms', 'order_forms', 'items'], { limit: true }),
	},
];
