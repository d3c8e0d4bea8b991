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

/**
 * listTransactions row → the IPN parameters it stands for ('' where the row has nothing: the
 * normalizer skips those, as it skips empty IPN parameters), written into `params`. The poll
 * hands in one object for all rows (the normalizer only reads it): the same fields rewritten are
 * far cheaper than 10,000 fresh objects per poll, which were a third of its garbage.
 */
function transactionParams(row: ApiRow, event: string, params: IpnParams): IpnParams {
	// The row's earning is this account's share: the vendor's, or the affiliate's when we promoted it.
	const earning = text(row.earning);
	const promoted = text(row.role) === 'affiliate';
	params.event = event;
	params.order_id = text(row.purchase_id);
	params.transaction_id = text(row.id);
	params.parent_transaction_id = text(row.parent_transaction_id);
	params.transaction_type = text(row.transaction_type);
	params.transaction_date = datePart(text(row.created_at));
	params.transaction_amount = text(row.amount);
	params.transaction_currency = text(row.currency);
	params.transaction_vat_amount = text(row.vat_amount);
	params.amount = text(row.amount);
	params.amount_vat = text(row.vat_amount);
	params.amount_vendor = promoted ? '' : earning;
	params.amount_affiliate = promoted ? earning : '';
	params.currency = text(row.currency);
	params.pay_method = text(row.pay_method);
	params.billing_type = text(row.billing_type);
	params.pay_sequence_no = text(row.pay_sequence_no);
	params.product_id = text(row.product_id);
	params.product_name = text(row.product_name);
	params.buyer_id = text(row.buyer_id);
	params.email = text(row.email);
	params.buyer_first_name = text(row.first_name);
	params.buyer_last_name = text(row.last_name);
	params.country = text(row.country);
	params.affiliate_name = text(row.affiliate_name);
	return params;
}

/** listRebillingStatusChanges row → the IPN parameters it stands for. */
function changeParams(row: ApiRow, event: string): IpnParams {
	return {
		event,
		order_id: text(row.purchase_id),
		product_id: text(row.product_id),
		product_name: text(row.product_name),
		billing_type: text(row.billing_type),
		billing_status: text(row.new_status),
		billing_stop_reason: text(row.billing_stop_reason),
		buyer_id: text(row.buyer_id),
		email: text(row.email),
		buyer_first_name: text(row.first_name),
		buyer_last_name: text(row.last_name),
	};
}

/** Refilled for every transaction row (see transactionParams). */
const TRANSACTION_PARAMS: IpnParams = {};

export function transactionItem(row: ApiRow, event: PollEvent): PolledItem {
	return item(transactionParams(row, event.ipn.value, TRANSACTION_PARAMS), row, event);
}

export function rebillingChangeItem(row: ApiRow, event: PollEvent): PolledItem {
	const polled = item(changeParams(row, event.ipn.value), row, event);
	// No IPN field says what changed; keep the change itself next to the billing group.
	const billing = (polled.billing ??= {}) as Record<string, string>;
	if (row.change_type !== undefined) billing.changeType = text(row.change_type);
	if (row.old_status !== undefined) billing.previousStatus = text(row.old_status);
	if (row.created_at !== undefined) billing.changedAt = text(row.created_at).replace(' ', 'T');
	return polled;
}

/** Per event, only the catalogue fields a polled row can fill (same order): the item is the same, typing is quicker. */
const FILLABLE = new Set([...Object.keys(transactionParams({}, '', {})), ...Object.keys(changeParams({}, ''))]);
const fieldsByEvent = new Map<string, IpnField[]>();

function fillableFields(event: PollEvent): IpnField[] {
	let fields = fieldsByEvent.get(event.ipn.value);
	if (!fields) fieldsByEvent.set(event.ipn.value, (fields = fieldsForEvent(event.ipn).filter((field) => FILLABLE.has(field.key))));
	return fields;
}

function item(params: IpnParams, row: ApiRow, event: PollEvent): PolledItem {
	const polled = normalizeIpn(params, event.ipn, { includeRaw: false, fields: fillableFields(event) }) as PolledItem;
	polled.source = 'poll';
	polled.raw = rawOf(row);
	return polled;
}

/** `YYYY-MM-DD` of a `YYYY-MM-DD HH:MM:SS` time. */
function datePart(time: string): string {
	const space = time.indexOf(' ');
	return space === -1 ? time : time.slice(0, space);
}

function rawOf(row: ApiRow): Record<string, string> {
	// Rows are flat strings as Digistore24 sends them: kept as they are, copied only when not.
	if (allStrings(row)) return row as Record<string, string>;
	const raw: Record<string, string> = {};
	for (const [key, value] of Object.entries(row)) if (value === null || typeof value !== 'object') raw[key] = text(value);
	return raw;
}

function allStrings(row: ApiRow): boolean {
	for (const key in row) if (typeof row[key] !== 'string') return false;
	return true;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}
