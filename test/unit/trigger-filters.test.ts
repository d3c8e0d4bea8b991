/**
 * The trigger's two filters and its typed access fields, through the same decide() the trigger
 * runs for every POST: signed sample notifications from the emulator, one setting changed at a time.
 */
import { decide, type ReceiveSettings } from '../../nodes/Digistore24/ipn/receive';
import { buildSampleIpn } from '../emulator/ipn-sample';
import { signedBody } from '../emulator/ipn-sender';

const PASSPHRASE = 'filter-test-passphrase';
const base: ReceiveSettings = { events: ['on_payment', 'eticket'], passphrase: PASSPHRASE, productIds: [], includeConnectionTests: false, rawOnly: false };
const send = (event: string, overrides: Record<string, string>, settings: Partial<ReceiveSettings> = {}) =>
	decide(signedBody(buildSampleIpn(event, { overrides }), PASSPHRASE), { ...base, ...settings });

describe('E-Ticket Actions filter', () => {
	it.each([
		['create', false],
		['update', false],
		['use', true],
		['cancel_use', false],
	])('with "Used" selected, action %s runs: %s', (action, runs) => {
		const decision = send('eticket', { action }, { eticketActions: ['use'] });
		expect(decision.run).toBe(runs);
		if (!decision.run) expect([decision.status, decision.body, decision.reason]).toEqual([200, 'OK', `e-ticket action ${action} not selected`]);
	});

	it('runs every action when none is selected, and a notification without action always', () => {
		expect(send('eticket', { action: 'revoke' }).run).toBe(true);
		expect(send('eticket', { action: '' }, { eticketActions: ['use'] }).run).toBe(true);
	});

	it('does not touch other events', () => {
		expect(send('on_payment', {}, { eticketActions: ['use'] }).run).toBe(true);
	});
});

describe('First Payment Only filter', () => {
	const subscription = { billing_type: 'subscription', number_of_installments: '0' };
	it.each([
		['0', 'single_payment', true],
		['1', 'subscription', true],
		['2', 'subscription', false],
		['7', 'installment', false],
		['', 'subscription', true],
	])('pay_sequence_no %p (%s) runs: %s', (sequence, billingType, runs) => {
		const decision = send('on_payment', { ...subscription, billing_type: billingType, pay_sequence_no: sequence }, { firstPaymentOnly: true });
		expect(decision.run).toBe(runs);
		if (!decision.run) expect(decision.reason).toBe(`follow-up payment (pay_sequence_no ${sequence}) while First Payment Only is on`);
	});

	it('is off by default: a rebill runs', () => {
		expect(send('on_payment', { ...subscription, pay_sequence_no: '2' }).run).toBe(true);
	});
});

describe('typed access fields', () => {
	it('an upgrade carries order.deliveryDate, order.upgradeType and the replaced order', () => {
		const decision = send('on_payment', {
			order_type: 'upgrade',
			upgrade_type: 'upgrade',
			upgraded_order_id: 'OLD12345',
			upgraded_product_id: '512345',
			upgraded_order_paid_until: '2026-12-24',
			delivery_date: '2026-12-24',
			order_is_paid: 'Y',
			tags: 'vip,upgrade',
			amount_brutto: '19.00',
			used_coupon_code: 'SPRING20',
			variant_id: '77',
			license_id: '5501',
		});
		expect(decision.run).toBe(true);
		const item = (decision as { item: Record<string, Record<string, unknown>> }).item;
		expect(item.order).toMatchObject({ type: 'upgrade', upgradeType: 'upgrade', deliveryDate: '2026-12-24', upgradedOrderId: 'OLD12345', isPaid: true, tags: 'vip,upgrade', licenseId: '5501' });
		expect(item.upgrade).toMatchObject({ orderId: 'OLD12345', productId: '512345', paidUntil: '2026-12-24' });
		expect(item.amounts.brutto).toBe(19);
		expect(item.coupon).toEqual({ usedCode: 'SPRING20' });
		expect(item.product.variantId).toBe('77');
	});

	it('an e-ticket carries its location details typed', () => {
		const decision = send('eticket', { action: 'use' });
		const item = (decision as { item: Record<string, Record<string, unknown>> }).item;
		expect(item.eticket).toMatchObject({ action: 'use', locationAddress: expect.any(String), locationCountry: 'DE', locationLatitude: 53.56, locationLongitude: 9.99, locationMapImageUrl: expect.stringMatching(/^https:/) });
	});

	it('an ordinary payment has no upgrade or coupon group', () => {
		const item = (send('on_payment', {}) as { item: Record<string, unknown> }).item;
		expect(item.upgrade).toBeUndefined();
		expect(item.coupon).toBeUndefined();
	});
});
