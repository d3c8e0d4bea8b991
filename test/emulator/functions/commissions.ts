import { berlinDate, berlinDateTime, DAY_MS, fromBerlin } from '../clock';
import { apiErrors } from '../errors';
import { formatCents } from '../data/money';
import type { Transaction } from '../data/seed';
import { list, text } from './params';
import { dateWindow, paginate } from './listing';
import type { FunctionTable } from './types';

/**
 * What the account earns: one commission per transaction (a vendor's share of a sale, or an
 * affiliate's commission; refunds and chargebacks take it back). Digistore24 pays commissions
 * out twice a month (1st and 16th) after a 14-day holding period.
 */
const TRANSACTION_TYPES = ['payment', 'refund', 'refund_request', 'chargeback'];
const COMMISSION_TYPES = ['vendor', 'affiliate'];

export const commissionFunctions: FunctionTable = {
	listCommissions: {
		writes: false,
		params: ['from', 'to', 'page_no', 'page_size', 'transaction_type', 'commission_type', 'purchase_id'],
		handler: (ctx) => {
			const { from, to } = dateWindow(ctx);
			const types = tokens(text(ctx.params, 'transaction_type'), 'payment,refund,refund_request,chargeback', 'transaction_type', TRANSACTION_TYPES);
			const kinds = tokens(text(ctx.params, 'commission_type'), 'all', 'commission_type', COMMISSION_TYPES);
			const purchaseIds = list(text(ctx.params, 'purchase_id'));
			const rows = ctx.state.data.transactions.filter(
				(t) =>
					t.created >= from &&
					t.created <= to &&
					types.includes(t.type) &&
					kinds.includes(commissionType(t)) &&
					(purchaseIds.length === 0 || purchaseIds.includes(t.purchase.id)),
			);
			// Digistore24's default page_size here is 0: everything at once.
			const { items, ...paging } = paginate(ctx, rows, 0, (t) => commissionView(t, ctx.now), true);
			return { items, ...paging };
		},
	},
};

function tokens(raw: string | undefined, fallback: string, name: string, allowed: string[]): string[] {
	const values = list(raw?.trim() || fallback);
	if (values.includes('all')) return allowed;
	const unknown = values.find((value) => !allowed.includes(value));
	if (unknown) throw apiErrors.invalidParameter(name, raw ?? '', `expected all or a comma list of ${allowed.join(', ')}`);
	return values;
}

export const commissionType = (t: Transaction) => (t.purchase.role === 'affiliate' ? 'affiliate' : 'vendor');

/** The 1st or 16th (Berlin) after 14 days. */
export function payoutDate(created: Date): Date {
	const due = berlinDate(new Date(created.getTime() + 14 * DAY_MS));
	const [y, m, d] = due.split('-').map(Number);
	return d < 16 ? fromBerlin(y, m, 16) : fromBerlin(y, m + 1, 1);
}

export function commissionView(t: Transaction, now: Date) {
	const payout = payoutDate(t.created);
	const type = commissionType(t);
	return {
		id: String(Number(t.id) + 50_000_000),
		created_at: berlinDateTime(t.created),
		amount: formatCents(t.earning),
		currency: t.purchase.product.currency,
		commission_type: type,
		reason: `${type === 'affiliate' ? 'Affiliate commission' : 'Vendor share'} for ${t.type} of ${t.purchase.product.name}`,
		transaction_type: t.type,
		transaction_id: t.id,
		purchase_id: t.purchase.id,
		product_id: t.purchase.product.id,
		product_name: t.purchase.product.name,
		schedule_payout_at: berlinDate(payout),
		is_paid_out: payout.getTime() <= now.getTime() ? 'Y' : 'N',
	};
}
