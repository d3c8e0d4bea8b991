import { parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import type { Purchase, Transaction } from '../data/seed';
import { integer, list, object, oneOf, text } from './params';
import type { CallContext } from './types';

/**
 * What listPurchases and listTransactions share: the `from`/`to` window, `search[...]` filters,
 * `sort_by`/`sort_order`, and 1-based paging answered with page_no, page_size, page_count and
 * item_count.
 */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 1000;

export interface Sortable {
	date: Date;
	amount: number;
	earning: number;
}

export interface Page<T> {
	items: T[];
	page_no: number;
	page_size: number;
	page_count: number;
	item_count: number;
}

/** Items inside from/to, sorted and cut to the requested page. */
export function listPage<T>(ctx: CallContext, items: readonly T[], sortable: (item: T) => Sortable, keep: (item: T) => boolean): Page<T> {
	const { from, to } = dateWindow(ctx);
	const sortBy = oneOf(ctx.params, 'sort_by', ['date', 'amount', 'earning'] as const, 'date');
	const direction = oneOf(ctx.params, 'sort_order', ['asc', 'desc'] as const, 'asc') === 'asc' ? 1 : -1;

	const rows = items
		.map((item, index) => ({ item, index, key: sortable(item) }))
		.filter(({ item, key }) => key.date >= from && key.date <= to && keep(item));
	const value = (key: Sortable) => (sortBy === 'date' ? key.date.getTime() : key[sortBy]);
	// The original order breaks ties, so pages never overlap or skip.
	rows.sort((a, b) => direction * (value(a.key) - value(b.key)) || direction * (a.index - b.index));
	return paginate(ctx, rows, DEFAULT_PAGE_SIZE, (row) => row.item);
}

/**
 * One page of already filtered and sorted rows. Digistore24 serves at most 1000 per page; a larger
 * request gets 1000 and says so in page_size. With `allowAll`, page_size=0 means everything
 * (listCommissions' default).
 */
export function paginate<R, T = R>(ctx: CallContext, rows: readonly R[], defaultPageSize: number, map: (row: R) => T = (row) => row as unknown as T, allowAll = false): Page<T> {
	const pageNo = integer(ctx.params, 'page_no', 1, 1);
	const requested = integer(ctx.params, 'page_size', defaultPageSize, allowAll ? 0 : 1);
	if (requested === 0) {
		return { items: pageNo === 1 ? rows.map(map) : [], page_no: pageNo, page_size: 0, page_count: rows.length > 0 ? 1 : 0, item_count: rows.length };
	}
	const pageSize = Math.min(requested, MAX_PAGE_SIZE);
	const start = (pageNo - 1) * pageSize;
	return {
		items: rows.slice(start, start + pageSize).map(map),
		page_no: pageNo,
		page_size: pageSize,
		page_count: Math.ceil(rows.length / pageSize),
		item_count: rows.length,
	};
}

export function dateWindow(ctx: CallContext, defaultFrom = '-24h'): { from: Date; to: Date } {
	const read = (name: 'from' | 'to', fallback: string) => {
		const raw = text(ctx.params, name)?.trim() || fallback;
		const date = parseDateParam(raw, ctx.now, ctx.state.data.accountStart, name);
		if (!date) throw apiErrors.invalidParameter(name, raw, 'expected now, start, -24h, -3d, YYYY-MM-DD[ HH:MM:SS] or ISO 8601');
		return date;
	};
	return { from: read('from', defaultFrom), to: read('to', 'now') };
}

/**
 * `search[...]` as documented for listPurchases/listTransactions: comma lists for ids and types,
 * part-of-text matches for names and e-mail. Unknown keys are ignored, as Digistore24 does.
 * With a transaction, type filters apply to it; otherwise to any of the purchase's transactions.
 */
export function searchFilter(ctx: CallContext): (purchase: Purchase, transaction?: Transaction) => boolean {
	const search = object(ctx.params, 'search');
	const tests: Array<(p: Purchase, t?: Transaction) => boolean> = [];
	const anyOf = (name: string, get: (p: Purchase, t?: Transaction) => string | string[]) => {
		const wanted = list(search[name]).map((v) => v.toLowerCase());
		if (wanted.length === 0) return;
		tests.push((p, t) => ([] as string[]).concat(get(p, t)).some((v) => wanted.includes(v.toLowerCase())));
	};
	const contains = (name: string, get: (p: Purchase) => string) => {
		const part = search[name]?.trim().toLowerCase();
		if (part) tests.push((p) => get(p).toLowerCase().includes(part));
	};
	anyOf('role', (p) => p.role);
	anyOf('product_id', (p) => p.product.id);
	anyOf('currency', (p) => p.product.currency);
	anyOf('purchase_id', (p) => p.id);
	anyOf('billing_type', (p) => p.product.billing_type);
	anyOf('pay_method', (p) => p.pay_method);
	anyOf('transaction_type', (p, t) => (t ? t.type : p.transactions.map((x) => x.type)));
	contains('email', (p) => p.buyer.person.email);
	contains('first_name', (p) => p.buyer.person.first_name);
	contains('last_name', (p) => p.buyer.person.last_name);
	contains('affiliate_name', (p) => p.affiliate_name);
	const hasAffiliate = search.has_affiliate?.trim().toUpperCase();
	if (hasAffiliate === 'Y' || hasAffiliate === 'N') tests.push((p) => (p.affiliate_name !== '') === (hasAffiliate === 'Y'));
	return (purchase, transaction) => tests.every((test) => test(purchase, transaction));
}
