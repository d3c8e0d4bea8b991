import { CONNECTION_TEST, fieldsForEvent, findEvent, IPN_EVENTS, type IpnEvent } from '../../nodes/Digistore24/ipn/events';
import type { FieldKind } from '../../nodes/Digistore24/ipn/fields';
import { berlinDate, berlinDateTime } from './clock';
import { findProduct, PRODUCTS, type Product } from './data/products';
import { sampleValues, type IpnParams } from './ipn-values';

/**
 * A realistic IPN for any catalogue event, built from the catalogue itself: the event's typed
 * fields (nodes/Digistore24/ipn/events.ts + fields.ts) get a value that fits their key and kind,
 * and order events also carry the rest of a real `on_payment` (reference §8.1, ~170 keys), most
 * of them empty as in the capture. A field added to the catalogue shows up here by itself.
 */
export type { IpnParams } from './ipn-values';

export interface SampleOptions {
	/** Which product the IPN is about; default: one that suits the event. */
	productId?: string;
	/** Replace or add parameters (after everything else). */
	overrides?: Record<string, string>;
	/** Varies ids, names and amounts deterministically: the same seq gives the same IPN. */
	seq?: number;
	now?: Date;
	apiMode?: 'live' | 'test';
}

const META_KEYS = ['event', 'event_label', 'api_mode', 'ipn_version'];

/** The keys of the captured live on_payment beyond the catalogue's typed fields (reference §3.3). */
const ORDER_PAYLOAD_KEYS = [
	'order_time', 'order_details_url', 'orderform_referrer_url', 'upsell_path', 'newsletter_choice_msg', 'language_name', 'has_custom_forms',
	'transaction_time', 'first_vat_amount', 'other_vat_amounts', 'monthly_vat_amount', 'switch_pay_interval_url',
	'amount_brutto', 'vat_amount', 'amount_main_affiliate', 'amount_credited',
	'product_netto_amount', 'product_vat_amount', 'product_shipping_amount', 'product_txn_amount', 'product_txn_netto_amount',
	'product_txn_vat_amount', 'product_txn_shipping', 'image_url', 'placeholder_TITLE', 'placeholder_DESCRIPTION',
	'buyer_email', 'buyer_address_id', 'buyer_address_city', 'buyer_address_company', 'buyer_address_country', 'buyer_address_mobile_no',
	'buyer_address_phone_no', 'buyer_address_state', 'buyer_address_street', 'buyer_address_street2', 'buyer_address_tax_id', 'buyer_address_zipcode',
	'address_id', 'address_street2', 'address_country_name', 'address_mobile_no', 'address_salutation_name',
	...['id', 'first_name', 'last_name', 'company', 'street', 'street2', 'street_name', 'street_number', 'zipcode', 'city', 'state', 'country',
		'country_name', 'phone_no', 'mobile_no', 'salutation', 'salutation_name', 'title', 'tax_id', 'descriptor'].map((suffix) => `billing_${suffix}`),
	'custom_key', 'utm_term', 'utm_content', 'customer_affiliate_name', 'customer_affiliate_promo_url', 'salesteam_id', 'salesteam_name', 'tag', 'tags',
	'add_url', 'checkout_url', 'store_url', 'license_accessdata_keys', 'upgrade_key', 'delivery_date',
];

const EXTRA_KEYS: Record<IpnEvent['category'], string[]> = {
	orders: ORDER_PAYLOAD_KEYS,
	affiliations: ['language'],
	etickets: ['eticket_code', 'eticket_created_at', 'eticket_modified_at', 'location_address', 'location_country', 'location_note'],
	customforms: ['has_custom_forms'],
};

const LABELS: Record<string, string> = {
	on_payment: 'Payment',
	on_payment_subscription_signup: 'Payment',
	on_refund: 'Refund',
	on_chargeback: 'Chargeback',
	on_payment_missed: 'Missed recurring payment',
	payment_denial: 'Rejected payment',
	on_rebill_cancelled: 'Rebilling canceled',
	on_rebill_resumed: 'Rebilling resumed',
	last_paid_day: 'End of paid period',
	on_affiliation: 'New affiliate',
	eticket: 'E-ticket',
	custom_form: 'Custom forms',
	connection_test: 'Connection test',
};

