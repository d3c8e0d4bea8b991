import { apiErrors } from '../errors';
import { ORDERFORMS } from '../data/everyday';
import { PRODUCTS } from '../data/products';
import { oneOf, text } from './params';

/** Product groups: folders for the products, in display order. */
const GROUP_POSITIONS: Record<string, number> = { '1101': 10, '1102': 20, '1103': 30 };
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
			const product = requiredProduct(params);
			return { ...productView(product), paymentplans: [paymentPlanView(product)] };
		},
	},
	listProductGroups: {
		writes: false,
		handler: () => {
			const groups = new Map<string, { id: string; name: string; products: string[] }>();
			for (const product of PRODUCTS) {
				const group = groups.get(product.product_group_id) ?? { id: product.product_group_id, name: product.product_group_name, products: [] };
				group.products.push(product.id);
				groups.set(group.id, group);
			}
			const items = [...groups.values()]
				.sort((a, b) => (GROUP_POSITIONS[a.id] ?? 99) - (GROUP_POSITIONS[b.id] ?? 99))
				.map((group) => ({
					id: group.id,
					name: group.name,
					position: String(GROUP_POSITIONS[group.id] ?? 99),
					is_shown_as_tab: group.id === '1103' ? 'N' : 'Y',
					product_count: String(group.products.length),
					product_ids: group.products.join(','),
					created_at: '2024-11-04 10:05:00',
				}));
			return { items };
		},
	},
	listPaymentPlans: {
		writes: false,
		params: ['product_id'],
		required: ['product_id'],
		handler: ({ params }) => ({ payment_plans: [paymentPlanView(requiredProduct(params))] }),
	},
	listOrderforms: {
		writes: false,
		handler: () => ({ orderforms: ORDERFORMS.map((form) => ({ ...form })) }),
	},
};

/** The product `product_id` names; Digistore24's not-found error otherwise. */
function requiredProduct(params: Parameters<typeof text>[0]) {
	const id = text(params, 'product_id')!.trim();
	const product = PRODUCTS.find((p) => p.id === id);
	if (!product) throw apiErrors.notFound('Product', id);
	return product;
}
