import { berlinDate } from './clock';
import { ERROR_CODES } from './errors';
import { call, control, data, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

type Row = Record<string, any>;
interface Paged {
	items: Row[];
	page_no: number;
	page_size: number;
	page_count: number;
	item_count: number;
}

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 1200 });
});
afterAll(() => emulator.stop());
beforeEach(() => control(emulator, 'reset'));

const state = () => emulator.state.data;
const DAY = 86_400_000;

describe('listCommissions', () => {
	test('page_size 0 (the default) answers everything on one page; pages of 500 cover every commission once', async () => {
		const all = await data<Paged>(emulator, 'listCommissions', { from: 'start' });
		expect(all).toMatchObject({ page_no: 1, page_size: 0, page_count: 1, item_count: state().transactions.length });
		expect(all.items).toHaveLength(state().transactions.length);
		const pageCount = Math.ceil(all.item_count / 500);
		const pages = await Promise.all(Array.from({ length: pageCount }, (_, i) => data<Paged>(emulator, 'listCommissions', { from: 'start', page_size: '500', page_no: String(i + 1) })));
		expect(pages.every((p) => p.page_count === pageCount)).toBe(true);
		expect(pages.flatMap((p) => p.items.map((c) => c.id))).toEqual(all.items.map((c) => c.id));
	});

	test('an affiliate sale earns an affiliate commission; refunds take it back', async () => {
		const { items } = await data<Paged>(emulator, 'listCommissions', { from: 'start', transaction_type: 'all' });
		const partner = items.find((c) => c.product_id === '600123')!;
		expect(partner).toMatchObject({ commission_type: 'affiliate', currency: 'EUR' });
		const refund = items.find((c) => c.transaction_type === 'refund')!;
		expect(Number(refund.amount)).toBeLessThan(0);
	});

	test('commission_type and transaction_type are checked', async () => {
		const { body } = await call(emulator, 'listCommissions', { commission_type: 'reseller' });
		expect(body).toMatchObject({ result: 'error', code: ERROR_CODES.INVALID_PARAMETER });
		expect(body.message).toMatch(/commission_type.*vendor, affiliate/);
		const vendor = await data<Paged>(emulator, 'listCommissions', { from: 'start', commission_type: 'vendor', transaction_type: 'chargeback' });
		expect(vendor.items.every((c) => c.commission_type === 'vendor' && c.transaction_type === 'chargeback')).toBe(true);
	});
});

describe('rebilling', () => {
	const paying = () => state().purchases.find((p) => p.product.billing_type === 'subscription' && p.billing_status === 'paying')!;

	test('status changes page like the other lists and cover starts, stops and completions', async () => {
		const first = await data<Paged>(emulator, 'listRebillingStatusChanges', { from: 'start', page_size: '100' });
		expect(first).toMatchObject({ page_size: 100, item_count: state().rebillingChanges.length, page_count: Math.ceil(state().rebillingChanges.length / 100) });
		const stops = state().rebillingChanges.filter((c) => c.type === 'stopped');
		expect(new Set(stops.map((c) => c.reason))).toEqual(new Set(['by_buyer', 'by_refund', 'by_chargeback']));
		expect(state().rebillingChanges.some((c) => c.type === 'completed' && c.purchase.product.billing_type === 'installment')).toBe(true);
	});

	test('stopRebilling changes the purchase and logs the change; startRebilling undoes it', async () => {
		const purchase = paying();
		const stopped = await data(emulator, 'stopRebilling', { purchase_id: purchase.id });
		expect(stopped).toMatchObject({ modified: 'Y', billing_status: 'aborted', rebilling_active: 'N' });
		const view = await data(emulator, 'getPurchase', { purchase_id: purchase.id });
		expect(view).toMatchObject({ billing_status: 'aborted', rebilling_active: 'N', is_cancelled: 'Y', next_payment_at: '' });
		const recent = await data<Paged>(emulator, 'listRebillingStatusChanges', { from: '-1h' });
		expect(recent.items).toEqual([expect.objectContaining({ purchase_id: purchase.id, change_type: 'stopped', old_status: 'paying', new_status: 'aborted' })]);

		const started = await data(emulator, 'startRebilling', { purchase_id: purchase.id });
		expect(started).toMatchObject({ modified: 'Y', billing_status: 'paying', rebilling_active: 'Y' });
		expect(String(started.next_payment_at) >= berlinDate(FIXED_NOW)).toBe(true);
		expect((await data<Paged>(emulator, 'listRebillingStatusChanges', { from: '-1h' })).items.map((c) => c.change_type)).toEqual(['stopped', 'resumed']);
	});

	test('a refunded subscription cannot be restarted', async () => {
		const refunded = state().purchases.find((p) => p.product.billing_type === 'subscription' && p.transactions.some((t) => t.type === 'refund'))!;
		expect(await data(emulator, 'startRebilling', { purchase_id: refunded.id })).toMatchObject({ modified: 'N', note: expect.stringMatching(/refund or chargeback/) });
	});
});

