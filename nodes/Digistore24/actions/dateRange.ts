import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** A date range with presets, sent as Digistore24's `from`/`to` (it understands -24h, -7d, start, now, ISO 8601). */
export function dateRangeFields(defaultPreset = '-30d'): INodeProperties[] {
	return [
		{
			displayName: 'Date Range',
			name: 'dateRange',
			type: 'options',
			default: defaultPreset,
			options: [
				{ name: 'All Time', value: 'start' },
				{ name: 'Custom', value: 'custom' },
				{ name: 'Last 24 Hours', value: '-24h' },
				{ name: 'Last 30 Days', value: '-30d' },
				{ name: 'Last 365 Days', value: '-365d' },
				{ name: 'Last 7 Days', value: '-7d' },
				{ name: 'Last 90 Days', value: '-90d' },
			],
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Leave empty for the start of the account',
			displayOptions: { show: { dateRange: ['custom'] } },
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'Leave empty for now',
			displayOptions: { show: { dateRange: ['custom'] } },
		},
	];
}

export function dateRangeParameters(ctx: IExecuteFunctions, itemIndex: number): { from: string; to: string } {
	const preset = ctx.getNodeParameter('dateRange', itemIndex) as string;
	if (preset !== 'custom') return { from: preset, to: 'now' };
	const from = ctx.getNodeParameter('from', itemIndex, '') as string;
	const to = ctx.getNodeParameter('to', itemIndex, '') as string;
	return { from: toDigistore24Date(from) || 'start', to: toDigistore24Date(to) || 'now' };
}

/**
 * n8n hands dates as ISO strings (or luxon DateTimes in expressions). A time with an offset or Z
 * stays ISO 8601 (Digistore24 reads those, "2021-10-08T07:20:11-05:00"), without fractions of a
 * second; a plain date picker value has no offset and becomes "YYYY-MM-DD HH:MM:SS", which
 * Digistore24 reads in the account's time zone.
 */
export function toDigistore24Date(value: unknown): string {
	if (!value) return '';
	const text = String(value).trim();
	const match = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?)?$/.exec(text);
	if (!match) return text;
	const [, day, time, offset] = match;
	if (!time) return day;
	const seconds = time.length === 5 ? `${time}:00` : time;
	return offset ? `${day}T${seconds}${offset}` : `${day} ${seconds}`;
}
