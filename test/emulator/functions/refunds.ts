import { DAY_MS, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import { formatCents } from '../data/money';
import { transaction, type Purchase, type Transaction } from '../data/seed';
import { flag, text } from './params';
import { record } from './rebilling';
import type { CallContext, FunctionTable } from './types';

/**
 * Refunds (full access): each refunded payment gets a refund transaction with the negative
 * amount that points at it, as Digistore24 books them. Payments older than the refund period
 * are refused unless `force`; a payment is refunded at most once.
 */
export const REFUND_DAYS = 60;

export const refundFunctions: FunctionTable = {
	refundPurchase: {
		writes: true,
		params: ['purchase_id', 'force', 'request_date'],
		required: ['purchase_id'],
		handler: (ctx) => {
			const id = text(ctx.params, 'purchase_id')!.trim();
			const purchase = ctx.state.data.purchaseById.get(id);
			if (!purchase) throw apiErrors.notFound('Purchase', id);
			const open = openPayments(purchase);
			if (open.length === 0) return refused(`Order ${id} has no payment left to refund.`);
			const { requestDate, force } = refundTerms(ctx);
			const due = force ? open : open.filter((t) => withinPeriod(t, requestDate));
			if (due.length === 0) return refused(`The refund period of ${REFUND_DAYS} days for order ${id} has passed. Use force to refund anyway.`);
			const refunds = due.map((payment) => book(ctx, payment));
			stop(ctx, purchase);
			return {
				status: 'completed',
				modified: 'Y',
				note: `Refunded ${refunds.length} payment(s) of order ${id}.`,
				purchase_id: id,
				refunded_transaction_ids: due.map((t) => t.id).join(','),
				refund_transaction_ids: refunds.map((t) => t.id).join(','),
				amount: formatCents(refunds.reduce((sum, t) => sum + t.amount, 0)),
				currency: purchase.product.currency,
			};
		},
	},
	refundTransaction: {
		writes: true,
		params: ['transaction_id', 'force', 'request_date'],
		required: ['transaction_id'],
		handler: (ctx) => {
			const id = text(ctx.params, 'transaction_id')!.trim();
			const payment = ctx.state.data.transactions.find((t) => t.id === id);
			if (!payment) throw apiErrors.notFound('Transaction', id);
			if (payment.type !== 'payment') throw apiErrors.invalidParameter('transaction_id', id, `a payment (this is a ${payment.type})`);
			if (!openPayments(payment.purchase).includes(payment)) return refused(`Transaction ${id} is already refunded.`);
			const { requestDate, force } = refundTerms(ctx);
			if (!force && !withinPeriod(payment, requestDate)) return refused(`The refund period of ${REFUND_DAYS} days for transaction ${id} has passed. Use force to refund anyway.`);
			const refund = book(ctx, payment);
			if (payment.purchase.product.billing_type === 'single_payment') stop(ctx, payment.purchase);
			return {
				status: 'completed',
				modified: 'Y',
				note: `Transaction ${id} refunded.`,
				transaction_id: id,
				refund_transaction_id: refund.id,
				purchase_id: payment.purchase.id,
				amount: formatCents(refund.amount),
				currency: payment.purchase.product.currency,
				pending_reason: '',
			};
		},
	},
};

function refused(note: string) {
	return { status: 'refused', modified: 'N', note };
}

function refundTerms(ctx: CallContext): { requestDate: Date; force: boolean } {
	const raw = text(ctx.params, 'request_date')?.trim() || 'now';
	const requestDate = parseDateParam(raw, ctx.now, ctx.state.data.accountStart, 'to');
	if (!requestDate) throw apiErrors.invalidParameter('request_date', raw, 'expected now, -3d, YYYY-MM-DD[ HH:MM:SS] or ISO 8601');
	return { requestDate, force: flag(ctx.params, 'force') };
}

const withinPeriod = (payment: Transaction, requestDate: Date) => requestDate.getTime() - payment.created.getTime() <= REFUND_DAYS * DAY_MS;

function openPayments(purchase: Purchase): Transaction[] {
	const reversed = new Set(purchase.transactions.filter((t) => t.type !== 'payment').map((t) => t.parent_id));
	return purchase.transactions.filter((t) => t.type === 'payment' && !reversed.has(t.id));
}

/** Books the refund of one payment: a new transaction in the purchase and in the account's list. */
function book({ state, now }: CallContext, payment: Transaction): Transaction {
	const refund = transaction(payment.purchase, 'refund', now, payment.pay_sequence_no);
	refund.id = String(state.data.nextTransactionId++);
	refund.parent_id = payment.id;
	payment.purchase.transactions.push(refund);
	state.data.transactions.push(refund);
	return refund;
}

/** A refunded order stops billing, as Digistore24 does. */
function stop({ state, now }: CallContext, purchase: Purchase): void {
	const before = purchase.billing_status;
	purchase.billing_status = 'aborted';
	purchase.stopped_at = now;
	purchase.next_payment_at = undefined;
	if (purchase.product.billing_type !== 'single_payment' && before === 'paying') record(state.data, now, purchase, 'stopped', before, 'aborted', 'by_refund');
}
