import { ERROR_CODES } from './errors';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from './keys';
import { call, control, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 50 });
});
afterAll(() => emulator.stop());
beforeEach(() => control(emulator, 'reset'));

async function expectError(promise: ReturnType<typeof call>, code: number, message: RegExp) {
	const { status, body } = await promise;
	expect(status).toBe(200);
	expect(body).toMatchObject({ api_version: '1.2', timezone: 'Europe/Berlin', result: 'error', code });
	expect(body.message).toMatch(message);
	expect(body.data).toBeUndefined();
}

describe('errors', () => {
	test('the code table is stable', () => {
		expect(ERROR_CODES).toEqual({
			INTERNAL_ERROR: 0,
			API_KEY_MISSING: 1,
			API_KEY_INVALID: 2,
			MISSING_PARAMETER: 3,
			NOT_FOUND: 4,
			INVALID_PARAMETER: 5,
			UNSUPPORTED_FORMAT: 6,
			PERMISSION_DENIED: 8,
			UNKNOWN_FUNCTION: 9,
			IPN_URL_NOT_OK: 10,
			IPN_URL_REFUSED: 11,
			INJECTED_ERROR: 12,
		});
	});

	test('a missing key', () => expectError(call(emulator, 'ping', {}, { key: null }), 1, /No API key given.*X-DS-API-KEY/));

	test('a wrong key, in the header or the legacy path', async () => {
		await expectError(call(emulator, 'ping', {}, { key: '1234-wrong' }), 2, /Invalid API key/);
		await expectError(call(emulator, 'ping', {}, { key: null, path: '/api/call/999-nope/json/ping' }), 2, /Invalid API key/);
	});

	test('an unknown function', () => expectError(call(emulator, 'globalSettings'), 9, /^Invalid API function called: globalSettings\(\)$/));

	test('a missing required parameter is named', async () => {
		await expectError(call(emulator, 'getPurchase'), 3, /Missing required parameter 'purchase_id' for getPurchase\(\)/);
		await expectError(call(emulator, 'getProduct', { product_id: ' ' }), 3, /'product_id'/);
		await expectError(call(emulator, 'ipnSetup', { ipn_url: 'https://example.com/ipn' }), 3, /'name'/);
	});

	test('positional arguments count as the named parameter', async () => {
		const { body } = await call(emulator, 'getProduct', { arg1: '512347' });
		expect(body).toMatchObject({ result: 'success', data: { id: '512347' } });
	});

	test('a read-only key cannot call a writing function', async () => {
		for (const fn of ['ipnSetup', 'ipnDelete']) {
			await expectError(
				call(emulator, fn, { ipn_url: 'https://example.com/ipn', name: 'x', domain_id: 'd' }, { key: READ_ONLY_KEY }),
				8,
				/Permission denied.*full access/,
			);
		}
		// Reading stays allowed.
		expect((await call(emulator, 'ipnInfo', { domain_id: 'd' }, { key: READ_ONLY_KEY })).body.result).toBe('success');
	});

	test('bad values, unknown ids and formats', async () => {
		await expectError(call(emulator, 'listPurchases', { sort_by: 'name' }), 5, /sort_by.*date, amount, earning/);
		await expectError(call(emulator, 'listPurchases', { from: 'yesterday' }), 5, /'from'/);
		await expectError(call(emulator, 'listPurchases', { page_no: '0' }), 5, /page_no/);
		await expectError(call(emulator, 'getProduct', { product_id: '1' }), 4, /Product not found: 1/);
		await expectError(call(emulator, 'ping', {}, { path: '/api/call/ping/format/xml' }), 6, /xml/);
	});

	test('the call log keeps function, params and permission, never the key', async () => {
		await call(emulator, 'getPurchase', { purchase_id: 'NOPE', note: FULL_ACCESS_KEY });
		await call(emulator, 'ping', {}, { key: READ_ONLY_KEY });
		await call(emulator, 'ping', {}, { key: null, path: `/api/call/${FULL_ACCESS_KEY}/json/ping` });
		const { body } = await control(emulator, 'state', undefined, 'GET');
		expect(body.calls).toEqual([
			expect.objectContaining({ function: 'getPurchase', params: { purchase_id: 'NOPE', note: '[api key]' }, permission: 'writable', result: 'error', code: 4 }),
			expect.objectContaining({ function: 'ping', permission: 'readonly', key_id: '5678', result: 'success', route: 'header' }),
			expect.objectContaining({ function: 'ping', permission: 'writable', route: 'legacy' }),
		]);
		expect(JSON.stringify(body)).not.toContain(FULL_ACCESS_KEY.slice(5));
		expect(JSON.stringify(body)).not.toContain(READ_ONLY_KEY.slice(5));
	});
});
