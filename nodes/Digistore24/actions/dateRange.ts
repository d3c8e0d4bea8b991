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

/** n8n hands dates as ISO strings (or luxon DateTimes in expressions); Digistore24 reads "YYYY-MM-DD HH:MM:SS". */
function toDigistore24Date(value: unknown): string {
	if (!value) return '';
	const text = String(value);
	const match = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d)?))?/.exec(text);
	if (!match) return text;
	return match[2] ? `${match[1]} ${match[2].length === 5 ? `${match[2]}:00` : match[2]}` : match[1];
}
