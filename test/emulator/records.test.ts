import { licenseKeyFor } from './data/extras';
import { ERROR_CODES } from './errors';
import { call, control, data, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

type Row = Record<string, any>;

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 1500 });
});
afterAll(() => emulator.stop());
beforeEach(() => control(emulator, 'reset'));

const state = () => emulator.state.data;
const errorOf = async (fn: string, params: Record<string, string>) => (await call(emulator, fn, params)).body;

describe('buyers', () => {
	test('listBuyers pages 100 at a time by default', async () => {
		const first = await data<Row>(emulator, 'listBuyers');
		expect(first).toMatchObject({ page_no: 1, page_size: 100, item_count: state().buyers.length, page_count: Math.ceil(state().buyers.length / 100) });
		const last = await data<Row>(emulator, 'listBuyers', { page_no: String(first.page_count) });
		expect(first.items.length + (first.page_count - 2) * 100 + last.items.length).toBe(state().buyers.length);
	});

	test('updateBuyer checks what it is given', async () => {
		const id = state().buyers[0].id;
		expect(await errorOf('updateBuyer', { buyer_id: id, 'data[shoe_size]': '44' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER, message: expect.stringMatching(/data\[shoe_size\]/) });
		expect(await errorOf('updateBuyer', { buyer_id: id, 'data[email]': 'not-an-email' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
		expect(await errorOf('updateBuyer', { buyer_id: id, 'data[country]': 'Germany' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
		const same = await data<Row>(emulator, 'updateBuyer', { buyer_id: id, 'data[city]': state().buyers[0].person.place.city });
		expect(same.modified).toBe('N');
	});

	test('an update does not leak into other buyers that share a place', async () => {
		const [a, b] = state().buyers.filter((buyer, _i, all) => all.some((other) => other !== buyer && other.person.place === buyer.person.place)).slice(0, 2);
		await data(emulator, 'updateBuyer', { buyer_id: a.id, 'data[city]': 'Nowhere' });
		expect((await data<Row>(emulator, 'getBuyer', { buyer_id: b.id })).city).not.toBe('Nowhere');
	});
});

describe('buy URLs', () => {
	test('createBuyUrl stores the link; listBuyUrls shows it; deleteBuyUrl removes it', async () => {
		const created = await data<Row>(emulator, 'createBuyUrl', { product_id: '512347', 'buyer[email]': 'x@example.com', 'payment_plan[first_amount]': '79.00', valid_until: 'forever' });
		expect(created).toMatchObject({ id: '342033071', valid_until: 'forever', url: 'https://www.digistore24.com/product/512347?ds24bu=342033071' });
		const listed = await data<Row>(emulator, 'listBuyUrls');
		expect(listed.buyurls.at(-1)).toMatchObject({ id: '342033071', product_id: '512347', email: 'x@example.com', first_amount: '79.00', currency: 'USD' });
		expect(await data(emulator, 'deleteBuyUrl', { id: '342033071' })).toEqual({ modified: 'Y' });
		expect((await data<Row>(emulator, 'listBuyUrls')).buyurls.map((b: Row) => b.id)).toEqual(['342033068', '342033069', '342033070']);
	});

	test('valid_until defaults to 24 hours and takes periods and dates', async () => {
		expect(await data(emulator, 'createBuyUrl', { product_id: '512345' })).toMatchObject({ valid_until: '2026-03-16 13:00:00' });
		expect(await data(emulator, 'createBuyUrl', { product_id: '512345', valid_until: '7d' })).toMatchObject({ valid_until: '2026-03-22 13:00:00' });
		expect(await errorOf('createBuyUrl', { product_id: '512345', valid_until: '2020-01-01' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
	});

	test('createBuyUrl refuses what Digistore24 would not take', async () => {
		const cases: Array<[Record<string, string>, RegExp]> = [
			[{ product_id: '600123' }, /Product not found/],
			[{ product_id: '512345', 'buyer[shoe_size]': '44' }, /buyer\[shoe_size\]/],
			[{ product_id: '512345', 'buyer[salutation]': 'X' }, /buyer\[salutation\].*M, F/],
			[{ product_id: '512345', 'payment_plan[first_amount]': '9,90' }, /payment_plan\[first_amount\]/],
			[{ product_id: '512345', 'payment_plan[currency]': 'euro' }, /currency/],
			[{ product_id: '512345', 'tracking[affiliate_priority]': 'first' }, /affiliate_priority/],
		];
		for (const [params, message] of cases) expect((await errorOf('createBuyUrl', params)).message).toMatch(message);
		expect(state().buyUrls).toHaveLength(3);
	});
});

describe('e-tickets', () => {
	const tickets = () => state().etickets;

	test('the e-ticket product purchases have tickets: 20-digit ids, some used, refunded ones blocked', async () => {
		expect(tickets().length).toBeGreaterThan(100);
		expect(tickets().every((t) => /^\d{20}$/.test(t.id) && t.product.id === '512349')).toBe(true);
		expect(tickets().some((t) => t.used_at)).toBe(true);
		expect(tickets().filter((t) => t.is_blocked).every((t) => t.purchase!.transactions.some((x) => x.type !== 'payment'))).toBe(true);
		const again = await startEmulator({ now: FIXED_NOW, purchases: 1500 });
		try {
			expect(again.state.data.etickets.map((t) => t.id)).toEqual(tickets().map((t) => t.id));
		} finally {
			await again.stop();
		}
	});

	test('getEticket wants the 20-digit id', async () => {
		expect(await errorOf('getEticket', { eticket_id: '123' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
		expect(await errorOf('getEticket', { eticket_id: '1'.repeat(20) })).toMatchObject({ code: ERROR_CODES.NOT_FOUND });
		const ticket = tickets()[0];
		expect((await data<Row>(emulator, 'getEticket', { eticket_id: ticket.id })).eticket).toMatchObject({ id: ticket.id, purchase_id: ticket.purchase!.id });
	});

	test('validateEticket: blocked, wrong template, wrong date, every day of a multi-day event, then used', async () => {
		const blocked = tickets().find((t) => t.is_blocked);
		if (blocked) expect(await data(emulator, 'validateEticket', { eticket_id: blocked.id, location_id: blocked.location_id, template_id: blocked.template_id, date: blocked.date })).toMatchObject({ status: 'blocked' });
		const ticket = tickets().find((t) => !t.used_at && !t.is_blocked)!;
		const base = { eticket_id: ticket.id, location_id: ticket.location_id, template_id: ticket.template_id };
		expect(await data(emulator, 'validateEticket', { ...base, template_id: '4299' })).toMatchObject({ status: 'invalid', msg: expect.stringMatching(/Wrong ticket type/) });
		expect(await data(emulator, 'validateEticket', { ...base, date: '2020-01-01' })).toMatchObject({ status: 'invalid', msg: expect.stringMatching(/Wrong date/) });
		const secondDay = new Date(Date.parse(`${ticket.date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		const valid = await data(emulator, 'validateEticket', { ...base, date: secondDay, seperator: '|' });
		expect(valid).toMatchObject({ status: 'valid', msg: expect.stringMatching(/^E-ticket valid\.\|Welcome/) });
		expect(await data(emulator, 'validateEticket', { ...base, date: secondDay })).toMatchObject({ status: 'used' });
	});

	test('createEticket only for e-ticket products, locations and templates that exist', async () => {
		const base = { 'buyer[email]': 'guest@example.com', product_id: '512349', location_id: '3101', template_id: '4201', date: '2026-05-01' };
		expect(await errorOf('createEticket', { ...base, product_id: '512345' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
		expect(await errorOf('createEticket', { ...base, location_id: '9' })).toMatchObject({ code: ERROR_CODES.NOT_FOUND, message: 'E-ticket location not found: 9' });
		expect(await errorOf('createEticket', { ...base, template_id: '9' })).toMatchObject({ code: ERROR_CODES.NOT_FOUND });
		expect(await errorOf('createEticket', { ...base, 'buyer[email]': 'nope' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
		const created = await data<Row>(emulator, 'createEticket', base);
		expect(created.etickets).toHaveLength(1);
		const listed = await data<Row>(emulator, 'listEtickets', { 'search[email]': 'guest@example.com' });
		expect(listed.etickets.map((t: Row) => t.id)).toEqual([created.etickets[0].id]);
	});
});

describe('affiliates', () => {
	test('getAffiliateCommission finds the affiliate by id, name or email', async () => {
		for (const key of ['41600002', 'TOOLPARTNER', 'toolpartner@affiliates.example.com']) {
			expect(await data(emulator, 'getAffiliateCommission', { affiliate_id: key, product_ids: '512345' })).toMatchObject({ affiliate_name: 'toolpartner', commissions: [{ product_id: '512345', commission_rate: '30.00' }] });
		}
		expect(await errorOf('getAffiliateCommission', { affiliate_id: 'ghost' })).toMatchObject({ code: ERROR_CODES.NOT_FOUND });
		expect(await errorOf('getAffiliateCommission', { affiliate_id: 'toolpartner', product_ids: '600123' })).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
	});

	test('setAffiliateForEmail is read back by getAffiliateForEmail and can be replaced', async () => {
		expect(await data(emulator, 'getAffiliateForEmail', { email: 'b@example.com' })).toMatchObject({ affiliate_name: '' });
		await data(emulator, 'setAffiliateForEmail', { email: 'B@example.com', affiliate: 'MaxMuster', trackingkey: 'tk1' });
		const replaced = await data(emulator, 'setAffiliateForEmail', { email: 'b@example.com', affiliate: 'coachfinder' });
		expect(replaced).toMatchObject({ affiliate_name: 'coachfinder', previous_affiliate_name: 'MaxMuster' });
		expect(await data(emulator, 'getAffiliateForEmail', { email: 'b@example.com' })).toMatchObject({ affiliate_name: 'coachfinder', trackingkey: '' });
		expect(await errorOf('setAffiliateForEmail', { email: 'b@example.com', affiliate: 'ghost' })).toMatchObject({ code: ERROR_CODES.NOT_FOUND });
	});
});

describe('purchase extras', () => {
	test('listPurchasesOfEmail finds the buyer purchases, newest first, up to limit', async () => {
		const buyer = state().purchases.find((p, _i, all) => all.filter((q) => q.buyer === p.buyer).length >= 2)!.buyer;
		const all = state().purchases.filter((p) => p.buyer === buyer).reverse();
		const { purchase_list } = await data<Row>(emulator, 'listPurchasesOfEmail', { email: buyer.person.email, limit: '1' });
		expect(purchase_list.map((p: Row) => p.id)).toEqual([all[0].id]);
		expect((await data<Row>(emulator, 'listPurchasesOfEmail', { email: 'nobody@example.com' })).purchase_list).toEqual([]);
	});

	test('downloads: none for the e-ticket, no access after a refund', async () => {
		const ticket = state().purchases.find((p) => p.product.id === '512349')!;
		expect((await data<Row>(emulator, 'getPurchaseDownloads', { purchase_id: ticket.id })).downloads).toEqual([]);
		const refunded = state().purchases.find((p) => p.product.id !== '512349' && p.transactions.some((t) => t.type === 'refund'))!;
		const { downloads } = await data<Row>(emulator, 'getPurchaseDownloads', { purchase_id: refunded.id });
		expect(downloads.length).toBeGreaterThan(0);
		expect(downloads.every((d: Row) => d.is_access_granted === 'N')).toBe(true);
	});

	test('validateLicenseKey accepts the purchase key in any case', async () => {
		const purchase = state().purchases.find((p) => p.transactions.every((t) => t.type === 'payment'))!;
		expect(licenseKeyFor(purchase.id)).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
		expect(await data(emulator, 'validateLicenseKey', { purchase_id: purchase.id, license_key: licenseKeyFor(purchase.id).toLowerCase() })).toMatchObject({ is_license_valid: 'Y' });
		expect(await errorOf('validateLicenseKey', { purchase_id: 'NOPE', license_key: 'x' })).toMatchObject({ code: ERROR_CODES.NOT_FOUND });
	});
});
