import { data, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

type Row = Record<string, any>;
interface PurchasePage {
	purchase_list: Row[];
	page_no: number;
	page_size: number;
	page_count: number;
	item_count: number;
}
interface TransactionPage extends Omit<PurchasePage, 'purchase_list'> {
	transaction_list: Row[];
}

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 2345 });
});
afterAll(() => emulator.stop());

const list = (params: Record<string, string>) => data<PurchasePage>(emulator, 'listPurchases', { from: 'start', ...params });
const transactions = (params: Record<string, string>) => data<TransactionPage>(emulator, 'listTransactions', { from: 'start', ...params });

describe('listPurchases paging', () => {
	test('2,345 purchases in pages of 1000 are 3 pages with every id once', async () => {
		const pages = await Promise.all([1, 2, 3, 4].map((page) => list({ page_no: String(page) })));
		expect(pages.map((p) => p.purchase_list.length)).toEqual([1000, 1000, 345, 0]);
		for (const [index, page] of pages.entries()) {
			expect(page).toMatchObject({ page_no: index + 1, page_size: 1000, page_count: 3, item_count: 2345 });
		}
		const ids = pages.flatMap((p) => p.purchase_list.map((row) => row.id));
		expect(new Set(ids).size).toBe(2345);
		expect(new Set(ids)).toEqual(new Set(emulator.state.data.purchases.map((p) => p.id)));
		// Default order: oldest first.
		const times = pages.flatMap((p) => p.purchase_list.map((row) => row.created_at));
		expect(times).toEqual([...times].sort());
	});

	test('page_size is 1000 at most and applies exactly', async () => {
		expect(await list({ page_size: '5000' })).toMatchObject({ page_size: 1000, page_count: 3 });
		const small = await list({ page_size: '100', page_no: '24' });
		expect(small).toMatchObject({ page_count: 24, item_count: 2345 });
		expect(small.purchase_list).toHaveLength(45);
	});

	test('sorting by amount or earning, both directions, still pages without gaps', async () => {
		const pages = await Promise.all([1, 2, 3].map((p) => list({ sort_by: 'amount', sort_order: 'desc', page_no: String(p) })));
		const amounts = pages.flatMap((p) => p.purchase_list.map((row) => Number(row.amount)));
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
		expect(new Set(pages.flatMap((p) => p.purchase_list.map((row) => row.id))).size).toBe(2345);
		const earnings = (await list({ sort_by: 'earning', sort_order: 'asc' })).purchase_list.map((row) => Number(row.earning));
		expect(earnings).toEqual([...earnings].sort((a, b) => a - b));
	});
});

describe('listPurchases dates', () => {
	test('the default window is the last 24 hours', async () => {
		const all = emulator.state.data.purchases;
		const dayAgo = FIXED_NOW.getTime() - 24 * 3600_000;
		const expected = all.filter((p) => p.created.getTime() >= dayAgo).length;
		const page = await data<PurchasePage>(emulator, 'listPurchases');
		expect(page.item_count).toBe(expected);
		expect(expected).toBeGreaterThan(0);
		expect((await list({ from: '-24h', to: 'now' })).item_count).toBe(expected);
	});

	test('-3d, a Berlin day and ISO 8601 bounds', async () => {
		const all = emulator.state.data.purchases;
		const threeDays = all.filter((p) => p.created.getTime() >= FIXED_NOW.getTime() - 3 * 86400_000).length;
		expect((await list({ from: '-3d' })).item_count).toBe(threeDays);
		const day = await list({ from: '2026-01-05', to: '2026-01-05' });
		expect(day.item_count).toBeGreaterThan(0);
		expect(day.purchase_list.every((row) => row.created_at.startsWith('2026-01-05 '))).toBe(true);
		const iso = await list({ from: '2026-01-05T00:00:00+01:00', to: '2026-01-05T23:59:59+01:00' });
		expect(iso.item_count).toBe(day.item_count);
		const hours = await list({ from: '2026-01-05 10:00:00', to: '2026-01-05 11:59:59' });
		expect(hours.purchase_list.every((row) => row.created_at >= '2026-01-05 10:00:00' && row.created_at <= '2026-01-05 11:59:59')).toBe(true);
	});
});

