import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { commaList } from '../common';
import { toDigistore24Date } from '../dateRange';
import type { ParameterObject } from '../../transport/parameters';

/**
 * A voucher's (discount code's) settings, one list for Create and Update. Keys are Digistore24's
 * (its OpenAPI via the official MCP server). Both send them as `data[...]`: the MCP server does so
 * for createVoucher; for updateVoucher the layout is not published, but a flat `code` would clash
 * with the `code` that names the voucher, so `data[code]` is the only reading that can rename it.
 */
export const voucherSettingOptions: INodeProperties[] = [
	{ displayName: 'Count Left', name: 'count_left', type: 'number', default: 1, typeOptions: { minValue: 0 }, description: 'How often the code can still be used, when Limit Uses is on' },
	{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'EUR', description: 'Currency of the fixed discount amounts' },
	{ displayName: 'Expires At', name: 'expires_at', type: 'dateTime', default: '', description: 'When the code stops working' },
	{ displayName: 'First Amount', name: 'first_amount', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Fixed discount on a single payment or the first payment of a plan' },
	{ displayName: 'First Rate (%)', name: 'first_rate', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100 }, description: 'Discount in percent on a single payment or the first payment of a plan' },
	{ displayName: 'Limit Uses', name: 'is_count_limited', type: 'boolean', default: false, description: 'Whether the code can be used only Count Left times' },
	{ displayName: 'Other Amounts', name: 'other_amounts', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 }, description: 'Fixed discount on the follow-up payments of a subscription or instalment plan' },
	{ displayName: 'Other Rates (%)', name: 'other_rates', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100 }, description: 'Discount in percent on the follow-up payments' },
	{ displayName: 'Product IDs', name: 'product_ids', type: 'string', default: '', placeholder: '512345, 512346', description: 'Products the code applies to, separated by commas; empty for all' },
	{
		displayName: 'Upgrade Policy',
		name: 'upgrade_policy',
		type: 'options',
		default: 'valid',
		description: 'Whether the code also discounts upgrades',
		options: [
			{ name: 'Follow-Up Payments Only', value: 'other_only' },
			{ name: 'Not Valid for Upgrades', value: 'not_valid' },
			{ name: 'Valid', value: 'valid' },
		],
	},
	{ displayName: 'Valid From', name: 'valid_from', type: 'dateTime', default: '', description: 'When the code starts working' },
];

const AMOUNT_KEYS = ['first_amount', 'other_amounts'];
const DATE_KEYS = ['valid_from', 'expires_at'];

/** The settings collection as `data[...]`: amounts with two decimals, dates as Digistore24 reads them. */
export function voucherData(ctx: IExecuteFunctions, name: string, itemIndex: number): ParameterObject {
	const raw = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const data: ParameterObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		if (AMOUNT_KEYS.includes(key)) data[key] = Number(value).toFixed(2);
		else if (DATE_KEYS.includes(key)) data[key] = toDigistore24Date(value);
		else if (key === 'product_ids') data[key] = commaList(value) || 'all';
		else data[key] = value as string | number | boolean;
	}
	return data;
}
