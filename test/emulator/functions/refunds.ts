import { DAY_MS, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import { formatCents, parseCents } from '../data/money';
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

/**
 * refundPartially (purchase_id, amount): GoSuccess's docs (the only source, confidence M) say it
 * refunds part of a payment as a discount: the order keeps its status and access, several partial
 * refunds may follow, the amount may not exceed what was paid. They show an empty `data`; the
 * emulator adds the booked refund so a test can find it (extra fields lose nothing).
 */
export const partialRefundFunctions: FunctionTable = {
	refundPartially: {
		writes: true,
		params: ['purchase_id', 'amount'],
		required: ['purchase_id', 'amount'],
		handler: (ctx) => {
			const id = text(ctx.params, 'purchase_id')!.trim();
			const purchase = ctx.state.data.purchaseById.get(id);
			if (!purchase) throw apiErrors.notFound('Purchase', id);
			const raw = text(ctx.params, 'amount')!;
			const cents = parseCents(raw);
			if (cents === undefined || cents <= 0) throw apiErrors.invalidParameter('amount', raw, 'a positive amount such as 15.00');
			const payment = openPayments(purchase).at(-1);
			const left = payment ? remaining(payment) : 0;
			if (!payment || cents > left) throw apiErrors.invalidParameter('amount', raw, `at most ${formatCents(left)} (what is left to refund of the last payment)`);
			const refund = book(ctx, payment, cents);
			return {
				purchase_id: id,
				transaction_id: payment.id,
				refund_transaction_id: refund.id,
				amount: formatCents(-refund.amount),
				currency: purchase.product.currency,
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

/** Payments with something left to refund (refunds and chargebacks point at their payment). */
function openPayments(purchase: Purchase): Transaction[] {
	return purchase.transactions.filter((t) => t.type === 'payment' && remaining(t) > 0);
}

function remaining(payment: Transaction): number {
	return payment.purchase.transactions.reduce((left, t) => (t.type !== 'payment' && t.parent_id === payment.id ? left + t.amount : left), payment.amount);
}

/**
 * Books the refund of one payment (what is left of it, or `cents` of it): a new transaction in
 * the purchase and in the account's list, VAT and earning in proportion.
 */
function book({ state, now }: CallContext, payment: Transaction, cents = remaining(payment)): Transaction {
	const refund = transaction(payment.purchase, 'refund', now, payment.pay_sequence_no);
	const share = cents / payment.amount;
	refund.amount = -cents;
	refund.vat = -Math.round(payment.vat * share);
	refund.earning = -Math.round(payment.earning * share);
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
