import { NodeApiError } from 'n8n-workflow';
import { berlinDateTime } from '../../emulator/clock';
import { failure, useEmulator } from './helpers';

const h = useEmulator(2345);
const purchases = () => h.emulator.state.data.purchases;
const DAY = 86_400_000;

describe('Purchase → Get Many (listPurchases)', () => {
	it('asks for the last 30 days, oldest first, and stops at the default limit of 50 with one call', async () => {
		const out = await h.run('purchase', 'getMany', {});
		expect(h.calls()).toEqual([
			expect.objectContaining({
				function: 'listPurchases',
				params: { from: '-30d', to: 'now', sort_by: 'date', sort_order: 'asc', page_no: '1', page_size: '50', language: 'en' },
				result: 'success',
			}),
		]);
		const since = h.emulator.state.now().getTime() - 30 * DAY;
		const expected = purchases().filter((p) => p.created.getTime() >= since).slice(0, 50);
		expect(out.map((item) => item.json.id)).toEqual(expected.map((p) => p.id));
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Return All over All Time returns all 2,345 purchases exactly once across three pages of 1000', async () => {
		const out = await h.run('purchase', 'getMany', { dateRange: 'start', returnAll: true });
		expect(h.calls().map((c) => [c.function, c.params.page_no, c.params.page_size, c.params.from])).toEqual([
			['listPurchases', '1', '1000', 'start'],
			['listPurchases', '2', '1000', 'start'],
			['listPurchases', '3', '1000', 'start'],
		]);
		const ids = out.map((item) => item.json.id);
		expect(ids).toHaveLength(2345);
		expect(new Set(ids).size).toBe(2345);
		expect(ids).toEqual(purchases().map((p) => p.id));
	});

	it('a Limit above one page keeps one page size for every page, so nothing is skipped or repeated', async () => {
		const out = await h.run('purchase', 'getMany', { dateRange: 'start', returnAll: false, limit: 1500 });
		expect(h.calls().map((c) => [c.params.page_no, c.params.page_size])).toEqual([
			['1', '750'],
			['2', '750'],
		]);
		expect(out.map((item) => item.json.id)).toEqual(purchases().slice(0, 1500).map((p) => p.id));
	});

	it('a small Limit fetches one page of exactly that size', async () => {
		const out = await h.run('purchase', 'getMany', { dateRange: 'start', limit: 7 });
		expect(h.calls()).toHaveLength(1);
		expect(h.calls()[0].params).toMatchObject({ page_no: '1', page_size: '7' });
		expect(out).toHaveLength(7);
	});

	it('sends a custom range as Digistore24 dates; a time with an offset stays ISO 8601', async () => {
		const out = await h.run('purchase', 'getMany', { dateRange: 'custom', from: '2026-01-05T00:00:00', to: '2026-01-05T23:59:59', returnAll: true });
		expect(h.calls()[0].params).toMatchObject({ from: '2026-01-05 00:00:00', to: '2026-01-05 23:59:59' });
		const expected = purchases().filter((p) => berlinDateTime(p.created).startsWith('2026-01-05 '));
		expect(expected.length).toBeGreaterThan(0);
		expect(out.map((item) => item.json.id)).toEqual(expected.map((p) => p.id));

		h.emulator.state.reset();
		const iso = await h.run('purchase', 'getMany', { dateRange: 'custom', from: '2026-01-05T00:00:00.000+01:00', to: '', returnAll: true });
		expect(h.calls()[0].params).toMatchObject({ from: '2026-01-05T00:00:00+01:00', to: 'now' });
		expect(iso.length).toBe(purchases().filter((p) => p.created.getTime() >= Date.parse('2026-01-05T00:00:00+01:00')).length);
	});

	it('sends filters as search[...] (lists comma-separated, switches as Y/N), sorting and Include Transactions', async () => {
		const out = await h.run('purchase', 'getMany', {
			dateRange: 'start',
			returnAll: true,
			search: { role: ['vendor'], transaction_type: ['refund', 'chargeback'], product_id: '512345, 512346', has_affiliate: false, currency: 'EUR' },
			sortBy: 'amount',
			sortOrder: 'desc',
			loadTransactions: true,
		});
		expect(h.calls()[0].params).toEqual({
			from: 'start',
			to: 'now',
			search: { role: 'vendor', transaction_type: 'refund,chargeback', product_id: '512345,512346', has_affiliate: 'N', currency: 'EUR' },
			sort_by: 'amount',
			sort_order: 'desc',
			load_transactions: 'Y',
			page_no: '1',
			page_size: '1000',
			language: 'en',
		});
		const expected = purchases().filter(
			(p) => p.role === 'vendor' && ['512345', '512346'].includes(p.product.id) && p.affiliate_name === '' && p.transactions.some((t) => t.type !== 'payment'),
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(new Set(out.map((item) => item.json.id))).toEqual(new Set(expected.map((p) => p.id)));
		const amounts = out.map((item) => item.json.amount as number);
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
		expect(out.every((item) => Array.isArray(item.json.transaction_list))).toBe(true);
	});

	it('outputs booleans and numbers by default, and Digistore24 strings untouched with the option off', async () => {
		const [typed] = await h.run('purchase', 'getMany', { dateRange: 'start', limit: 1 });
		expect(typed.json).toMatchObject({ amount: expect.any(Number), earning: expect.any(Number), vat_amount: expect.any(Number), rebilling_active: expect.any(Boolean), has_affiliate: expect.any(Boolean) });
		expect(typed.json.product_id).toEqual(expect.any(String));
		const [raw] = await h.run('purchase', 'getMany', { dateRange: 'start', limit: 1, options: { simplify: false } });
		expect(raw.json).toMatchObject({ amount: expect.stringMatching(/^\d+\.\d\d$/), rebilling_active: expect.stringMatching(/^[YN]$/) });
		expect(Number(raw.json.amount)).toBe(typed.json.amount);
	});
});

describe('Purchase → Get (getPurchase)', () => {
	it('one order ID gives one item with buyer and transactions', async () => {
		const purchase = purchases().find((p) => p.transactions.length > 1)!;
		const out = await h.run('purchase', 'get', { purchaseId: ` ${purchase.id} ` });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'getPurchase', params: { purchase_id: purchase.id, language: 'en' } })]);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: purchase.id, buyer: { email: purchase.buyer.person.email } });
		expect((out[0].json.transaction_list as unknown[]).length).toBe(purchase.transactions.length);
	});

	it('several order IDs give one item per purchase, in the order asked', async () => {
		const [a, b, c] = purchases().slice(10, 13);
		const out = await h.run('purchase', 'get', { purchaseId: `${c.id}, ${a.id},${b.id}` });
		expect(h.calls()[0].params).toEqual({ purchase_id: `${c.id},${a.id},${b.id}`, language: 'en' });
		expect(out.map((item) => item.json.id)).toEqual([c.id, a.id, b.id]);
	});

	it('an unknown order ID fails with Digistore24 message', async () => {
		const error = await failure(h.run('purchase', 'get', { purchaseId: 'NOPE1234' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Digistore24 getPurchase: Purchase not found: NOPE1234 (code 4)');
	});
});

describe('Purchase → Get by Buyer Email (listPurchasesOfEmail)', () => {
	const repeatBuyer = () => {
		const counts = new Map<string, number>();
		for (const p of purchases()) counts.set(p.buyer.person.email, (counts.get(p.buyer.person.email) ?? 0) + 1);
		return [...counts].find(([, n]) => n >= 3)![0];
	};

	it('returns the buyer purchases newest first, and sends the Limit as limit', async () => {
		const email = repeatBuyer();
		const out = await h.run('purchase', 'getByEmail', { email: email.toUpperCase(), limit: 2 });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'listPurchasesOfEmail', params: { email: email.toUpperCase(), limit: '2', language: 'en' } })]);
		const expected = purchases().filter((p) => p.buyer.person.email === email).reverse();
		expect(out.map((item) => item.json.id)).toEqual(expected.slice(0, 2).map((p) => p.id));

		h.emulator.state.reset();
		const all = await h.run('purchase', 'getByEmail', { email, returnAll: true });
		expect(h.calls()[0].params.limit).toBe('10000');
		expect(all.map((item) => item.json.id)).toEqual(expected.map((p) => p.id));
	});
});

