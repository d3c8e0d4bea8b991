import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;
const DAY = 86_400_000;
const recentSingle = () =>
	[...data().purchases].reverse().find((p) => p.product.billing_type === 'single_payment' && p.transactions.every((t) => t.type === 'payment') && p.created.getTime() > h.emulator.state.now().getTime() - 10 * DAY)!;

describe('Refund → Refund Purchase (refundPurchase)', () => {
	it('refunds the payment: a refund transaction pointing at it, billing stopped; a second refund is refused', async () => {
		const purchase = recentSingle();
		const payment = purchase.transactions[0];
		const [out] = await h.run('refund', 'refundPurchase', { purchaseId: purchase.id });
		expect(h.calls()[0]).toMatchObject({ function: 'refundPurchase', params: { purchase_id: purchase.id, language: 'en' } });
		expect(out.json).toMatchObject({ status: 'completed', modified: true, amount: -payment.amount / 100, refunded_transaction_ids: payment.id });

		const refunds = await h.run('transaction', 'getMany', { dateRange: '-24h', returnAll: true, search: { transaction_type: ['refund'], purchase_id: purchase.id } });
		expect(refunds.map((r) => r.json)).toEqual([expect.objectContaining({ transaction_type: 'refund', parent_transaction_id: payment.id, amount: -payment.amount / 100 })]);
		expect(purchase.billing_status).toBe('aborted');

		// Digistore24 answers `result: success` with `status: refused`: the node fails with the reason.
		const second = await failure(h.run('refund', 'refundPurchase', { purchaseId: purchase.id }));
		expect(second.message).toBe(`Digistore24 refundPurchase refused: Order ${purchase.id} has no payment left to refund.`);
	});

	it('refuses after the refund period unless forced, and sends force and the request date', async () => {
		const old = data().purchases.find((p) => p.product.billing_type === 'single_payment' && p.transactions.every((t) => t.type === 'payment'))!;
		const [refused] = await h.run('refund', 'refundPurchase', { purchaseId: old.id, options: { refusals: 'item' } });
		expect(refused.json).toMatchObject({ status: 'refused', modified: false, note: expect.stringMatching(/refund period/), done: false, outcome: 'refused' });
		const [forced] = await h.run('refund', 'refundPurchase', { purchaseId: old.id, refundOptions: { force: true, request_date: '2026-03-01T10:00:00' } });
		expect(h.calls().at(-1)!.params).toEqual({ purchase_id: old.id, force: 'Y', request_date: '2026-03-01 10:00:00', language: 'en' });
		expect(forced.json).toMatchObject({ status: 'completed', modified: true });
	});

	it('with a read-only key fails with an error that names full access', async () => {
		const error = await failure(h.run('refund', 'refundPurchase', { purchaseId: recentSingle().id }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Permission denied: refundPurchase\(\) changes data/);
		expect(error.description).toMatch(/needs an API key with full access/);
		expect(data().transactions.some((t) => t.type === 'refund' && t.created.getTime() === h.emulator.state.now().getTime())).toBe(false);
	});
});

describe('Refund → Refund Transaction (refundTransaction)', () => {
	it('refunds one rebill payment and leaves the subscription running', async () => {
		const subscription = [...data().purchases].reverse().find((p) => p.product.billing_type === 'subscription' && p.billing_status === 'paying' && p.transactions.length >= 1)!;
		const payment = subscription.transactions[subscription.transactions.length - 1];
		const [out] = await h.run('refund', 'refundTransaction', { transactionId: payment.id });
		expect(h.calls()[0]).toMatchObject({ function: 'refundTransaction', params: { transaction_id: payment.id, language: 'en' } });
		expect(out.json).toMatchObject({ status: 'completed', modified: true, transaction_id: payment.id, refund_transaction_id: expect.any(String) });
		const refund = data().transactions.find((t) => t.id === out.json.refund_transaction_id)!;
		expect(refund).toMatchObject({ type: 'refund', parent_id: payment.id, amount: -payment.amount });
		expect(subscription.billing_status).toBe('paying');

		const second = await failure(h.run('refund', 'refundTransaction', { transactionId: payment.id }));
		expect(second.message).toMatch(/^Digistore24 refundTransaction refused: .*already refunded/);
	});

	it('a refund is not a payment to refund', async () => {
		const refund = data().transactions.find((t) => t.type === 'refund')!;
		const error = await failure(h.run('refund', 'refundTransaction', { transactionId: refund.id }));
		expect(error.message).toMatch(/transaction_id.*a payment \(this is a refund\)/);
	});
});
