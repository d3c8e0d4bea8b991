import { FULL_ACCESS_KEY, READ_ONLY_KEY } from './keys';
import { call, data, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 200 });
});
afterAll(() => emulator.stop());

const HEAD = {
	api_version: '1.2',
	current_time: '2026-03-15 13:00:00',
	timezone: 'Europe/Berlin',
	utc_offset: '+01:00',
};

describe('the envelope', () => {
	test('ping answers the success envelope with server_time in Berlin time', async () => {
		const { status, body } = await call(emulator, 'ping');
		expect(status).toBe(200);
		expect(body).toEqual({ ...HEAD, result: 'success', data: { server_time: '2026-03-15 13:00:00' } });
	});

	test('the offset follows Berlin summer time', async () => {
		const summer = await startEmulator({ now: new Date('2026-07-01T10:00:00Z'), purchases: 10 });
		try {
			const { body } = await call(summer, 'ping');
			expect(body).toMatchObject({ current_time: '2026-07-01 12:00:00', utc_offset: '+02:00' });
		} finally {
			await summer.stop();
		}
	});

	test('all three URL forms and GET with a query string reach the function', async () => {
		const forms = [
			call(emulator, 'getProduct', { product_id: '512345' }),
			call(emulator, 'getProduct', { product_id: '512345' }, { path: '/api/call/getProduct/format/json' }),
			call(emulator, 'getProduct', { product_id: '512345' }, { path: `/api/call/${FULL_ACCESS_KEY}/json/getProduct`, key: null }),
			call(emulator, 'getProduct', { product_id: '512345' }, { method: 'GET' }),
		];
		for (const { body } of await Promise.all(forms)) {
			expect(body).toMatchObject({ ...HEAD, result: 'success', data: { id: '512345', currency: 'EUR' } });
		}
	});

	test('getUserInfo names the account and the key permission', async () => {
		expect(await data(emulator, 'getUserInfo')).toMatchObject({
			user_id: '39499382',
			user_name: 'emuvendor',
			granted_roles: 'vendor,affiliate',
			permissions: 'writable',
		});
		expect(await data(emulator, 'getUserInfo', {}, { key: READ_ONLY_KEY })).toMatchObject({ permissions: 'readonly', api_key_id: '5678' });
	});

	test('listProducts lists five products in EUR, USD and CHF, with a subscription and an e-ticket', async () => {
		const { products } = await data<{ products: Array<Record<string, string>> }>(emulator, 'listProducts');
		expect(products).toHaveLength(5);
		expect(new Set(products.map((p) => p.currency))).toEqual(new Set(['EUR', 'USD', 'CHF']));
		expect(products.some((p) => p.billing_type === 'subscription')).toBe(true);
		expect(products.some((p) => p.product_type === 'eticket')).toBe(true);
		expect(products.map((p) => p.name)).toEqual([...products.map((p) => p.name)].sort());
	});

	test('getProduct carries its payment plan', async () => {
		const product = await data(emulator, 'getProduct', { product_id: '512346' });
		expect(product).toMatchObject({ billing_type: 'subscription', is_active: 'Y' });
		expect(product.paymentplans).toEqual([expect.objectContaining({ first_amount: '19.00', other_billing_intervals: '1_month' })]);
	});

	test('other paths answer 404 JSON', async () => {
		const response = await fetch(`${emulator.url}/api/other`);
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: expect.stringContaining('/api/call/') });
	});
});
