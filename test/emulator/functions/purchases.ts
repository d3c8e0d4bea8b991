import { berlinDate, berlinDateTime, DAY_MS } from '../clock';
import { apiErrors } from '../errors';
import { DOWNLOADS, licenseKeyFor } from '../data/extras';
import { formatCents, parseCents } from '../data/money';
import type { Purchase } from '../data/seed';
import { flag, integer, list, text } from './params';
import { listPage, searchFilter } from './listing';
import type { CallContext, FunctionTable } from './types';
import { purchaseView } from './views';

/** Orders: `purchase_id` is the order id that IPNs call `order_id`. */
export const purchaseFunctions: FunctionTable = {
	listPurchases: {
		writes: false,
		params: ['from', 'to', 'search', 'sort_by', 'sort_order', 'load_transactions', 'page_no', 'page_size'],
		handler: (ctx) => {
			const matches = searchFilter(ctx);
			const page = listPage(
				ctx,
				ctx.state.data.purchases,
				(p) => ({ date: p.created, amount: p.split.gross, earning: p.transactions.reduce((sum, t) => sum + t.earning, 0) }),
				(p) => matches(p),
			);
			// The official docs call the flag show_transactions, the API load_transactions.
			const withTransactions = flag(ctx.params, 'load_transactions') || flag(ctx.params, 'show_transactions');
			const { items, ...paging } = page;
			return { purchase_list: items.map((p) => purchaseView(p, withTransactions)), ...paging };
		},
	},
	getPurchase: {
		writes: false,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: (ctx) => {
			const views = purchasesOf(ctx).map((purchase) => purchaseView(purchase, true));
			// One id answers the purchase itself; several answer an object keyed by purchase id.
			return views.length === 1 ? views[0] : Object.fromEntries(views.map((view) => [view.id, view]));
		},
	},
	listPurchasesOfEmail: {
		writes: false,
		params: ['email', 'limit'],
		required: ['email'],
		handler: ({ params, state }) => {
			const email = text(params, 'email')!.trim().toLowerCase();
			const limit = integer(params, 'limit', 100, 1);
			// Newest first, like the buyer's order overview.
			const matches: Purchase[] = [];
			const purchases = state.data.purchases;
			for (let i = purchases.length - 1; i >= 0 && matches.length < limit; i--) {
				if (purchases[i].buyer.person.email.toLowerCase() === email) matches.push(purchases[i]);
			}
			return { purchase_list: matches.map((p) => purchaseView(p, false)) };
		},
	},
	getPurchaseDownloads: {
		writes: false,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: (ctx) => ({ downloads: purchasesOf(ctx).flatMap((purchase) => downloadsOf(purchase, ctx.now)) }),
	},
	getPurchaseTracking: {
		writes: false,
		params: ['purchase_id'],
		required: ['purchase_id'],
		// Keyed by purchase id, one or several.
		handler: (ctx) => Object.fromEntries(purchasesOf(ctx).map((purchase) => [purchase.id, trackingOf(purchase)])),
	},
	addBalanceToPurchase: {
		// GoSuccess's docs (confidence M): subscriptions and installment plans only; the balance is
		// billed with the next payments; a negative amount reduces it, never below 0.
		writes: true,
		params: ['purchase_id', 'amount'],
		required: ['purchase_id', 'amount'],
		handler: (ctx) => {
			const [purchase] = purchasesOf(ctx);
			const raw = text(ctx.params, 'amount')!;
			const cents = parseCents(raw);
			if (cents === undefined || cents === 0) throw apiErrors.invalidParameter('amount', raw, 'an amount such as 10.00 or -5.00');
			if (purchase.product.billing_type === 'single_payment') {
				throw apiErrors.invalidParameter('purchase_id', purchase.id, 'a subscription or installment purchase (this one is a single payment)');
			}
			const before = purchase.balance ?? 0;
			if (before + cents < 0) throw apiErrors.invalidParameter('amount', raw, `at least -${formatCents(before)} (the balance cannot go below 0)`);
			purchase.balance = before + cents;
			return { purchase_id: purchase.id, old_balance: formatCents(before), new_balance: formatCents(purchase.balance), currency: purchase.product.currency };
		},
	},
	validateLicenseKey: {
		writes: false,
		params: ['purchase_id', 'license_key'],
		required: ['purchase_id', 'license_key'],
		handler: ({ params, state }) => {
			const id = text(params, 'purchase_id')!.trim();
			const key = text(params, 'license_key')!.trim();
			const purchase = state.data.purchaseById.get(id);
			if (!purchase) throw apiErrors.notFound('Purchase', id);
			return licenseStatus(purchase, key);
		},
	},
};

