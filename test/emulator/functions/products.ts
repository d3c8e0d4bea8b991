import { apiErrors } from '../errors';
import { PRODUCTS } from '../data/products';
import { oneOf, text } from './params';
import type { FunctionTable } from './types';
import { paymentPlanView, productView } from './views';

/** The account's own products (not the partner product it only promotes). */
export const productFunctions: FunctionTable = {
	listProducts: {
		writes: false,
		params: ['sort_by'],
		handler: ({ params }) => {
			const sortBy = oneOf(params, 'sort_by', ['name', 'group'] as const, 'name');
			const key = (p: (typeof PRODUCTS)[number]) => (sortBy === 'group' ? `${p.product_group_name}\u0000${p.name}` : p.name);
			const products = [...PRODUCTS].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
			return { products: products.map(productView) };
		},
	},
	getProduct: {
		writes: false,
		params: ['product_id'],
		required: ['product_id'],
		handler: ({ params }) => {
			const id = text(params, 'product_id')!.trim();
			const product = PRODUCTS.find((p) => p.id === id);
			if (!product) throw apiErrors.notFound('Product', id);
			return { ...productView(product), paymentplans: [paymentPlanView(product)] };
		},
	},
};
