import { berlinDate, DAY_MS, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import { formatCents } from '../data/money';
import type { Transaction } from '../data/seed';
import { payoutDate } from './commissions';
import { dateWindow } from './listing';
import { oneOf, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * The dashboard's numbers, computed from the account's transactions (refunds made through the
 * API included) in the account currency, EUR, at fixed rates.
 */
export const TO_EUR: Record<string, number> = { EUR: 1, USD: 0.92, CHF: 1.04 };
const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
type Period = (typeof PERIODS)[number];

interface Totals {
	sales: number;
	refunds: number;
	chargebacks: number;
	amount: number;
	refund_amount: number;
	earning: number;
}

const empty = (): Totals => ({ sales: 0, refunds: 0, chargebacks: 0, amount: 0, refund_amount: 0, earning: 0 });
const eur = (cents: number, currency: string) => Math.round(cents * (TO_EUR[currency] ?? 1));

function add(totals: Totals, t: Transaction): void {
	const currency = t.purchase.product.currency;
	if (t.type === 'payment') {
		totals.sales++;
		totals.amount += eur(t.amount, currency);
	} else {
		if (t.type === 'refund') totals.refunds++;
		else totals.chargebacks++;
		totals.refund_amount += eur(t.amount, currency);
	}
	totals.earning += eur(t.earning, currency);
}

const view = (t: Totals) => ({
	sales_count: String(t.sales),
	refund_count: String(t.refunds),
	chargeback_count: String(t.chargebacks),
	amount: formatCents(t.amount),
	refund_amount: formatCents(t.refund_amount),
	earning: formatCents(t.earning),
});

/** Each transaction with its Berlin day, computed once per call. */
function days(transactions: readonly Transaction[], from: Date, to: Date): Array<{ t: Transaction; day: string }> {
	return transactions.filter((t) => t.created >= from && t.created <= to).map((t) => ({ t, day: berlinDate(t.created) }));
}

/** Calendar arithmetic on `YYYY-MM-DD` (Berlin days). */
const shift = (day: string, by: number) => {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + by)).toISOString().slice(0, 10);
};

function bucketStart(day: string, period: Period): string {
	const [y, m] = day.split('-').map(Number);
	switch (period) {
		case 'day':
			return day;
		case 'week': {
			const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
			return shift(day, -weekday);
		}
		case 'month':
			return `${day.slice(0, 7)}-01`;
		case 'quarter':
			return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
		case 'year':
			return `${y}-01-01`;
	}
}

function bucketEnd(start: string, period: Period): string {
	const [y, m] = start.split('-').map(Number);
	const months = { month: 1, quarter: 3, year: 12 } as Record<string, number>;
	if (period === 'day') return start;
	if (period === 'week') return shift(start, 6);
	return new Date(Date.UTC(y, m - 1 + months[period], 0)).toISOString().slice(0, 10);
}

function readDay(ctx: CallContext, name: 'from' | 'to', fallback: Date): string {
	const raw = text(ctx.params, name)?.trim();
	if (!raw) return berlinDate(fallback);
	const date = parseDateParam(raw, ctx.now, ctx.state.data.accountStart, name);
	if (!date) throw apiErrors.invalidParameter(name, raw, 'expected a date YYYY-MM-DD');
	return berlinDate(date);
}