/** The purchases of a `purchase_id` comma list, each of which must exist. */
function purchasesOf({ fn, params, state }: CallContext): Purchase[] {
	const ids = list(text(params, 'purchase_id'));
	if (ids.length === 0) throw apiErrors.missingParameter(fn, 'purchase_id');
	return ids.map((id) => {
		const purchase = state.data.purchaseById.get(id);
		if (!purchase) throw apiErrors.notFound('Purchase', id);
		return purchase;
	});
}

const yn = (value: boolean) => (value ? 'Y' : 'N');
const isReversed = (purchase: Purchase) => purchase.transactions.some((t) => t.type !== 'payment');

function downloadsOf(purchase: Purchase, now: Date) {
	const files = DOWNLOADS[purchase.product.id] ?? [];
	const paid = purchase.transactions.some((t) => t.type === 'payment');
	const granted = paid && !isReversed(purchase);
	return files.map((file, index) => {
		const tries = (purchase.id.charCodeAt(index % purchase.id.length) + index) % 4;
		const ext = file.file_name.slice(file.file_name.lastIndexOf('.') + 1);
		return {
			purchase_id: purchase.id,
			product_id: purchase.product.id,
			product_name: purchase.product.name,
			headline: file.headline,
			instructions: 'Click the link to download the file. The link is personal: please do not share it.',
			file_name: file.file_name,
			file_ext: ext,
			file_size: String(file.file_size),
			url: `https://www.digistore24.com/download/${purchase.id}/${purchase.product.id}/${index + 1}/${file.file_name}`,
			downloads_total: '10',
			downloads_tries: String(tries),
			download_until: berlinDate(new Date(Math.max(purchase.created.getTime() + 365 * DAY_MS, now.getTime() + 30 * DAY_MS))),
			is_access_granted: yn(granted),
			is_purchase_paid: yn(paid),
		};
	});
}

const UTM_SOURCES = ['newsletter', 'facebook', 'google', 'youtube'];

function trackingOf(purchase: Purchase) {
	const seed = purchase.id.charCodeAt(0) + purchase.id.charCodeAt(7);
	const affiliate = purchase.role === 'vendor' ? purchase.affiliate_name : '';
	const source = affiliate ? 'affiliate' : UTM_SOURCES[seed % UTM_SOURCES.length];
	return {
		purchase_id: purchase.id,
		affiliate_name: affiliate,
		campaignkey: affiliate ? `cmp${seed % 10}` : '',
		trackingkey: purchase.trackingkey ?? (seed % 3 === 0 ? `tk-${purchase.product.name_intern}` : ''),
		click_id: affiliate ? `clk${purchase.id.toLowerCase()}` : '',
		custom: purchase.custom ?? '',
		utm_source: source,
		utm_medium: affiliate ? 'partner' : source === 'google' ? 'cpc' : 'social',
		utm_campaign: `${purchase.product.name_intern}-launch`,
		utm_term: '',
		utm_content: '',
		referrer_url: affiliate ? `https://${affiliate.toLowerCase()}.example.com/review` : `https://www.${source}.com/`,
	};
}

/** Valid: the right key, paid and not refunded or charged back. */
function licenseStatus(purchase: Purchase, key: string) {
	const found = key.toUpperCase() === licenseKeyFor(purchase.id);
	const payments = purchase.transactions.filter((t) => t.type === 'payment');
	const last = purchase.transactions[purchase.transactions.length - 1];
	const valid = found && payments.length > 0 && !isReversed(purchase);
	return {
		purchase_id: purchase.id,
		license_key: key,
		is_license_key_found: yn(found),
		is_license_valid: yn(valid),
		product_id: purchase.product.id,
		product_name: purchase.product.name,
		billing_status: purchase.billing_status,
		last_payment_at: payments.length ? berlinDateTime(payments[payments.length - 1].created) : '',
		next_payment_at: purchase.next_payment_at ? berlinDate(purchase.next_payment_at) : '',
		last_transaction_type: last?.type ?? '',
		msg: !found ? 'The license key does not belong to this order.' : valid ? 'The license is valid.' : 'The order was refunded or charged back: the license is no longer valid.',
	};
}