describe('listPurchases search', () => {
	const search = (filters: Record<string, string>) =>
		list({ ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [`search[${k}]`, v])), page_size: '1000' });

	test.each([
		['product_id', '512346', (r: Row) => r.product_id === '512346'],
		['product_id', '512347,512348', (r: Row) => ['512347', '512348'].includes(r.product_id)],
		['role', 'affiliate', (r: Row) => r.role === 'affiliate'],
		['currency', 'CHF', (r: Row) => r.currency === 'CHF'],
		['billing_type', 'subscription', (r: Row) => r.billing_type === 'subscription'],
		['pay_method', 'paypal', (r: Row) => r.pay_method === 'paypal'],
		['first_name', 'ann', (r: Row) => r.buyer.first_name.toLowerCase().includes('ann')],
		['last_name', 'MÜLLER', (r: Row) => r.buyer.last_name === 'Müller'],
		['email', '.12@example', (r: Row) => r.buyer.email.includes('.12@example')],
	])('search[%s]=%s', async (key, value, predicate) => {
		const page = await search({ [key]: value });
		expect(page.item_count).toBeGreaterThan(0);
		expect(page.item_count).toBeLessThan(2345);
		expect(page.purchase_list.every(predicate)).toBe(true);
	});

	test('search[transaction_type]=refund finds exactly the refunded purchases', async () => {
		const expected = emulator.state.data.purchases.filter((p) => p.transactions.some((t) => t.type === 'refund')).map((p) => p.id);
		const page = await list({ 'search[transaction_type]': 'refund', load_transactions: 'Y' });
		expect(page.purchase_list.map((r) => r.id)).toEqual(expected);
		expect(page.purchase_list.every((r) => r.transaction_list.some((t: Row) => t.transaction_type === 'refund'))).toBe(true);
	});

	test('filters combine, and a JSON search string works too', async () => {
		const both = await search({ currency: 'EUR', role: 'vendor', billing_type: 'single_payment' });
		expect(both.purchase_list.every((r) => r.currency === 'EUR' && r.role === 'vendor' && r.billing_type === 'single_payment')).toBe(true);
		const json = await list({ search: JSON.stringify({ currency: 'EUR', role: 'vendor', billing_type: 'single_payment' }) });
		expect(json.item_count).toBe(both.item_count);
	});

	test('search[purchase_id] takes a comma list', async () => {
		const [a, b] = emulator.state.data.purchases;
		const page = await search({ purchase_id: `${a.id}, ${b.id}` });
		expect(page.purchase_list.map((r) => r.id)).toEqual([a.id, b.id]);
	});
});

describe('getPurchase', () => {
	test('one id answers the purchase with its transactions and buyer', async () => {
		const purchase = emulator.state.data.purchases.find((p) => p.transactions.length > 2)!;
		const view = await data(emulator, 'getPurchase', { purchase_id: purchase.id });
		expect(view).toMatchObject({ id: purchase.id, product_id: purchase.product.id, buyer: { email: purchase.buyer.person.email } });
		expect((view.transaction_list as Row[]).map((t) => t.id)).toEqual(purchase.transactions.map((t) => t.id));
	});

	test('several ids answer an object keyed by purchase id', async () => {
		const [a, b] = emulator.state.data.purchases;
		const views = await data(emulator, 'getPurchase', { purchase_id: `${a.id},${b.id}` });
		expect(Object.keys(views)).toEqual([a.id, b.id]);
	});
});

describe('listTransactions', () => {
	test('pages every transaction once, newest first on request', async () => {
		const total = emulator.state.data.transactions.length;
		const first = await transactions({ sort_order: 'desc' });
		expect(first).toMatchObject({ item_count: total, page_count: Math.ceil(total / 1000) });
		const pages = await Promise.all(
			Array.from({ length: first.page_count }, (_, i) => transactions({ sort_order: 'desc', page_no: String(i + 1) })),
		);
		const ids = pages.flatMap((p) => p.transaction_list.map((t) => t.id));
		expect(new Set(ids).size).toBe(total);
		expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
	});

	test('has payments, rebills, refunds and chargebacks; refunds point at their payment', async () => {
		const { page_count } = await transactions({});
		const pages = await Promise.all(Array.from({ length: page_count }, (_, i) => transactions({ page_no: String(i + 1) })));
		const all = pages.flatMap((p) => p.transaction_list);
		const types = new Set(all.map((t) => t.transaction_type));
		expect(types).toEqual(new Set(['payment', 'refund', 'chargeback']));
		expect(all.some((t) => t.billing_type === 'subscription' && Number(t.pay_sequence_no) > 3)).toBe(true);
		const byId = new Map(all.map((t) => [t.id, t]));
		for (const refund of all.filter((t) => t.transaction_type !== 'payment')) {
			expect(byId.get(refund.parent_transaction_id)).toMatchObject({ purchase_id: refund.purchase_id, transaction_type: 'payment' });
			expect(Number(refund.amount)).toBeLessThan(0);
		}
	});

	test('search[transaction_type] filters the transactions themselves', async () => {
		const page = await transactions({ 'search[transaction_type]': 'chargeback' });
		expect(page.item_count).toBe(emulator.state.data.transactions.filter((t) => t.type === 'chargeback').length);
		expect(page.transaction_list.every((t) => t.transaction_type === 'chargeback')).toBe(true);
	});
});

test('the same seed gives the same data', async () => {
	const again = await startEmulator({ now: FIXED_NOW, purchases: 2345 });
	try {
		expect(again.state.data.purchases.map((p) => p.id)).toEqual(emulator.state.data.purchases.map((p) => p.id));
		expect(again.state.data.transactions.map((t) => [t.id, t.amount])).toEqual(emulator.state.data.transactions.map((t) => [t.id, t.amount]));
	} finally {
		await again.stop();
	}
});