describe('refunds', () => {
	const recent = () => [...state().purchases].reverse().find((p) => p.product.billing_type === 'single_payment' && p.transactions.every((t) => t.type === 'payment'))!;

	test('refundPurchase books a refund transaction that the lists, commissions and stats all see', async () => {
		const purchase = recent();
		const before = await data<Row>(emulator, 'statsSalesSummary');
		const result = await data(emulator, 'refundPurchase', { purchase_id: purchase.id });
		expect(result).toMatchObject({ status: 'completed', modified: 'Y', refunded_transaction_ids: purchase.transactions[0].id });
		const refundId = String(result.refund_transaction_ids);

		const { transaction_list } = await data<{ transaction_list: Row[] }>(emulator, 'listTransactions', { from: '-1h', 'search[transaction_type]': 'refund' });
		expect(transaction_list).toEqual([expect.objectContaining({ id: refundId, transaction_type: 'refund', parent_transaction_id: purchase.transactions[0].id, purchase_id: purchase.id })]);
		const commissions = await data<Paged>(emulator, 'listCommissions', { from: '-1h', transaction_type: 'refund' });
		expect(commissions.items.map((c) => c.transaction_id)).toEqual([refundId]);
		const after = await data<Row>(emulator, 'statsSalesSummary');
		const total = (summary: Row) => summary.items.find((i: Row) => i.period === 'total');
		expect(Number(total(after).refund_count)).toBe(Number(total(before).refund_count) + 1);
		expect(await data(emulator, 'getPurchase', { purchase_id: purchase.id })).toMatchObject({ billing_status: 'aborted' });
	});

	test('the refund period counts up to request_date; force overrides it', async () => {
		const purchase = recent();
		const late = new Date(purchase.created.getTime() + 90 * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
		expect(await data(emulator, 'refundTransaction', { transaction_id: purchase.transactions[0].id, request_date: late })).toMatchObject({ status: 'refused', modified: 'N' });
		expect(await data(emulator, 'refundTransaction', { transaction_id: purchase.transactions[0].id, request_date: late, force: 'Y' })).toMatchObject({ status: 'completed', modified: 'Y' });
		expect(await data(emulator, 'refundTransaction', { transaction_id: purchase.transactions[0].id, force: 'Y' })).toMatchObject({ status: 'refused', note: expect.stringMatching(/already refunded/) });
	});

	test('unknown ids are NOT_FOUND', async () => {
		expect((await call(emulator, 'refundPurchase', { purchase_id: 'NOPE' })).body).toMatchObject({ code: ERROR_CODES.NOT_FOUND, message: 'Purchase not found: NOPE' });
		expect((await call(emulator, 'refundTransaction', { transaction_id: '1' })).body).toMatchObject({ code: ERROR_CODES.NOT_FOUND, message: 'Transaction not found: 1' });
	});

	test('reset brings the seeded history back', async () => {
		const purchase = recent();
		const count = state().transactions.length;
		await data(emulator, 'refundPurchase', { purchase_id: purchase.id });
		expect(state().transactions).toHaveLength(count + 1);
		await control(emulator, 'reset');
		expect(state().transactions).toHaveLength(count);
	});
});

describe('statistics', () => {
	test('daily amounts add up to the sales of the same days', async () => {
		const daily = await data<Row>(emulator, 'statsDailyAmounts', { from: '2026-02-01', to: '2026-02-28' });
		expect(daily.items).toHaveLength(28);
		const sales = await data<Row>(emulator, 'statsSales', { period: 'day', from: '2026-02-01', to: '2026-02-28' });
		expect(sales.items.map((i: Row) => [i.period_start, i.sales_count, i.amount])).toEqual(daily.items.map((i: Row) => [i.date, i.sales_count, i.amount]));
		const month = await data<Row>(emulator, 'statsSales', { period: 'month', from: '2026-02-01', to: '2026-02-28' });
		const sum = daily.items.reduce((s: number, i: Row) => s + Math.round(Number(i.earning) * 100), 0);
		expect(Math.round(Number(month.items[0].earning) * 100)).toBe(sum);
	});

	test('weeks start on Monday and quarters on the first of Jan/Apr/Jul/Oct', async () => {
		const weeks = await data<Row>(emulator, 'statsSales', { period: 'week', from: '2026-01-01', to: '2026-01-31' });
		expect(weeks.items.map((i: Row) => i.period_start)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
		const quarters = await data<Row>(emulator, 'statsSales', { period: 'quarter', from: '2025-05-10', to: '2026-01-10' });
		expect(quarters.items.map((i: Row) => [i.period_start, i.period_end])).toEqual([
			['2025-04-01', '2025-06-30'],
			['2025-07-01', '2025-09-30'],
			['2025-10-01', '2025-12-31'],
			['2026-01-01', '2026-03-31'],
		]);
		expect((await call(emulator, 'statsSales', { period: 'decade' })).body).toMatchObject({ code: ERROR_CODES.INVALID_PARAMETER });
	});

	test('expected payouts are the unpaid commissions by payout date', async () => {
		const payouts = await data<Row>(emulator, 'statsExpectedPayouts');
		const { items } = await data<Paged>(emulator, 'listCommissions', { from: '-60d', transaction_type: 'all' });
		const unpaid = items.filter((c) => c.is_paid_out === 'N');
		expect(payouts.items.map((p: Row) => p.payout_date)).toEqual([...new Set(unpaid.map((c) => c.schedule_payout_at))].sort());
		expect(payouts.items.reduce((s: number, p: Row) => s + Number(p.commission_count), 0)).toBe(unpaid.length);
	});
});
