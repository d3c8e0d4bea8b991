import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(200);
const affiliate = (name: string) => h.emulator.state.data.affiliates.find((a) => a.name === name)!;

describe('Affiliate → Update Commission (updateAffiliateCommission)', () => {
	it('changes the commission for the given products, read back with Get Commission', async () => {
		const out = await h.run('affiliate', 'updateCommission', { affiliateId: 'coachfinder', productIds: '512345, 512348', commissionUpdateFields: { commission_rate: 45, approval_status: 'approved' } });
		expect(h.calls()[0].params).toEqual({ affiliate_id: 'coachfinder', product_ids: '512345,512348', commission_rate: '45', approval_status: 'approved', language: 'en' });
		expect(out.map((i) => [i.json.product_id, i.json.commission_rate, i.json.affiliate_name])).toEqual([
			['512345', 45, 'coachfinder'],
			['512348', 45, 'coachfinder'],
		]);
		const read = await h.run('affiliate', 'getCommission', { affiliateId: 'coachfinder', productIds: '512346, 512348' });
		expect(read.map((i) => i.json.commission_rate)).toEqual([30, 45]);
	});

	it('all products when none are named; nothing to update fails before a call; a read-only key is refused', async () => {
		await h.run('affiliate', 'updateCommission', { affiliateId: 'dealhunter24', commissionUpdateFields: { approval_status: 'rejected' } });
		expect(h.calls()[0].params.product_ids).toBe('all');
		expect([...affiliate('dealhunter24').affiliations.values()].every((a) => a.approval_status === 'rejected')).toBe(true);
		expect((await failure(h.run('affiliate', 'updateCommission', { affiliateId: 'coachfinder' }))).message).toBe('Nothing to update');
		const readOnly = await failure(h.run('affiliate', 'updateCommission', { affiliateId: 'coachfinder', commissionUpdateFields: { commission_fix: 5 } }, { key: READ_ONLY_KEY }));
		expect(readOnly.message).toMatch(/Permission denied: updateAffiliateCommission\(\)/);
		expect(h.calls()).toHaveLength(2);
	});
});

describe('Affiliate → Get for Buyer Email (getAffiliateForEmail)', () => {
	it('reads back what Set for Buyer Email stored, and an empty answer for an unknown address', async () => {
		await h.run('affiliate', 'setForEmail', { email: 'future@example.com', affiliate: 'MaxMuster', additionalFields: { campaignkey: 'spring' } });
		const [out] = await h.run('affiliate', 'getForEmail', { email: ' future@example.com ' });
		expect(h.calls()[1]).toMatchObject({ function: 'getAffiliateForEmail', params: { email: 'future@example.com' } });
		expect(out.json).toMatchObject({ affiliate_name: 'MaxMuster', campaignkey: 'spring' });
		const [none] = await h.run('affiliate', 'getForEmail', { email: 'nobody@example.com' });
		expect(none.json).toMatchObject({ affiliate_name: '' });
	});
});

describe('Affiliate → Set / Get Referring Affiliate', () => {
	it('records the referrer with its share and reads it back', async () => {
		const [before] = await h.run('affiliate', 'getReferrer', { affiliateId: 'webinarking' });
		expect(before.json).toMatchObject({ affiliate_name: 'webinarking', referrer_name: '' });
		const [set] = await h.run('affiliate', 'setReferrer', { affiliateId: 'webinarking', referrerId: 'coachfinder', referrerOptions: { commission: 15 } });
		expect(h.calls()[1].params).toEqual({ referrer_id: 'coachfinder', affiliate_id: 'webinarking', commission: '15', language: 'en' });
		expect(set.json).toMatchObject({ modified: true, referrer_name: 'coachfinder', commission: 15 });
		const [after] = await h.run('affiliate', 'getReferrer', { affiliateId: 'webinarking' });
		expect(after.json).toMatchObject({ referrer_name: 'coachfinder', commission: 15 });
	});

	it('an unknown affiliate and self-referral are Digistore24 errors', async () => {
		expect((await failure(h.run('affiliate', 'getReferrer', { affiliateId: 'ghost' }))).message).toBe('Digistore24 getReferringAffiliate: Affiliate not found: ghost (affiliate_id) (code 4)');
		expect((await failure(h.run('affiliate', 'setReferrer', { affiliateId: 'coachfinder', referrerId: 'coachfinder' }))).message).toMatch(/someone other than the affiliate\. \(code 5\)/);
	});
});
