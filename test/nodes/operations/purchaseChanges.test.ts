import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;
const DAY = 86_400_000;
const paying = () => [...data().purchases].reverse().find((p) => p.product.billing_type === 'subscription' && p.billing_status === 'paying')!;
const recentSingle = () =>
	[...data().purchases].reverse().find((p) => p.product.billing_type === 'single_payment' && p.transactions.every((t) => t.type === 'payment') && p.created.getTime() > h.emulator.state.now().getTime() - 10 * DAY)!;

describe('Purchase → Update (updatePurchase)', () => {
	it('changes custom and tracking key (read back with Get Tracking) and moves the next payment later', async () => {
		const purchase = paying();
		const later = new Date(purchase.next_payment_at!.getTime() + 14 * DAY).toISOString().slice(0, 10);
		const [out] = await h.run('purchase', 'update', { purchaseId: purchase.id, purchaseUpdateFields: { custom: 'crm-42', tracking_param: 'tk-autumn', unlock_invoices: true, next_payment_at: later } });
		expect(h.calls()[0]).toMatchObject({ function: 'updatePurchase', params: { purchase_id: purchase.id, custom: 'crm-42', tracking_param: 'tk-autumn', unlock_invoices: 'Y', next_payment_at: later } });
		expect(out.json).toMatchObject({ modified: true, changed: 'custom,tracking_param,unlock_invoices,next_payment_at', next_payment_at: later });
		const [tracking] = await h.run('purchase', 'getTracking', { purchaseId: purchase.id });
		expect(tracking.json).toMatchObject({ custom: 'crm-42', trackingkey: 'tk-autumn' });
	});

	it('Digistore24 refuses to shorten the interval; nothing to update fails before any call', async () => {
		const purchase = paying();
		const earlier = new Date(purchase.next_payment_at!.getTime() - 3 * DAY).toISOString().slice(0, 10);
		const error = await failure(h.run('purchase', 'update', { purchaseId: purchase.id, purchaseUpdateFields: { next_payment_at: earlier } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/next_payment_at.*not before the current next payment.*\(code 5\)/);
		const empty = await failure(h.run('purchase', 'update', { purchaseId: purchase.id }));
		expect(empty.message).toBe('Nothing to update');
		expect(h.calls()).toHaveLength(1);
	});
});

describe('Purchase → Add Balance (addBalanceToPurchase)', () => {
	it('adds and takes away credit; Digistore24 refuses to go below 0', async () => {
		const purchase = paying();
		const [added] = await h.run('purchase', 'addBalance', { purchaseId: purchase.id, amount: 12.5 });
		expect(h.calls()[0].params).toEqual({ purchase_id: purchase.id, amount: '12.50', language: 'en' });
		expect(added.json).toMatchObject({ old_balance: 0, new_balance: 12.5 });
		const [reduced] = await h.run('purchase', 'addBalance', { purchaseId: purchase.id, amount: -2.5 });
		expect(reduced.json).toMatchObject({ old_balance: 12.5, new_balance: 10 });
		const below = await failure(h.run('purchase', 'addBalance', { purchaseId: purchase.id, amount: -20 }));
		expect(below.message).toMatch(/the balance cannot go below 0.*\(code 5\)/);
		expect(purchase.balance).toBe(1000);
	});

	it('an amount of 0 fails before any call; a read-only key is refused by Digistore24', async () => {
		const zero = await failure(h.run('purchase', 'addBalance', { purchaseId: paying().id, amount: 0 }));
		expect(zero.message).toMatch(/Amount must be a number other than 0/);
		const readOnly = await failure(h.run('purchase', 'addBalance', { purchaseId: paying().id, amount: 5 }, { key: READ_ONLY_KEY }));
		expect(readOnly.message).toMatch(/Permission denied: addBalanceToPurchase\(\) changes data/);
		expect(h.calls()).toHaveLength(1);
		expect(paying().balance).toBeUndefined();
	});
});

describe('Purchase → Resend Confirmation Email / Invoice → Resend Email', () => {
	it('each sends one email to the buyer', async () => {
		const purchase = recentSingle();
		const [confirmation] = await h.run('purchase', 'resendConfirmation', { purchaseId: purchase.id });
		const [invoice] = await h.run('invoice', 'resend', { purchaseId: purchase.id });
		expect(h.calls().map((c) => c.function)).toEqual(['resendPurchaseConfirmationMail', 'resendInvoiceMail']);
		expect(confirmation.json).toMatchObject({ modified: true, email: purchase.buyer.person.email });
		expect(invoice.json).toMatchObject({ modified: true, invoice_count: '1' });
		expect(data().mails.map((m) => [m.type, m.purchase_id])).toEqual([
			['purchase_confirmation', purchase.id],
			['invoice', purchase.id],
		]);
	});

	it('an unknown order is a not-found error', async () => {
		const error = await failure(h.run('purchase', 'resendConfirmation', { purchaseId: 'NOPE1234' }));
		expect(error.message).toBe('Digistore24 resendPurchaseConfirmationMail: Purchase not found: NOPE1234 (code 4)');
		expect(data().mails).toHaveLength(0);
	});
});

describe('Purchase → Get Custom Form Records (listCustomFormRecords)', () => {
	it('lists all records with Limit and Return All, or those of one order', async () => {
		const total = data().customForms.length;
		expect(total).toBeGreaterThan(60);
		expect(await h.run('purchase', 'getCustomFormRecords', { limit: 5 })).toHaveLength(5);
		expect(h.calls()[0].params).toEqual({ language: 'en' });
		expect(await h.run('purchase', 'getCustomFormRecords', { returnAll: true })).toHaveLength(total);
		const record = data().customForms[3];
		const one = await h.run('purchase', 'getCustomFormRecords', { purchaseId: record.purchase.id, returnAll: true });
		expect(h.calls()[2].params).toEqual({ purchase_id: record.purchase.id, language: 'en' });
		expect(one.map((i) => i.json)).toEqual([expect.objectContaining({ purchase_id: record.purchase.id, form_no: '1', data: record.data })]);
	});
});

describe('Refund → Refund Partially (refundPartially)', () => {
	it('refunds part of the payment, billing goes on, the rest stays refundable; more than is left is refused', async () => {
		const purchase = recentSingle();
		const payment = purchase.transactions[0];
		const [out] = await h.run('refund', 'refundPartially', { purchaseId: purchase.id, amount: 10 });
		expect(h.calls()[0].params).toEqual({ purchase_id: purchase.id, amount: '10.00', language: 'en' });
		expect(out.json).toMatchObject({ purchase_id: purchase.id, transaction_id: payment.id, amount: 10 });
		const refund = data().transactions.find((t) => t.id === out.json.refund_transaction_id)!;
		expect(refund).toMatchObject({ type: 'refund', amount: -1000, parent_id: payment.id });
		expect(purchase.billing_status).toBe('completed');

		const tooMuch = await failure(h.run('refund', 'refundPartially', { purchaseId: purchase.id, amount: payment.amount / 100 }));
		expect(tooMuch.message).toMatch(/at most .*what is left to refund.*\(code 5\)/);

		const [rest] = await h.run('refund', 'refundPurchase', { purchaseId: purchase.id });
		expect(rest.json).toMatchObject({ status: 'completed', amount: -(payment.amount - 1000) / 100 });
		const invoices = await h.run('invoice', 'getMany', { purchaseId: purchase.id, returnAll: true });
		expect(invoices.map((i) => [i.json.type, i.json.amount])).toEqual([
			['invoice', payment.amount / 100],
			['credit_note', -10],
			['credit_note', -(payment.amount - 1000) / 100],
		]);
	});
});
