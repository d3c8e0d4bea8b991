import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(100);

describe('Affiliate → Get Commission (getAffiliateCommission)', () => {
	it('gives one item per product with the affiliate on each', async () => {
		const out = await h.run('affiliate', 'getCommission', { affiliateId: 'coachfinder' });
		expect(h.calls()[0]).toMatchObject({ function: 'getAffiliateCommission', params: { affiliate_id: 'coachfinder', product_ids: 'all', language: 'en' } });
		expect(out).toHaveLength(5);
		expect(out.map((item) => item.json)).toContainEqual(
			expect.objectContaining({ affiliate_id: '41600003', affiliate_name: 'coachfinder', product_id: '512348', commission_rate: 40, commission_fix: 0, approval_status: 'approved' }),
		);

		const some = await h.run('affiliate', 'getCommission', { affiliateId: 'dealhunter24@affiliates.example.com', productIds: '512348, 512346' });
		expect(h.calls()[1].params).toMatchObject({ product_ids: '512348,512346' });
		expect(some.map((item) => [item.json.product_id, item.json.approval_status])).toEqual([
			['512348', 'pending'],
			['512346', 'rejected'],
		]);
	});
});

describe('Affiliate → Validate (validateAffiliate)', () => {
	it('says whether the affiliate may promote the products', async () => {
		const [ok] = await h.run('affiliate', 'validate', { affiliateName: 'MaxMuster', productIds: '512345,512347' });
		expect(h.calls()[0]).toMatchObject({ function: 'validateAffiliate', params: { affiliate_name: 'MaxMuster', product_ids: '512345,512347', language: 'en' } });
		expect(ok.json).toMatchObject({ is_valid: true, status: 'approved', affiliate_id: '41600001' });
		const [pending] = await h.run('affiliate', 'validate', { affiliateName: 'dealhunter24', productIds: '512348' });
		expect(pending.json).toMatchObject({ is_valid: false, status: 'pending' });
		const [unknown] = await h.run('affiliate', 'validate', { affiliateName: 'nobody', productIds: '512348' });
		expect(unknown.json).toMatchObject({ is_valid: false, status: 'unknown' });
	});
});

describe('Affiliate → Set for Buyer Email (setAffiliateForEmail)', () => {
	it('assigns the affiliate to the email address', async () => {
		const [out] = await h.run('affiliate', 'setForEmail', { email: 'future.buyer@example.com', affiliate: 'webinarking', additionalFields: { campaignkey: 'webinar-42', click_id: 'c-77' } });
		expect(h.calls()[0]).toMatchObject({
			function: 'setAffiliateForEmail',
			params: { email: 'future.buyer@example.com', affiliate: 'webinarking', campaignkey: 'webinar-42', click_id: 'c-77', language: 'en' },
		});
		expect(out.json).toMatchObject({ modified: true, affiliate_name: 'webinarking', campaignkey: 'webinar-42' });
		expect(h.emulator.state.data.affiliateEmails.get('future.buyer@example.com')).toMatchObject({ affiliate: { name: 'webinarking' }, click_id: 'c-77' });
	});

	it('with a read-only key fails with an error that names full access', async () => {
		const error = await failure(h.run('affiliate', 'setForEmail', { email: 'x@example.com', affiliate: 'webinarking' }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/full access/);
		expect(h.emulator.state.data.affiliateEmails.size).toBe(0);
	});
});
