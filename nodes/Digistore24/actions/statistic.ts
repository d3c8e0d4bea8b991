import { collectionParameters, dayOf, listOutput, pagingFields } from './common';
import { dateRangeFields, dateRangeParameters } from './dateRange';
import type { Operation } from './types';

/** The dashboard's figures; each row (period, day, payout date) becomes one item. */
export const statisticOperations: Operation[] = [
	{
		resource: 'statistic',
		operation: 'sales',
		name: 'Sales',
		action: 'Get sales statistics',
		description: 'Sales, refunds, chargebacks, revenue and earnings per day, week, month, quarter or year (statsSales)',
		fn: 'statsSales',
		fields: [
			{
				displayName: 'Period',
				name: 'period',
				type: 'options',
				default: 'month',
				description: 'One item per period',
				options: [
					{ name: 'Day', value: 'day' },
					{ name: 'Month', value: 'month' },
					{ name: 'Quarter', value: 'quarter' },
					{ name: 'Week', value: 'week' },
					{ name: 'Year', value: 'year' },
				],
			},
			{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'First day; empty for the start of the account' },
			{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'Last day; empty for today' },
		],
		parameters: (ctx, i) => {
			const from = dayOf(ctx.getNodeParameter('startDate', i, ''));
			const to = dayOf(ctx.getNodeParameter('endDate', i, ''));
			return { period: ctx.getNodeParameter('period', i) as string, ...(from ? { from } : {}), ...(to ? { to } : {}) };
		},
		output: listOutput(['items', 'amounts', 'sales'], { inherit: true }),
	},
	{
		resource: 'statistic',
		operation: 'salesSummary',
		name: 'Sales Summary',
		action: 'Get sales summary statistics',
		description: 'Revenue and earnings for today, yesterday, the last 7 and 30 days, this and last month, this year and in total (statsSalesSummary)',
		fn: 'statsSalesSummary',
		output: listOutput(['items', 'summary'], { inherit: true }),
	},
	{
		resource: 'statistic',
		operation: 'dailyAmounts',
		name: 'Daily Amounts',
		action: 'Get daily amounts statistics',
		description: 'Sales, revenue and earnings for each day of a date range (statsDailyAmounts)',
		fn: 'statsDailyAmounts',
		fields: dateRangeFields('-7d'),
		parameters: (ctx, i) => dateRangeParameters(ctx, i),
		output: listOutput(['items', 'daily_amounts', 'amounts'], { inherit: true }),
	},
	{
		resource: 'statistic',
		operation: 'expectedPayouts',
		name: 'Expected Payouts',
		action: 'Get expected payouts statistics',
		description: 'The payouts Digistore24 expects to make to you, one item per payout date (statsExpectedPayouts)',
		fn: 'statsExpectedPayouts',
		output: listOutput(['items', 'payouts'], { inherit: true }),
	},
	{
		resource: 'statistic',
		operation: 'affiliateToplist',
		name: 'Affiliate Toplist',
		action: 'Get affiliate toplist statistics',
		description: 'Your affiliates ranked by sales and revenue over whole months, one item per affiliate (statsAffiliateToplist)',
		fn: 'statsAffiliateToplist',
		fields: [
			{ displayName: 'From Month', name: 'fromMonth', type: 'string', default: '', required: true, placeholder: '2026-01', description: 'First month, YYYY-MM' },
			{ displayName: 'To Month', name: 'toMonth', type: 'string', default: '', required: true, placeholder: '2026-12', description: 'Last month, YYYY-MM' },
			{
				displayName: 'Options',
				name: 'toplistOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ displayName: 'Affiliate', name: 'affiliate', type: 'string', default: '', description: 'Only this affiliate (Digistore24 ID)' },
					{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'EUR', description: 'Currency to show the revenue in' },
				],
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => ({
			from: monthOf(ctx.getNodeParameter('fromMonth', i)),
			to: monthOf(ctx.getNodeParameter('toMonth', i)),
			...collectionParameters(ctx, 'toplistOptions', i),
		}),
		output: listOutput(['toplist', 'affiliates', 'items'], { inherit: true, limit: true }),
	},
];

/** `YYYY-MM` from a month, a date or a date-time. */
function monthOf(value: unknown): string {
	const text = String(value ?? '').trim();
	const match = /^(\d{4}-\d\d)/.exec(text);
	return match ? match[1] : text;
}
