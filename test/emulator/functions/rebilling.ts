import { berlinDate, berlinDateTime } from '../clock';
import { apiErrors } from '../errors';
import type { RebillingChange, RebillingChangeType } from '../data/extras';
import { addMonths, type Dataset, type Purchase } from '../data/seed';
import { text } from './params';
import { dateWindow, paginate } from './listing';
import type { CallContext, FunctionTable } from './types';

/**
 * Subscriptions and instalment plans: their status history (listRebillingStatusChanges, paged
 * like listCommissions) and stopping/starting the rebilling, which really changes the purchase.
 */
export const rebillingFunctions: FunctionTable = {
	listRebillingStatusChanges: {
		writes: false,
		params: ['from', 'to', 'page_no', 'page_size'],
		handler: (ctx) => {
			const { from, to } = dateWindow(ctx);
			const rows = ctx.state.data.rebillingChanges.filter((c) => c.created >= from && c.created <= to);
			const { items, ...paging } = paginate(ctx, rows, 1000, changeView);
			return { items, ...paging };
		},
	},
	stopRebilling: {
		writes: true,
		params: ['purchase_id', 'force', 'ignore_refund_possibility'],
		required: ['purchase_id'],
		handler: (ctx) => {
			const purchase = rebillingPurchase(ctx);
			if (purchase.billing_status !== 'paying') {
				return { ...state(purchase), modified: 'N', note: `Rebilling of order ${purchase.id} is not active (billing status ${purchase.billing_status}).`, code: '', is_cancelled_now: 'N', is_cancelled_later: 'N', can_cancel_before: '' };
			}
			const paidUntil = purchase.next_payment_at;
			purchase.billing_status = 'aborted';
			purchase.stopped_at = ctx.now;
			purchase.next_payment_at = undefined;
			record(ctx.state.data, ctx.now, purchase, 'stopped', 'paying', 'aborted', 'by_operator');
			return {
				...state(purchase),
				modified: 'Y',
				note: `Rebilling of order ${purchase.id} stopped${paidUntil ? `; the buyer keeps access until ${berlinDate(paidUntil)}` : ''}.`,
				code: 'stopped_now',
				is_cancelled_now: 'Y',
				is_cancelled_later: 'N',
				can_cancel_before: '',
			};
		},
	},
	startRebilling: {
		writes: true,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: (ctx) => {
			const purchase = rebillingPurchase(ctx);
			const reversed = purchase.transactions.some((t) => t.type !== 'payment');
			const payments = purchase.transactions.filter((t) => t.type === 'payment').length;
			const remaining = purchase.product.billing_type === 'subscription' || payments < purchase.product.number_of_installments;
			if (purchase.billing_status !== 'aborted' || reversed || !remaining) {
				const why = purchase.billing_status === 'paying' ? 'is already active' : reversed ? 'cannot restart after a refund or chargeback' : 'has no payments left';
				return { ...state(purchase), modified: 'N', note: `Rebilling of order ${purchase.id} ${why}.` };
			}
			let next = addMonths(purchase.created, payments);
			for (let k = payments + 1; next.getTime() <= ctx.now.getTime(); k++) next = addMonths(purchase.created, k);
			purchase.billing_status = 'paying';
			purchase.stopped_at = undefined;
			purchase.next_payment_at = next;
			record(ctx.state.data, ctx.now, purchase, 'resumed', 'aborted', 'paying', '');
			return { ...state(purchase), modified: 'Y', note: `Rebilling of order ${purchase.id} restarted; next payment on ${berlinDate(next)}.` };
		},
	},
};

function rebillingPurchase({ params, state: emulator }: CallContext): Purchase {
	const id = text(params, 'purchase_id')!.trim();
	const purchase = emulator.data.purchaseById.get(id);
	if (!purchase) throw apiErrors.notFound('Purchase', id);
	if (purchase.product.billing_type === 'single_payment') {
		throw apiErrors.invalidParameter('purchase_id', id, 'the order is a single payment and has no rebilling');
	}
	return purchase;
}

function state(purchase: Purchase) {
	return {
		purchase_id: purchase.id,
		billing_status: purchase.billing_status,
		next_payment_at: purchase.next_payment_at ? berlinDate(purchase.next_payment_at) : '',
		rebilling_active: purchase.billing_status === 'paying' ? 'Y' : 'N',
	};
}

/** A status change made now (stop, start, refund); the list keeps it in date order. */
export function record(data: Dataset, now: Date, purchase: Purchase, type: RebillingChangeType, old_status: string, new_status: string, reason: string): void {
	const id = String(7_100_001 + data.rebillingChanges.length);
	data.rebillingChanges.push({ id, created: now, purchase, type, old_status, new_status, reason });
}

function changeView(change: RebillingChange) {
	const { purchase } = change;
	const { person } = purchase.buyer;
	return {
		id: change.id,
		created_at: berlinDateTime(change.created),
		purchase_id: purchase.id,
		product_id: purchase.product.id,
		product_name: purchase.product.name,
		billing_type: purchase.product.billing_type,
		change_type: change.type,
		old_status: change.old_status,
		new_status: change.new_status,
		billing_stop_reason: change.reason,
		buyer_id: purchase.buyer.id,
		email: person.email,
		first_name: person.first_name,
		last_name: person.last_name,
	};
}
