import { findEvent } from '../../nodes/Digistore24/ipn/events';
import { normalizeIpn } from '../../nodes/Digistore24/ipn/normalize';
import { POLL_EVENTS } from '../../nodes/Digistore24/poll/events';
import { rebillingChangeItem, transactionItem } from '../../nodes/Digistore24/poll/items';

/** API rows become the IPN trigger's item: the IPN parameters each row field stands for, typed by the one normalizer. */
describe('polled rows → IPN items', () => {
	const row = {
		id: '40012345', purchase_id: 'ABCD2345', created_at: '2026-11-25 10:00:00', transaction_type: 'payment', parent_transaction_id: '40012300', pay_sequence_no: '2',
		amount: '49.00', vat_amount: '7.82', earning: '35.10', currency: 'EUR', pay_method: 'paypal', billing_type: 'subscription', product_id: '512346', product_name: 'Pro',
		role: 'vendor', affiliate_name: 'MaxMuster', buyer_id: '333001', email: 'a@example.com', first_name: 'Anna', last_name: 'Weber', country: 'DE',
	};
	const ipnParams = {
		event: 'on_payment', order_id: 'ABCD2345', transaction_id: '40012345', parent_transaction_id: '40012300', transaction_type: 'payment', transaction_date: '2026-11-25',
		transaction_amount: '49.00', transaction_currency: 'EUR', transaction_vat_amount: '7.82', amount: '49.00', amount_vat: '7.82', currency: 'EUR', amount_vendor: '35.10',
		pay_method: 'paypal', billing_type: 'subscription', pay_sequence_no: '2', product_id: '512346', product_name: 'Pro', buyer_id: '333001', email: 'a@example.com',
		buyer_first_name: 'Anna', buyer_last_name: 'Weber', country: 'DE', affiliate_name: 'MaxMuster',
	};

	it('a transaction row is the IPN item of the same parameters (all catalogue fields), plus source and the row as raw', () => {
		const item = transactionItem(row, POLL_EVENTS[0]);
		const ipn = normalizeIpn(ipnParams, findEvent('on_payment')!, { includeRaw: false });
		expect(item).toEqual({ ...ipn, source: 'poll', raw: row });
		expect(item).toMatchObject({ transaction: { amount: 49, id: '40012345' }, billing: { paySequenceNo: 2 }, amounts: { vendor: 35.1 } });
	});

	it('each row is typed on its own: nothing of the row before carries over', () => {
		const first = transactionItem(row, POLL_EVENTS[0]);
		const sparse = { id: '40012346', purchase_id: 'EFGH6789', created_at: '2026-11-25 10:00:01', transaction_type: 'payment', amount: '10.00', currency: 'EUR' };
		const second = transactionItem(sparse, POLL_EVENTS[0]);
		const alone = normalizeIpn(
			{ event: 'on_payment', order_id: 'EFGH6789', transaction_id: '40012346', transaction_type: 'payment', transaction_date: '2026-11-25', transaction_amount: '10.00', transaction_currency: 'EUR', amount: '10.00', currency: 'EUR' },
			findEvent('on_payment')!,
			{ includeRaw: false },
		);
		expect(second).toEqual({ ...alone, source: 'poll', raw: sparse });
		expect(first.buyer).toMatchObject({ email: 'a@example.com' });
	});

	it('an affiliate sale puts the earning on amounts.affiliate', () => {
		expect(transactionItem({ ...row, role: 'affiliate' }, POLL_EVENTS[0]).amounts).toMatchObject({ affiliate: 35.1 });
	});

	it('a status change row carries the order, billing status and stop reason, and the change itself', () => {
		const change = { id: '7100009', created_at: '2026-11-25 10:00:00', purchase_id: 'ABCD2345', product_id: '512346', product_name: 'Pro', billing_type: 'subscription', change_type: 'stopped', old_status: 'paying', new_status: 'aborted', billing_stop_reason: 'by_buyer', buyer_id: '333001', email: 'a@example.com', first_name: 'Anna', last_name: 'Weber' };
		const cancelled = POLL_EVENTS.find((e) => e.ipn.value === 'on_rebill_cancelled')!;
		const item = rebillingChangeItem(change, cancelled);
		const ipn = normalizeIpn({ event: 'on_rebill_cancelled', order_id: 'ABCD2345', product_id: '512346', product_name: 'Pro', billing_type: 'subscription', billing_status: 'aborted', billing_stop_reason: 'by_buyer', buyer_id: '333001', email: 'a@example.com', buyer_first_name: 'Anna', buyer_last_name: 'Weber' }, findEvent('on_rebill_cancelled')!, { includeRaw: false });
		expect(item).toEqual({ ...ipn, billing: { ...(ipn.billing as object), changeType: 'stopped', previousStatus: 'paying', changedAt: '2026-11-25T10:00:00' }, source: 'poll', raw: change });
	});
});
