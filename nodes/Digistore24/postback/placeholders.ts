import type { FieldKind } from '../ipn/fields';

/**
 * The catalogue of Digistore24's S2S postback placeholders (reference §6): the single source for
 * the query strings the trigger shows, its typed output, the README and the emulator. Each row: the
 * placeholder as Digistore24 names it (also the query parameter it is sent in), who can use it, and
 * the group and property it becomes in the trigger's output. Group and property names are the IPN
 * trigger's where the meaning is the same (`amounts.gross`, `transaction.id`, …): one item shape,
 * many sources. Adding a placeholder is one row.
 */
export type PostbackRole = 'affiliate' | 'vendor';

export type PostbackGroup = 'tracking' | 'amounts' | 'transaction' | 'billing' | 'order' | 'product' | 'merchant' | 'affiliate' | 'buyer';

/** `flag` accepts Y/N and 1/0; `unix` is seconds since 1970 and becomes an ISO date-time. */
export type PlaceholderKind = Extract<FieldKind, 'text' | 'id' | 'amount' | 'integer' | 'email'> | 'flag' | 'unix';

export interface Placeholder {
	/** `{name}` in the URL Digistore24 fills in; the query parameter has the same name. */
	name: string;
	roles: readonly PostbackRole[];
	/** Where the typed value goes: a group and property, or a top-level property of the item. */
	group?: PostbackGroup;
	property?: string;
	kind: PlaceholderKind;
	description: string;
}

const BOTH: readonly PostbackRole[] = ['affiliate', 'vendor'];
const VENDOR: readonly PostbackRole[] = ['vendor'];

type Row = [name: string, group: PostbackGroup | undefined, property: string | undefined, kind: PlaceholderKind, description: string, roles?: readonly PostbackRole[]];

const ROWS: Row[] = [
	['cid', 'tracking', 'cid', 'text', 'Click id your tracker added to the promo link (`?cid=…`)'],
	['sid1', 'tracking', 'sid1', 'text', 'Sub id 1 of the promo link'],
	['sid2', 'tracking', 'sid2', 'text', 'Sub id 2 of the promo link'],
	['sid3', 'tracking', 'sid3', 'text', 'Sub id 3 of the promo link'],
	['sid4', 'tracking', 'sid4', 'text', 'Sub id 4 of the promo link'],
	['sid5', 'tracking', 'sid5', 'text', 'Sub id 5 of the promo link'],
	['campaignkey', 'tracking', 'campaignKey', 'text', 'Campaign key of the promo link'],
	['amount_affiliate', 'amounts', 'affiliate', 'amount', 'Affiliate commission'],
	['amount_vendor', 'amounts', 'vendor', 'amount', 'Vendor earnings', VENDOR],
	['amount_brutto', 'amounts', 'gross', 'amount', 'Gross amount paid'],
	['amount_netto', 'amounts', 'net', 'amount', 'Net amount (without VAT)'],
	['currency', 'amounts', 'currency', 'text', 'Currency of the amounts (the one chosen for the connection)'],
	['transaction_id', 'transaction', 'id', 'id', 'Transaction id (a payment, refund or chargeback)'],
	['transaction_type', 'transaction', 'type', 'text', '`payment`, `refund` or `chargeback`'],
	['billing_type', 'billing', 'type', 'text', '`single_payment`, `subscription` or `installment`'],
	['billing_status', 'billing', 'status', 'text', 'Billing status, e.g. `paying`, `completed`, `aborted`'],
	['order_id', 'order', 'id', 'id', 'Order id', VENDOR],
	['order_type', 'order', 'type', 'text', '`initial_sale` or `upsell`'],
	['upsell_no', 'order', 'upsellNo', 'integer', 'Number of the upsell (0 for the main product)'],
	['country', 'order', 'country', 'text', 'Country of the buyer'],
	['product_id', 'product', 'id', 'id', 'Product id'],
	['product_name', 'product', 'name', 'text', 'Product name'],
	['merchant_id', 'merchant', 'id', 'id', 'Vendor id'],
	['merchant_name', 'merchant', 'name', 'text', 'Vendor name'],
	['affiliate_id', 'affiliate', 'id', 'id', 'Affiliate id'],
	['affiliate_name', 'affiliate', 'name', 'text', 'Affiliate name (Digistore24 id)'],
	['email', 'buyer', 'email', 'email', 'Buyer e-mail', VENDOR],
	['first_name', 'buyer', 'firstName', 'text', 'Buyer first name', VENDOR],
	['last_name', 'buyer', 'lastName', 'text', 'Buyer last name', VENDOR],
	['company', 'buyer', 'company', 'text', 'Buyer company', VENDOR],
	['is_test', undefined, 'isTest', 'flag', 'Whether it is a test (the "Test Connection" button or a test order)'],
	['datetime_unix', undefined, 'occurredAt', 'unix', 'When it happened, seconds since 1970 (output as an ISO date-time)'],
	['random', undefined, undefined, 'text', 'A random number Digistore24 puts in every request (kept under raw only)'],
];

export const PLACEHOLDERS: readonly Placeholder[] = ROWS.map(([name, group, property, kind, description, roles = BOTH]) => ({ name, group, property, kind, description, roles }));

/** Query parameters of our own in the URL: the secret and which kind of connection calls. */
export const TOKEN_PARAM = 'token';
export const ROLE_PARAM = 'postback';
/** What the query strings show where the credential's token goes. */
export const TOKEN_SLOT = 'YOUR_TOKEN';

export function placeholdersFor(role: PostbackRole): Placeholder[] {
	return PLACEHOLDERS.filter((placeholder) => placeholder.roles.includes(role));
}

/** The query string to append to the trigger's production URL at Digistore24, for one kind of connection. */
export function queryTemplate(role: PostbackRole): string {
	const pairs = [`${TOKEN_PARAM}=${TOKEN_SLOT}`, `${ROLE_PARAM}=${role}`, ...placeholdersFor(role).map((p) => `${p.name}={${p.name}}`)];
	return `?${pairs.join('&')}`;
}

/** A value Digistore24 left as it was in the URL template: it had nothing to put there. */
export function isUnreplaced(value: string): boolean {
	return value.length > 2 && value.charCodeAt(0) === 123 /* { */ && value.charCodeAt(value.length - 1) === 125 /* } */ && /^\{\w+\}$/.test(value);
}
