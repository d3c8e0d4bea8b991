import { failure, useEmulator } from './helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;

describe('Invoice → Get Many (listInvoices)', () => {
	it("lists one invoice per payment of a subscription, Limit cuts, each item carries the order's id", async () => {
		const purchase = data().purchases.find((p) => p.product.billing_type === 'subscription' && p.transactions.length >= 4)!;
		const all = await h.run('invoice', 'getMany', { purchaseId: purchase.id, returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listInvoices', params: { purchase_id: purchase.id, language: 'en' } });
		expect(all).toHaveLength(purchase.transactions.length);
		expect(all[0].json).toMatchObject({ purchase_id: purchase.id, type: 'invoice', transaction_id: purchase.transactions[0].id, pdf_url: expect.stringContaining('.pdf') });
		expect(await h.run('invoice', 'getMany', { purchaseId: purchase.id, limit: 2 })).toHaveLength(2);
	});

	it('an unknown order is a not-found error', async () => {
		const error = await failure(h.run('invoice', 'getMany', { purchaseId: 'NOPE1234' }));
		expect(error.message).toBe('Digistore24 listInvoices: Purchase not found: NOPE1234 (code 4)');
	});
});

describe('Payout → Get Many (listPayouts)', () => {
	it('lists monthly credit notes newest first, with Limit and Return All', async () => {
		const all = await h.run('payout', 'getMany', { returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listPayouts', params: { language: 'en' } });
		expect(all.length).toBeGreaterThanOrEqual(11);
		const periods = all.map((i) => String(i.json.period));
		expect(periods).toEqual([...periods].sort().reverse());
		expect(all[0].json).toMatchObject({ amount: expect.any(Number), currency: expect.stringMatching(/^(EUR|USD|CHF)$/), status: expect.stringMatching(/^(paid|pending)$/) });
		expect(await h.run('payout', 'getMany', { limit: 3 })).toHaveLength(3);
	});
});
