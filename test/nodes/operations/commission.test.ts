import { useEmulator } from './helpers';

const h = useEmulator(2345);
const transactions = () => h.emulator.state.data.transactions;

describe('Commission → Get Many (listCommissions)', () => {
	it('Return All pages through every commission once', async () => {
		const out = await h.run('commission', 'getMany', { dateRange: 'start', returnAll: true });
		const total = transactions().length;
		expect(h.calls()[0]).toMatchObject({ function: 'listCommissions', params: { from: 'start', to: 'now', page_no: '1', page_size: '1000', language: 'en' } });
		expect(h.calls()).toHaveLength(Math.ceil(total / 1000));
		const ids = out.map((item) => item.json.transaction_id);
		expect(new Set(ids).size).toBe(total);
		expect(ids).toEqual(transactions().map((t) => t.id));
		expect(out[0].json).toMatchObject({ amount: expect.any(Number), commission_type: expect.stringMatching(/^(vendor|affiliate)$/), schedule_payout_at: expect.stringMatching(/^\d{4}-\d\d-(01|16)$/), is_paid_out: true });
	});

	it('filters by transaction type, commission type and purchase', async () => {
		const refund = transactions().find((t) => t.type === 'refund')!;
		const out = await h.run('commission', 'getMany', {
			dateRange: 'start',
			returnAll: true,
			filters: { transactionType: ['refund'], commissionType: 'vendor, affiliate', purchaseId: ` ${refund.purchase.id} ` },
		});
		expect(h.calls()[0].params).toEqual({
			from: 'start',
			to: 'now',
			transaction_type: 'refund',
			commission_type: 'vendor,affiliate',
			purchase_id: refund.purchase.id,
			page_no: '1',
			page_size: '1000',
			language: 'en',
		});
		expect(out.map((item) => item.json.transaction_id)).toEqual([refund.id]);
		expect(out[0].json.amount).toBeLessThan(0);
	});

	it('Limit stops after one page', async () => {
		const out = await h.run('commission', 'getMany', { dateRange: '-90d', limit: 3 });
		expect(h.calls()).toHaveLength(1);
		expect(h.calls()[0].params).toMatchObject({ from: '-90d', page_size: '3' });
		expect(out).toHaveLength(3);
	});
});