export const statsFunctions: FunctionTable = {
	statsSales: {
		writes: false,
		params: ['period', 'from', 'to'],
		handler: (ctx) => {
			const period = oneOf(ctx.params, 'period', PERIODS, 'week');
			const from = readDay(ctx, 'from', ctx.state.data.accountStart);
			const to = readDay(ctx, 'to', ctx.now);
			if (from > to) throw apiErrors.invalidParameter('from', from, `a date before to (${to})`);
			const buckets = new Map<string, Totals>();
			for (let day = bucketStart(from, period); day <= to; day = shift(bucketEnd(day, period), 1)) buckets.set(day, empty());
			const window = { from: parseDateParam(from, ctx.now, ctx.state.data.accountStart, 'from')!, to: parseDateParam(to, ctx.now, ctx.state.data.accountStart, 'to')! };
			for (const { t, day } of days(ctx.state.data.transactions, window.from, window.to)) add(buckets.get(bucketStart(day, period))!, t);
			const items = [...buckets].map(([start, totals]) => ({ period_start: start, period_end: bucketEnd(start, period), ...view(totals) }));
			return { period, from, to, currency: 'EUR', items };
		},
	},
	statsSalesSummary: {
		writes: false,
		handler: ({ state, now }) => {
			const today = berlinDate(now);
			const monthStart = `${today.slice(0, 7)}-01`;
			const lastMonthStart = `${shift(monthStart, -1).slice(0, 7)}-01`;
			const ranges: Array<[string, string, string]> = [
				['today', today, today],
				['yesterday', shift(today, -1), shift(today, -1)],
				['last_7_days', shift(today, -6), today],
				['last_30_days', shift(today, -29), today],
				['this_month', monthStart, today],
				['last_month', lastMonthStart, shift(monthStart, -1)],
				['this_year', `${today.slice(0, 4)}-01-01`, today],
				['total', berlinDate(state.data.accountStart), today],
			];
			const totals = ranges.map(() => empty());
			for (const { t, day } of days(state.data.transactions, state.data.accountStart, now)) {
				ranges.forEach(([, from, to], index) => {
					if (day >= from && day <= to) add(totals[index], t);
				});
			}
			return { currency: 'EUR', items: ranges.map(([period, from, to], index) => ({ period, from, to, ...view(totals[index]) })) };
		},
	},
	statsDailyAmounts: {
		writes: false,
		params: ['from', 'to'],
		handler: (ctx) => {
			const { from, to } = dateWindow(ctx, '-7d');
			const perDay = new Map<string, Totals>();
			for (let day = berlinDate(from); day <= berlinDate(to); day = shift(day, 1)) perDay.set(day, empty());
			for (const { t, day } of days(ctx.state.data.transactions, from, to)) add(perDay.get(day)!, t);
			return { currency: 'EUR', items: [...perDay].map(([date, totals]) => ({ date, ...view(totals) })) };
		},
	},
	statsExpectedPayouts: {
		writes: false,
		handler: ({ state, now }) => {
			const byDate = new Map<string, { amount: number; count: number }>();
			// Only commissions from the last 45 days can still be unpaid.
			const recent = state.data.transactions.filter((t) => t.created.getTime() > now.getTime() - 45 * DAY_MS);
			for (const t of recent) {
				const payout = payoutDate(t.created);
				if (payout.getTime() <= now.getTime()) continue;
				const day = berlinDate(payout);
				const entry = byDate.get(day) ?? { amount: 0, count: 0 };
				entry.amount += eur(t.earning, t.purchase.product.currency);
				entry.count++;
				byDate.set(day, entry);
			}
			const items = [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)).map(([payout_date, e]) => ({ payout_date, amount: formatCents(e.amount), commission_count: String(e.count), currency: 'EUR' }));
			return { currency: 'EUR', total_amount: formatCents([...byDate.values()].reduce((sum, e) => sum + e.amount, 0)), items };
		},
	},
	statsAffiliateToplist: {
		writes: false,
		params: ['from', 'to', 'affiliate', 'currency'],
		required: ['from', 'to'],
		handler: (ctx) => {
			const month = (name: 'from' | 'to') => {
				const raw = text(ctx.params, name)!.trim();
				if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) throw apiErrors.invalidParameter(name, raw, 'expected a month YYYY-MM');
				return raw;
			};
			const from = month('from');
			const to = month('to');
			if (from > to) throw apiErrors.invalidParameter('from', from, `a month not after to (${to})`);
			const only = text(ctx.params, 'affiliate')?.trim().toLowerCase();
			const currency = text(ctx.params, 'currency')?.trim().toUpperCase() || 'EUR';
			const totals = new Map<string, { sales: number; revenue: number; commission: number }>();
			for (const p of ctx.state.data.purchases) {
				if (p.role !== 'vendor' || !p.affiliate_name) continue;
				const m = berlinDate(p.created).slice(0, 7);
				if (m < from || m > to || (only && p.affiliate_name.toLowerCase() !== only)) continue;
				const entry = totals.get(p.affiliate_name) ?? { sales: 0, revenue: 0, commission: 0 };
				entry.sales++;
				entry.revenue += eur(p.split.gross, p.product.currency);
				entry.commission += eur(p.split.affiliate, p.product.currency);
				totals.set(p.affiliate_name, entry);
			}
			const rate = currency === 'EUR' ? 1 : eur(100, currency) / 100;
			const toplist = [...totals]
				.sort(([a, x], [b, y]) => y.sales - x.sales || y.revenue - x.revenue || (a < b ? -1 : 1))
				.map(([name, t], index) => ({ rank: String(index + 1), affiliate_name: name, sales_count: String(t.sales), revenue: formatCents(Math.round(t.revenue / rate)), commission: formatCents(Math.round(t.commission / rate)) }));
			return { from, to, currency, toplist };
		},
	},
};
