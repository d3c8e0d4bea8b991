import { berlinDate } from '../../emulator/clock';
import { useEmulator } from './helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;
const TO_EUR: Record<string, number> = { EUR: 1, USD: 0.92, CHF: 1.04 };
const eurCents = (cents: number, currency: string) => Math.round(cents * TO_EUR[currency]);

describe('Statistic → Sales (statsSales)', () => {
	it('gives one item per period with counts and amounts from the transactions', async () => {
		const out = await h.run('statistic', 'sales', { period: 'month', startDate: '2025-10-01T00:00:00', endDate: '2025-12-31T00:00:00' });
		expect(h.calls()[0]).toMatchObject({ function: 'statsSales', params: { period: 'month', from: '2025-10-01', to: '2025-12-31', language: 'en' } });
		expect(out.map((item) => [item.json.period_start, item.json.period_end])).toEqual([
			['2025-10-01', '2025-10-31'],
			['2025-11-01', '2025-11-30'],
			['2025-12-01', '2025-12-31'],
		]);
		const november = data().transactions.filter((t) => t.type === 'payment' && berlinDate(t.created).startsWith('2025-11'));
		expect(out[1].json).toMatchObject({
			currency: 'EUR',
			period: 'month',
			sales_count: String(november.length),
			amount: november.reduce((sum, t) => sum + eurCents(t.amount, t.purchase.product.currency), 0) / 100,
		});
	});

	it('defaults to months since the start of the account', async () => {
		const out = await h.run('statistic', 'sales', { period: 'month' });
		expect(h.calls()[0].params).toEqual({ period: 'month', language: 'en' });
		expect(out.length).toBeGreaterThanOrEqual(13);
		const payments = data().transactions.filter((t) => t.type === 'payment').length;
		expect(out.reduce((sum, item) => sum + Number(item.json.sales_count), 0)).toBe(payments);
	});
});

describe('Statistic → Sales Summary (statsSalesSummary)', () => {
	it('gives one item per period, the total counting every sale', async () => {
		const out = await h.run('statistic', 'salesSummary');
		expect(h.calls()[0]).toMatchObject({ function: 'statsSalesSummary', params: { language: 'en' } });
		expect(out.map((item) => item.json.period)).toEqual(['today', 'yesterday', 'last_7_days', 'last_30_days', 'this_month', 'last_month', 'this_year', 'total']);
		expect(out.at(-1)!.json).toMatchObject({ sales_count: String(data().transactions.filter((t) => t.type === 'payment').length), amount: expect.any(Number), earning: expect.any(Number), currency: 'EUR' });
	});
});

describe('Statistic → Daily Amounts (statsDailyAmounts)', () => {
	it('gives one item per day of the range', async () => {
		const out = await h.run('statistic', 'dailyAmounts', {});
		expect(h.calls()[0]).toMatchObject({ function: 'statsDailyAmounts', params: { from: '-7d', to: 'now', language: 'en' } });
		expect(out).toHaveLength(8);
		expect(out.at(-1)!.json).toMatchObject({ date: berlinDate(h.emulator.state.now()), amount: expect.any(Number) });

		const custom = await h.run('statistic', 'dailyAmounts', { dateRange: 'custom', from: '2026-01-01T00:00:00', to: '2026-01-31T23:59:59' });
		expect(h.calls()[1].params).toMatchObject({ from: '2026-01-01 00:00:00', to: '2026-01-31 23:59:59' });
		expect(custom.map((item) => item.json.date)).toEqual(Array.from({ length: 31 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`));
	});
});

describe('Statistic → Expected Payouts (statsExpectedPayouts)', () => {
	it('gives one item per future payout date', async () => {
		const out = await h.run('statistic', 'expectedPayouts');
		expect(h.calls()[0]).toMatchObject({ function: 'statsExpectedPayouts', params: { language: 'en' } });
		const today = berlinDate(h.emulator.state.now());
		expect(out.length).toBeGreaterThan(0);
		expect(out.every((item) => (item.json.payout_date as string) > today && typeof item.json.amount === 'number')).toBe(true);
		const total = out.reduce((sum, item) => sum + Math.round((item.json.amount as number) * 100), 0);
		expect(total).toBe(Math.round((out[0].json.total_amount as number) * 100));
	});
});
