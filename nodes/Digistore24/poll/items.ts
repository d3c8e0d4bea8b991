import { fieldsForEvent } from '../ipn/events';
import type { IpnField } from '../ipn/fields';
import type { IpnParams } from '../ipn/parse';
import { normalizeIpn, type NormalizedIpn } from '../ipn/normalize';
import type { PollEvent } from './events';

/**
 * API rows → the IPN trigger's item. A row is first renamed into the IPN's parameter names (only
 * facts the row really carries), then typed by the one IPN normalizer and field catalogue, so both
 * triggers give the same item for the same facts. `raw` holds the row as the API returned it.
 */
export type ApiRow = Record<string, unknown>;

export interface PolledItem extends NormalizedIpn {
	source: 'poll';
}

/** listTransactions row field → IPN parameter. */
const TRANSACTION_TO_IPN: ReadonlyArray<readonly [string, string]> = [
	['purchase_id', 'order_id'],
	['id', 'transaction_id'],
	['parent_transaction_id', 'parent_transaction_id'],
	['transaction_type', 'transaction_type'],
	['amount', 'transaction_amount'],
	['currency', 'transaction_currency'],
	['vat_amount', 'transaction_vat_amount'],
	['amount', 'amount'],
	['vat_amount', 'amount_vat'],
	['currency', 'currency'],
	['pay_method', 'pay_method'],
	['billing_type', 'billing_type'],
	['pay_sequence_no', 'pay_sequence_no'],
	['product_id', 'product_id'],
	['product_name', 'product_name'],
	['buyer_id', 'buyer_id'],
	['email', 'email'],
	['first_name', 'buyer_first_name'],
	['last_name', 'buyer_last_name'],
	['country', 'country'],
	['affiliate_name', 'affiliate_name'],
];

/** listRebillingStatusChanges row field → IPN parameter. */
const CHANGE_TO_IPN: ReadonlyArray<readonly [string, string]> = [
	['purchase_id', 'order_id'],
	['product_id', 'product_id'],
	['product_name', 'product_name'],
	['billing_type', 'billing_type'],
	['new_status', 'billing_status'],
	['billing_stop_reason', 'billing_stop_reason'],
	['buyer_id', 'buyer_id'],
	['email', 'email'],
	['first_name', 'buyer_first_name'],
	['last_name', 'buyer_last_name'],
];

export function transactionItem(row: ApiRow, event: PollEvent): PolledItem {
	const params = renamed(row, TRANSACTION_TO_IPN);
	const [date] = text(row.created_at).split(' ');
	if (date) params.transaction_date = date;
	// The row's earning is this account's share: the vendor's, or the affiliate's when we promoted it.
	const earning = text(row.earning);
	if (earning !== '') params[text(row.role) === 'affiliate' ? 'amount_affiliate' : 'amount_vendor'] = earning;
	return item(params, row, event);
}

export function rebillingChangeItem(row: ApiRow, event: PollEvent): PolledItem {
	const params = renamed(row, CHANGE_TO_IPN);
	const polled = item(params, row, event);
	// No IPN field says what changed; keep the change itself next to the billing group.
	const billing = (polled.billing ??= {}) as Record<string, string>;
	if (row.change_type !== undefined) billing.changeType = text(row.change_type);
	if (row.old_status !== undefined) billing.previousStatus = text(row.old_status);
	if (row.created_at !== undefined) billing.changedAt = text(row.created_at).replace(' ', 'T');
	return polled;
}

/** Per event, only the catalogue fields a polled row can fill (same order): the item is the same, typing is quicker. */
const FILLABLE = new Set([...TRANSACTION_TO_IPN, ...CHANGE_TO_IPN].map(([, key]) => key).concat(['transaction_date', 'amount_vendor', 'amount_affiliate']));
const fieldsByEvent = new Map<string, IpnField[]>();

function fillableFields(event: PollEvent): IpnField[] {
	let fields = fieldsByEvent.get(event.ipn.value);
	if (!fields) fieldsByEvent.set(event.ipn.value, (fields = fieldsForEvent(event.ipn).filter((field) => FILLABLE.has(field.key))));
	return fields;
}

function item(params: IpnParams, row: ApiRow, event: PollEvent): PolledItem {
	params.event = event.ipn.value;
	const polled = normalizeIpn(params, event.ipn, { includeRaw: false, fields: fillableFields(event) }) as PolledItem;
	polled.source = 'poll';
	polled.raw = rawOf(row);
	return polled;
}

function renamed(row: ApiRow, names: ReadonlyArray<readonly [string, string]>): IpnParams {
	const params: IpnParams = Object.create(null) as IpnParams;
	for (const [from, to] of names) {
		const value = text(row[from]);
		if (value !== '') params[to] = value;
	}
	return params;
}

function rawOf(row: ApiRow): Record<string, string> {
	// Rows are flat strings as Digistore24 sends them: kept as they are, copied only when not.
	if (Object.values(row).every((value) => typeof value === 'string')) return row as Record<string, string>;
	const raw: Record<string, string> = {};
	for (const [key, value] of Object.entries(row)) if (value === null || typeof value !== 'object') raw[key] = text(value);
	return raw;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}
