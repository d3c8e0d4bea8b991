import { failure, useEmulator } from './helpers';

const h = useEmulator(2345);

describe('Order Form → Get Many (listOrderforms)', () => {
	it('lists the order forms, with Limit', async () => {
		const all = await h.run('orderForm', 'getMany', { returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listOrderforms', params: { language: 'en' } });
		expect(all.map((i) => i.json.name)).toEqual(['Standard', 'One page checkout', 'Summit tickets']);
		expect(await h.run('orderForm', 'getMany', { limit: 1 })).toHaveLength(1);
	});
});

describe('Product → Get Payment Plans (listPaymentPlans)', () => {
	it("lists a product's payment plans; an unknown product is a not-found error", async () => {
		const [plan] = await h.run('product', 'getPaymentPlans', { productId: '512348', returnAll: true });
		expect(h.calls()[0].params).toEqual({ product_id: '512348', language: 'en' });
		expect(plan.json).toMatchObject({ product_id: '512348', number_of_installments: '3', first_amount: 299, currency: 'CHF' });
		const error = await failure(h.run('product', 'getPaymentPlans', { productId: '1' }));
		expect(error.message).toBe('Digistore24 listPaymentPlans: Product not found: 1 (code 4)');
	});
});

describe('Statistic → Affiliate Toplist (statsAffiliateToplist)', () => {
	it('ranks the affiliates over whole months, with Limit; one affiliate alone; a bad month is refused', async () => {
		const now = h.emulator.state.now();
		const to = now.toISOString().slice(0, 7);
		const from = new Date(now.getTime() - 330 * 86_400_000).toISOString().slice(0, 7);
		const all = await h.run('statistic', 'affiliateToplist', { fromMonth: from, toMonth: `${to}-15`, returnAll: true });
		expect(h.calls()[0].params).toEqual({ from, to, language: 'en' });
		expect(all.map((i) => i.json.rank)).toEqual(all.map((_i, index) => String(index + 1)));
		const sales = all.map((i) => Number(i.json.sales_count));
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		expect(all[0].json).toMatchObject({ from, to, currency: 'EUR', revenue: expect.stringMatching(/^\d+\.\d\d$/) });
		expect(await h.run('statistic', 'affiliateToplist', { fromMonth: from, toMonth: to, limit: 2 })).toHaveLength(2);
		const solo = await h.run('statistic', 'affiliateToplist', { fromMonth: from, toMonth: to, toplistOptions: { affiliate: 'MaxMuster' }, returnAll: true });
		expect(solo.map((i) => i.json.affiliate_name)).toEqual(['MaxMuster']);
		const bad = await failure(h.run('statistic', 'affiliateToplist', { fromMonth: 'last year', toMonth: to }));
		expect(bad.message).toMatch(/Invalid value 'last year' for parameter 'from': expected a month YYYY-MM\. \(code 5\)/);
	});
});
