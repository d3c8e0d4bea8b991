import { useEmulator } from './helpers';

const h = useEmulator(2345);
const transactions = () => h.emulator.state.data.transactions;

describe('Transaction → Get Many (listTransactions)', () => {
	it('Return All over All Time returns every transaction once across pages', async () => {
		const out = await h.run('transaction', 'getMany', { dateRange: 'start', returnAll: true });
		const total = transactions().length;
		expect(total).toBeGreaterThan(3000);
		expect(h.calls().map((c) => [c.function, c.params.page_no, c.params.page_size])).toEqual(
			Array.from({ length: Math.ceil(total / 1000) }, (_, i) => ['listTransactions', String(i + 1), '1000']),
		);
		const ids = out.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(total);
		expect(ids).toEqual(transactions().map((t) => t.id));
	});

	it('filters by type: refunds and chargebacks, with negative amounts as numbers', async () => {
		const out = await h.run('transaction', 'getMany', { dateRange: 'start', returnAll: true, search: { transaction_type: ['refund', 'chargeback'] } });
		expect(h.calls()[0].params).toEqual({
			from: 'start',
			to: 'now',
			search: { transaction_type: 'refund,chargeback' },
			sort_by: 'date',
			sort_order: 'asc',
			page_no: '1',
			page_size: '1000',
			language: 'en',
		});
		const expected = transactions().filter((t) => t.type !== 'payment');
		expect(out.map((item) => item.json.id)).toEqual(expected.map((t) => t.id));
		expect(out.every((item) => typeof item.json.amount === 'number' && (item.json.amount as number) < 0)).toBe(true);
	});

	it('filters by product and currency', async () => {
		const out = await h.run('transaction', 'getMany', { dateRange: 'start', returnAll: true, search: { product_id: '512347', currency: 'usd' } });
		expect(h.calls()[0].params.search).toEqual({ product_id: '512347', currency: 'usd' });
		const expected = transactions().filter((t) => t.purchase.product.id === '512347');
		expect(expected.length).toBeGreaterThan(0);
		expect(out.map((item) => item.json.id)).toEqual(expected.map((t) => t.id));
		expect(out.every((item) => item.json.currency === 'USD')).toBe(true);
	});

	it('Limit with newest first takes the newest transactions in one call', async () => {
		const out = await h.run('transaction', 'getMany', { dateRange: '-7d', limit: 5, sortOrder: 'desc' });
		expect(h.calls()).toHaveLength(1);
		expect(h.calls()[0].params).toMatchObject({ from: '-7d', sort_order: 'desc', page_size: '5' });
		expect(out.map((item) => item.json.id)).toEqual([...transactions()].reverse().slice(0, 5).map((t) => t.id));
	});
});
