import { berlinDate, berlinDateTime, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import type { Purchase } from '../data/seed';
import { flag, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * Changes to an order after the sale (full access): its tracking key and custom value, invoice
 * access, a later next payment, and the order emails sent again (addBalanceToPurchase: purchases.ts).
 * Custom form answers of orders are read here too.
 */
export const purchaseChangeFunctions: FunctionTable = {
	updatePurchase: {
		writes: true,
		params: ['purchase_id', 'tracking_param', 'custom', 'unlock_invoices', 'next_payment_at'],
		required: ['purchase_id'],
		handler: (ctx) => {
			const purchase = purchaseOf(ctx);
			const { params } = ctx;
			const changed: string[] = [];
			const custom = text(params, 'custom');
			if (custom !== undefined) {
				if (custom.length > 63) throw apiErrors.invalidParameter('custom', custom, 'at most 63 characters');
				purchase.custom = custom;
				changed.push('custom');
			}
			const tracking = text(params, 'tracking_param');
			if (tracking !== undefined) {
				purchase.trackingkey = tracking;
				changed.push('tracking_param');
			}
			if (text(params, 'unlock_invoices') !== undefined) {
				purchase.invoices_unlocked = flag(params, 'unlock_invoices');
				changed.push('unlock_invoices');
			}
			const next = text(params, 'next_payment_at')?.trim();
			if (next) {
				if (purchase.billing_status !== 'paying' || !purchase.next_payment_at) throw apiErrors.invalidParameter('next_payment_at', next, `order ${purchase.id} has no payment due`);
				const date = parseDateParam(next, ctx.now, ctx.state.data.accountStart, 'to');
				if (!date) throw apiErrors.invalidParameter('next_payment_at', next, 'expected YYYY-MM-DD[ HH:MM:SS] or ISO 8601');
				// Digistore24 extends an interval, it never shortens one.
				if (date.getTime() < purchase.next_payment_at.getTime()) throw apiErrors.invalidParameter('next_payment_at', next, `not before the current next payment ${berlinDate(purchase.next_payment_at)}`);
				purchase.next_payment_at = date;
				changed.push('next_payment_at');
			}
			return {
				modified: changed.length ? 'Y' : 'N',
				purchase_id: purchase.id,
				changed: changed.join(','),
				custom: purchase.custom ?? '',
				next_payment_at: purchase.next_payment_at ? berlinDate(purchase.next_payment_at) : '',
			};
		},
	},
	resendPurchaseConfirmationMail: {
		writes: true,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: (ctx) => sendMail(ctx, purchaseOf(ctx), 'purchase_confirmation'),
	},
	resendInvoiceMail: {
		writes: true,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: (ctx) => sendMail(ctx, purchaseOf(ctx), 'invoice'),
	},
	listCustomFormRecords: {
		writes: false,
		params: ['purchase_id'],
		handler: ({ params, state }) => {
			const id = text(params, 'purchase_id')?.trim();
			if (id && !state.data.purchaseById.has(id)) throw apiErrors.notFound('Purchase', id);
			const records = state.data.customForms.filter((r) => !id || r.purchase.id === id);
			return {
				records: records.map((r) => ({
					id: r.id,
					purchase_id: r.purchase.id,
					purchase_item_id: `${r.purchase.id}-1`,
					product_id: r.purchase.product.id,
					form_id: r.form_id,
					form_no: String(r.form_no),
					form_count: String(r.form_count),
					created_at: berlinDateTime(r.created),
					email: r.purchase.buyer.person.email,
					data: { ...r.data },
				})),
			};
		},
	},
};

export function purchaseOf({ params, state }: CallContext): Purchase {
	const id = text(params, 'purchase_id')!.trim();
	const purchase = state.data.purchaseById.get(id);
	if (!purchase) throw apiErrors.notFound('Purchase', id);
	return purchase;
}

/** Records the email in the emulator's outbox (GET /__emulator/state does not show it; tests read state). */
function sendMail({ state, now }: CallContext, purchase: Purchase, type: 'invoice' | 'purchase_confirmation') {
	const to = purchase.buyer.person.email;
	state.data.mails.push({ at: now, type, purchase_id: purchase.id, to });
	const invoices = type === 'invoice' ? purchase.transactions.length : undefined;
	return { modified: 'Y', purchase_id: purchase.id, email: to, ...(invoices !== undefined ? { invoice_count: String(invoices) } : {}), sent_at: berlinDateTime(now) };
}
