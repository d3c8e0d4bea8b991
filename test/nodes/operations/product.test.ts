import { PRODUCTS } from '../../emulator/data/products';
import { failure, useEmulator } from './helpers';

const h = useEmulator(100);

describe('Product → Get Many (listProducts)', () => {
	it('lists the products, sorted by name or by group', async () => {
		const byName = await h.run('product', 'getMany', { returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listProducts', params: { sort_by: 'name', language: 'en' } });
		expect(byName.map((item) => item.json.name)).toEqual(PRODUCTS.map((p) => p.name).sort());
		expect(byName[0].json).toMatchObject({ affiliate_commission: 30, is_active: true, is_deleted: false });

		const byGroup = await h.run('product', 'getMany', { productSortBy: 'group', limit: 2 });
		expect(h.calls()[1].params).toEqual({ sort_by: 'group', language: 'en' });
		expect(byGroup.map((item) => item.json.product_group_name)).toEqual(['Events', 'Memberships']);
	});
});

describe('Product → Get (getProduct)', () => {
	it('returns the product with its payment plans', async () => {
		const [out] = await h.run('product', 'get', { productId: '512346' });
		expect(h.calls()[0]).toMatchObject({ function: 'getProduct', params: { product_id: '512346', language: 'en' } });
		expect(out.json).toMatchObject({ id: '512346', billing_type: 'subscription', paymentplans: [{ first_amount: 19, other_amounts: 19, number_of_installments: '0' }] });
	});

	it('an unknown product fails with Digistore24 message', async () => {
		const error = await failure(h.run('product', 'get', { productId: '1' }));
		expect(error.message).toBe('Digistore24 getProduct: Product not found: 1 (code 4)');
	});
});

describe('Product group → Get Many (listProductGroups)', () => {
	it('lists one item per product group', async () => {
		const out = await h.run('productGroup', 'getMany', { returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listProductGroups', params: { language: 'en' } });
		expect(out.map((item) => [item.json.id, item.json.name, item.json.is_shown_as_tab])).toEqual([
			['1101', 'Online courses', true],
			['1102', 'Memberships', true],
			['1103', 'Events', false],
		]);
		expect(await h.run('productGroup', 'getMany', { limit: 1 })).toHaveLength(1);
	});
});
