import { simplifyValues } from '../../nodes/Digistore24/transport/values';

describe('simplifyValues on the field names the typed operations meet', () => {
	it('turns amounts (amount, *_amount(s), earning, commission*, fee, total) into numbers, Y/N into booleans, nothing else', () => {
		const record = {
			amount: '-149.00',
			vat_amount: '7.82',
			other_amounts: '19.00',
			refund_amount: '-19.00',
			total_amount: '19819.33',
			earning: '36.31',
			commission_rate: '30.00',
			affiliate_commission_fix: '0.00',
			amount_fee: '15.00',
			sales_count: '12',
			file_size: '2348112',
			id: '40000001',
			purchase_id: '12.50',
			date: '2026-03-15',
			is_paid_out: 'Y',
			is_blocked: 'N',
			salutation: 'M',
			name: 'N/A',
			items: [{ amount: '49.00', is_active: 'Y' }],
			buyer: { email: 'a@example.com', has_affiliate: 'N' },
			other_amounts_list: ['1.00'],
		};
		expect(simplifyValues(record)).toEqual({
			amount: -149,
			vat_amount: 7.82,
			other_amounts: 19,
			refund_amount: -19,
			total_amount: 19819.33,
			earning: 36.31,
			commission_rate: 30,
			affiliate_commission_fix: 0,
			amount_fee: 15,
			sales_count: '12',
			file_size: '2348112',
			id: '40000001',
			purchase_id: '12.50',
			date: '2026-03-15',
			is_paid_out: true,
			is_blocked: false,
			salutation: 'M',
			name: 'N/A',
			items: [{ amount: 49, is_active: true }],
			buyer: { email: 'a@example.com', has_affiliate: false },
			other_amounts_list: [1],
		});
	});

	it('converts in place (the executor owns each freshly parsed answer) and handles top-level values', () => {
		const record = { amount: '1.50' };
		expect(simplifyValues(record)).toBe(record);
		expect(record.amount).toBe(1.5);
		expect(simplifyValues('Y')).toBe(true);
		expect(simplifyValues(null)).toBeNull();
		expect(simplifyValues(['N', { total: '2.00' }])).toEqual([false, { total: 2 }]);
	});
});
