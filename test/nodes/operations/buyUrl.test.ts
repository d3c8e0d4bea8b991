import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(200);
const buyUrls = () => h.emulator.state.data.buyUrls;

describe('Buy URL → Create (createBuyUrl)', () => {
	it('sends buyer, payment plan, tracking, URLs, settings and placeholders as bracket parameters', async () => {
		const [out] = await h.run('buyUrl', 'create', {
			productId: '512346',
			validUntil: '7d',
			buyer: { email: 'lead@example.com', first_name: 'Lena', readonly_keys: 'email_and_name', salutation: 'F' },
			paymentPlan: { first_amount: 9.9, other_amounts: 19, number_of_installments: 0, currency: 'EUR', first_billing_interval: '14_day', tax_mode: 'include' },
			tracking: { affiliate: 'MaxMuster', campaignkey: 'spring', utm_source: 'newsletter', affiliate_priority: 'as_set' },
			urls: { thankyou_url: 'https://example.com/thanks' },
			settings: { pay_methods: ['paypal', 'creditcard'], voucher_code: 'SPRING10' },
			placeholders: { placeholder: [{ name: 'TITLE', value: 'Spring offer' }] },
		});
		expect(h.calls()[0]).toMatchObject({
			function: 'createBuyUrl',
			params: {
				product_id: '512346',
				valid_until: '7d',
				buyer: { email: 'lead@example.com', first_name: 'Lena', readonly_keys: 'email_and_name', salutation: 'F' },
				payment_plan: { first_amount: '9.90', other_amounts: '19.00', number_of_installments: '0', currency: 'EUR', first_billing_interval: '14_day', tax_mode: 'include' },
				tracking: { affiliate: 'MaxMuster', campaignkey: 'spring', utm_source: 'newsletter', affiliate_priority: 'as_set' },
				urls: { thankyou_url: 'https://example.com/thanks' },
				settings: { pay_methods: 'paypal,creditcard', voucher_code: 'SPRING10' },
				placeholders: { TITLE: 'Spring offer' },
				language: 'en',
			},
			result: 'success',
		});
		expect(out.json).toEqual({ id: expect.any(String), url: expect.stringContaining('512346'), valid_until: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), upgrade_status: '' });
		expect(buyUrls().at(-1)).toMatchObject({ id: out.json.id, buyer: { email: 'lead@example.com' }, payment_plan: { first_amount: '9.90' } });
	});

	it('sends only what is filled in', async () => {
		await h.run('buyUrl', 'create', { productId: '512345' });
		expect(h.calls()[0].params).toEqual({ product_id: '512345', language: 'en' });
	});

	it('Digistore24 refusals come back as errors (a bad billing interval)', async () => {
		const error = await failure(h.run('buyUrl', 'create', { productId: '512345', paymentPlan: { first_billing_interval: 'monthly' } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/payment_plan\[first_billing_interval\].*1_month/);
	});

	it('with a read-only key fails with an error that names full access', async () => {
		const error = await failure(h.run('buyUrl', 'create', { productId: '512345' }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/full access/);
		expect(buyUrls()).toHaveLength(3);
	});
});

describe('Buy URL → Get Many / Delete', () => {
	it('lists the buy URLs, deletes one for real, and a second delete fails', async () => {
		const all = await h.run('buyUrl', 'getMany', { returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listBuyUrls', params: { language: 'en' } });
		expect(all.map((item) => item.json.id)).toEqual(['342033068', '342033069', '342033070']);
		expect(all[0].json).toMatchObject({ product_id: '512345', url: expect.stringMatching(/^https:\/\//), first_amount: 39, valid_until: 'forever' });

		const limited = await h.run('buyUrl', 'getMany', { limit: 2 });
		expect(limited).toHaveLength(2);

		const deleted = await h.run('buyUrl', 'delete', { buyUrlId: ' 342033069 ' });
		expect(h.calls().at(-1)).toMatchObject({ function: 'deleteBuyUrl', params: { id: '342033069', language: 'en' }, result: 'success' });
		expect(deleted.map((item) => item.json)).toEqual([{ deleted: true, id: '342033069' }]);
		const after = await h.run('buyUrl', 'getMany', { returnAll: true });
		expect(after.map((item) => item.json.id)).toEqual(['342033068', '342033070']);

		const error = await failure(h.run('buyUrl', 'delete', { buyUrlId: '342033069' }));
		expect(error.message).toBe('Digistore24 deleteBuyUrl: Buy URL not found: 342033069 (code 4)');
	});
});