export function buildSampleIpn(eventName: string, options: SampleOptions = {}): IpnParams {
	const event = findEvent(eventName);
	if (!event) {
		const known = [...IPN_EVENTS, CONNECTION_TEST].map((e) => e.value).join(', ');
		throw new Error(`Unknown IPN event "${eventName}"; known events: ${known}`);
	}
	const seq = options.seq ?? 1;
	const now = options.now ?? new Date();
	const product = chooseProduct(event, options.productId);
	const values: IpnParams = {
		event: eventName,
		event_label: LABELS[eventName] ?? eventName,
		api_mode: options.apiMode ?? 'live',
		ipn_version: '1.6',
		...sampleValues(event, product, seq, now),
	};
	const kinds = new Map(fieldsForEvent(event).map((field) => [field.key, field.kind]));
	const params: IpnParams = {};
	for (const key of keysFor(event)) params[key] = values[key] ?? valueOfKind(kinds.get(key) ?? 'text', seq, now);
	return { ...params, ...options.overrides };
}

/**
 * Typed keys the real capture does not carry: Digistore24 sends them only when they apply (an
 * upgrade, a variant, a coupon, a license; keys per GoSuccess's IPN client). A sample has them only
 * through `overrides`, e.g. an upgrade: order_type=upgrade, upgrade_type, upgraded_*, delivery_date.
 */
export const ONLY_WHEN_THEY_APPLY: ReadonlySet<string> = new Set([
	'upgrade_type', 'upgraded_product_id', 'upgraded_product_name', 'upgraded_order_date_time', 'upgraded_order_paid_until', 'upgraded_buyer_id',
	'upgraded_email', 'order_is_paid', 'variant_id', 'variant_name', 'used_coupon_code', 'coupon_id', 'coupon_code', 'coupon_amount_total',
	'coupon_amount_left', 'coupon_currency', 'license_id', 'license_key_type', 'license_created',
]);

/** Meta keys, then the catalogue's fields, then what real payloads of this kind carry besides. */
function keysFor(event: IpnEvent): string[] {
	const typed = fieldsForEvent(event)
		.map((field) => field.key)
		.filter((key) => !ONLY_WHEN_THEY_APPLY.has(key));
	if (event.value === CONNECTION_TEST.value) {
		// A connection test names the tested products and is not tied to a configured connection.
		return unique([...META_KEYS, ...typed.filter((key) => !key.startsWith('ipn_config_'))]);
	}
	return unique([...META_KEYS, ...typed.filter((key) => key !== 'product_ids'), ...EXTRA_KEYS[event.category]]);
}

function unique(keys: string[]): string[] {
	return [...new Set(keys)];
}

function chooseProduct(event: IpnEvent, productId: string | undefined): Product {
	if (productId) {
		const known = findProduct(productId);
		return known ?? { ...PRODUCTS[0], id: productId, name: `Product ${productId}`, name_intern: `product_${productId}` };
	}
	if (event.category === 'etickets') return PRODUCTS.find((p) => p.product_type === 'eticket')!;
	if (['payment_missed', 'payment_denial', 'rebill_cancelled', 'rebill_resumed', 'last_paid_day'].includes(event.transaction ?? '')) {
		return PRODUCTS.find((p) => p.billing_type === 'subscription')!;
	}
	return PRODUCTS[0];
}

/** For a catalogue field this file has no specific value for yet. */
function valueOfKind(kind: FieldKind, seq: number, now: Date): string {
	switch (kind) {
		case 'id':
			return String(100_000 + seq);
		case 'amount':
			return '0.00';
		case 'integer':
			return '0';
		case 'flag':
			return 'N';
		case 'date':
			return berlinDate(now);
		case 'datetime':
			return berlinDateTime(now);
		case 'email':
			return `buyer${seq}@example.com`;
		case 'url':
			return 'https://www.digistore24.com/';
		default:
			return '';
	}
}
