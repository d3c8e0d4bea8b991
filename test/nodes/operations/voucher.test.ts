import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(200);
const vouchers = () => h.emulator.state.data.vouchers;

describe('Voucher → Get Many / Get / Validate', () => {
	it('lists the codes, with Limit and Return All', async () => {
		const two = await h.run('voucher', 'getMany', { limit: 2 });
		expect(h.calls()[0]).toMatchObject({ function: 'listVouchers', params: { language: 'en' } });
		expect(two.map((i) => i.json.code)).toEqual(['SPRING20', 'VIP10']);
		const all = await h.run('voucher', 'getMany', { returnAll: true });
		expect(all).toHaveLength(vouchers().length);
		expect(all[1].json).toMatchObject({ code: 'VIP10', product_ids: '512346', first_amount: 10, is_count_limited: true, count_left: '3' });
	});

	it('gets one code, ignoring case', async () => {
		const [out] = await h.run('voucher', 'get', { voucherCode: ' vip10 ' });
		expect(h.calls()[0].params).toEqual({ code: 'vip10', language: 'en' });
		expect(out.json).toMatchObject({ id: '6102', code: 'VIP10', upgrade_policy: 'other_only' });
	});

	it('validates without changing anything: valid, expired, used up, unknown; works with a read-only key', async () => {
		const status = async (code: string) => (await h.run('voucher', 'validate', { voucherCode: code }, { key: READ_ONLY_KEY }))[0].json;
		expect(await status('SPRING20')).toMatchObject({ status: 'valid', is_valid: true });
		expect(await status('BLACKFRIDAY')).toMatchObject({ status: 'expired', is_valid: false });
		expect(await status('LASTONE')).toMatchObject({ status: 'used_up', is_valid: false });
		expect(await status('NOPE')).toMatchObject({ status: 'unknown', is_valid: false });
		expect(h.calls().map((c) => c.function)).toEqual(Array(4).fill('validateCouponCode'));
	});

	it("an unknown code is Digistore24's not-found error with its code", async () => {
		const error = await failure(h.run('voucher', 'get', { voucherCode: 'MISSING' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Digistore24 getVoucher: Voucher not found: MISSING (code 4)');
	});
});

describe('Voucher → Create / Update / Delete', () => {
	it('creates a code with data[...] settings, renames and changes it, then deletes it for real', async () => {
		const [created] = await h.run('voucher', 'create', {
			voucherCode: 'SUMMER25',
			voucherSettings: { first_rate: 25, product_ids: '512345, 512346', expires_at: '2026-12-31T23:59:00', is_count_limited: true, count_left: 100 },
		});
		expect(h.calls()[0]).toMatchObject({
			function: 'createVoucher',
			params: { data: { code: 'SUMMER25', first_rate: '25', product_ids: '512345,512346', expires_at: '2026-12-31 23:59:00', is_count_limited: 'Y', count_left: '100' } },
		});
		expect(created.json).toEqual({ discount_code_id: '6105', code: 'SUMMER25' });

		const [updated] = await h.run('voucher', 'update', { voucherCode: 'SUMMER25', voucherUpdateFields: { code: 'SUMMER30', first_rate: 30, first_amount: 5 } });
		expect(h.calls()[1].params).toEqual({ code: 'SUMMER25', data: { code: 'SUMMER30', first_rate: '30', first_amount: '5.00' }, language: 'en' });
		expect(updated.json).toMatchObject({ modified: true, coupon: { code: 'SUMMER30', first_rate: '30.00', first_amount: 5 } });
		expect((await h.run('voucher', 'validate', { voucherCode: 'SUMMER30' }))[0].json).toMatchObject({ status: 'valid' });

		const [deleted] = await h.run('voucher', 'delete', { voucherCode: 'SUMMER30' });
		expect(deleted.json).toEqual({ deleted: true, code: 'SUMMER30' });
		expect(vouchers().some((v) => v.code === 'SUMMER30')).toBe(false);
		const again = await failure(h.run('voucher', 'delete', { voucherCode: 'SUMMER30' }));
		expect(again.message).toBe('Digistore24 deleteVoucher: Voucher not found: SUMMER30 (code 4)');
	});

	it('Digistore24 refuses a code that exists and a voucher without discount', async () => {
		const taken = await failure(h.run('voucher', 'create', { voucherCode: 'spring20', voucherSettings: { first_rate: 5 } }));
		expect(taken.message).toMatch(/Invalid value 'spring20' for parameter 'data\[code\]': a code that does not exist yet.*\(code 5\)/);
		const none = await failure(h.run('voucher', 'create', { voucherCode: 'ZERO' }));
		expect(none.message).toMatch(/a rate or an amount greater than 0/);
		expect(vouchers()).toHaveLength(4);
	});

	it('Update with nothing to change fails before any call; a read-only key cannot create', async () => {
		const empty = await failure(h.run('voucher', 'update', { voucherCode: 'VIP10' }));
		expect(empty.message).toBe('Nothing to update');
		expect(h.calls()).toHaveLength(0);
		const readOnly = await failure(h.run('voucher', 'create', { voucherCode: 'RO', voucherSettings: { first_rate: 5 } }, { key: READ_ONLY_KEY }));
		expect(readOnly.description).toMatch(/full access/);
		expect(vouchers()).toHaveLength(4);
	});
});
