import { DAY_MS } from '../clock';
import { apiErrors } from '../errors';
import { formatCents } from '../data/money';
import { PRODUCTS, type Product } from '../data/products';
import type { Dataset } from '../data/seed';
import { oneOf, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * The vendor's marketplace entries: one per product offered to affiliates (all but the e-ticket),
 * with the figures affiliates compare offers by, computed from the last 90 days of purchases.
 */
const ENTRY_BASE_ID = 5301;
const HEADLINES: Record<string, string> = {
	'512345': 'The beginner course that sells itself',
	'512346': 'Recurring commissions every month',
	'512347': 'Top converter in the US market',
	'512348': 'High ticket coaching, 40 % for top partners',
};

export const marketplaceFunctions: FunctionTable = {
	listMarketplaceEntries: {
		writes: false,
		params: ['sort_by'],
		handler: (ctx) => {
			const sortBy = oneOf(ctx.params, 'sort_by', ['name', 'sales', 'earnings_per_sale'] as const, 'name');
			const entries = offered().map((product, index) => entryView(ctx, product, index));
			const key = (e: ReturnType<typeof entryView>) => (sortBy === 'name' ? e.product_name : -Number(e[sortBy === 'sales' ? 'sales_count_90d' : 'earnings_per_sale']));
			entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
			return { entries };
		},
	},
	getMarketplaceEntry: {
		writes: false,
		params: ['entry_id'],
		required: ['entry_id'],
		handler: (ctx) => {
			const id = text(ctx.params, 'entry_id')!.trim();
			const index = Number(id) - ENTRY_BASE_ID;
			const product = offered()[index];
			if (!/^\d+$/.test(id) || !product) throw apiErrors.notFound('Marketplace entry', id);
			return { entry: entryView(ctx, product, index) };
		},
	},
	statsMarketplace: {
		writes: false,
		params: ['language'],
		handler: (ctx) => {
			const entries = offered().map((product, index) => entryView(ctx, product, index));
			const sales = entries.reduce((sum, e) => sum + Number(e.sales_count_90d), 0);
			return {
				language: text(ctx.params, 'language') || 'de',
				entry_count: String(entries.length),
				sales_count_90d: String(sales),
				affiliate_sales_count_90d: String(entries.reduce((sum, e) => sum + Number(e.affiliate_sales_count_90d), 0)),
				best_rank: String(Math.min(...entries.map((e) => Number(e.rank)))),
				items: entries.map((e) => ({ entry_id: e.id, product_id: e.product_id, rank: e.rank, sales_count_90d: e.sales_count_90d })),
			};
		},
	},
};

const offered = () => PRODUCTS.filter((p) => p.product_type !== 'eticket');

function entryView({ state, now }: CallContext, product: Product, index: number) {
	const figures = salesOf(state.data, product, now);
	return {
		id: String(ENTRY_BASE_ID + index),
		product_id: product.id,
		product_name: product.name,
		headline: HEADLINES[product.id] ?? product.name,
		language: product.language,
		currency: product.currency,
		commission_rate: product.id === '512348' ? '40.00' : '30.00',
		sales_count_90d: String(figures.sales),
		affiliate_sales_count_90d: String(figures.affiliateSales),
		earnings_per_sale: formatCents(figures.affiliateSales ? Math.round(figures.affiliateEarnings / figures.affiliateSales) : 0),
		cancellation_rate: figures.sales ? ((figures.reversed / figures.sales) * 100).toFixed(2) : '0.00',
		rank: String(index + 1 + (figures.sales > 50 ? 0 : 10)),
		is_active: 'Y',
	};
}

function salesOf(data: Dataset, product: Product, now: Date) {
	const since = now.getTime() - 90 * DAY_MS;
	let sales = 0;
	let affiliateSales = 0;
	let affiliateEarnings = 0;
	let reversed = 0;
	for (const p of data.purchases) {
		if (p.product.id !== product.id || p.created.getTime() < since) continue;
		sales++;
		if (p.transactions.some((t) => t.type !== 'payment')) reversed++;
		if (p.affiliate_name) {
			affiliateSales++;
			affiliateEarnings += p.split.affiliate;
		}
	}
	return { sales, affiliateSales, affiliateEarnings, reversed };
}