describe('Purchase → Get Downloads / Get Tracking', () => {
	it('lists one item per download file of each purchase', async () => {
		const course = purchases().find((p) => p.product.id === '512345' && p.transactions.every((t) => t.type === 'payment'))!;
		const toolkit = purchases().find((p) => p.product.id === '512347')!;
		const out = await h.run('purchase', 'getDownloads', { purchaseId: `${course.id},${toolkit.id}` });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'getPurchaseDownloads', params: { purchase_id: `${course.id},${toolkit.id}`, language: 'en' } })]);
		expect(out.map((item) => [item.json.purchase_id, item.json.file_name])).toEqual([
			[course.id, 'course-basic-workbook.pdf'],
			[course.id, 'course-basic-videos.zip'],
			[toolkit.id, 'marketing-toolkit.zip'],
		]);
		expect(out[0].json).toMatchObject({ is_access_granted: true, is_purchase_paid: true, url: expect.stringContaining(course.id) });
	});

	it('gives one tracking item per purchase', async () => {
		const withAffiliate = purchases().find((p) => p.role === 'vendor' && p.affiliate_name !== '')!;
		const other = purchases().find((p) => p.affiliate_name === '')!;
		const out = await h.run('purchase', 'getTracking', { purchaseId: `${withAffiliate.id},${other.id}` });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'getPurchaseTracking', params: { purchase_id: `${withAffiliate.id},${other.id}`, language: 'en' } })]);
		expect(out.map((item) => item.json.purchase_id)).toEqual([withAffiliate.id, other.id]);
		expect(out[0].json).toMatchObject({ affiliate_name: withAffiliate.affiliate_name, utm_source: 'affiliate' });

		h.emulator.state.reset();
		const one = await h.run('purchase', 'getTracking', { purchaseId: other.id });
		expect(one).toHaveLength(1);
		expect(one[0].json.purchase_id).toBe(other.id);
	});
});
