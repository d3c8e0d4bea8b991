import type { IpnEvent } from '../../nodes/Digistore24/ipn/events';
import { berlinDate, berlinDateTime, berlinTime, DAY_MS } from './clock';
import { ACCOUNT } from './data/account';
import { formatCents, splitAmount, vatRateFor } from './data/money';
import { AFFILIATES, makePerson, type Person } from './data/people';
import type { Product } from './data/products';
import { addMonths } from './data/seed';
import { createRandom, type Random } from './prng';

/**
 * The values of a sample IPN: one buyer, one order, amounts that add up, ids that vary with `seq`.
 * Holds more keys than any one event sends; ipn-sample.ts picks the keys per event.
 */
export type IpnParams = Record<string, string>;

/** Every known key with a value consistent with the rest. */
export function sampleValues(event: IpnEvent, product: Product, seq: number, now: Date): IpnParams {
	const random = createRandom(seq * 7919 + 17);
	const buyer = makePerson(random, String(seq));
	const place = buyer.place;
	const split = splitAmount(product.price, vatRateFor(place.country));
	const money = (cents: number) => formatCents(cents);
	const orderId = random.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
	const paymentId = 39_999_937 + seq * 2;
	const reversal = event.transaction === 'refund' || event.transaction === 'chargeback';
	const ordered = reversal ? new Date(now.getTime() - 3 * DAY_MS) : now;
	const subscription = product.billing_type === 'subscription';
	const recurring = product.billing_type !== 'single_payment';
	const base = 'https://www.digistore24.com';
	const street = `${place.street_name} ${buyer.street_number}`;
	const buyerId = String(333_000 + seq);

	const values: IpnParams = {
		merchant_id: ACCOUNT.user_id,
		merchant_name: ACCOUNT.user_name,
		ipn_config_id: '654321',
		ipn_config_api_key_id: '1234',
		ipn_config_domain_id: 'emulator',
		ipn_config_product_ids: 'all',
		product_ids: product.id,
		order_id: orderId,
		order_item_id: String(33_299_236 + seq),
		order_date: berlinDate(ordered),
		order_time: berlinTime(ordered),
		order_date_time: berlinDateTime(ordered),
		order_type: 'regular',
		order_details_url: `${base}/order/${orderId}`,
		orderform_id: '1',
		orderform_referrer_url: '',
		purchase_key: random.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'),
		item_count: '1',
		quantity: '1',
		upsell_no: '0',
		upsell_path: '',
		language: place.language,
		language_name: place.language === 'de' ? 'Deutsch' : 'English',
		country: place.country,
		voucher_code: '',
		is_gdpr_country: ['DE', 'AT', 'NL'].includes(place.country) ? 'Y' : 'N',
		is_payment_planned: recurring ? 'Y' : 'N',
		newsletter_choice: 'none',
		newsletter_choice_msg: '',
		upgraded_order_id: '',
		license_key: '',
		has_custom_forms: event.category === 'customforms' ? 'Y' : 'N',
		transaction_id: String(reversal ? paymentId + 50_000 : paymentId),
		parent_transaction_id: String(reversal ? paymentId : paymentId - 1),
		transaction_type: event.transaction ?? 'payment',
		transaction_date: berlinDate(now),
		transaction_time: berlinTime(now),
		transaction_amount: money(split.gross),
		transaction_currency: product.currency,
		transaction_vat_amount: money(split.vat),
		payment_id: `PAYID-10-T${paymentId - 1}`,
		pay_method: 'creditcard',
		billing_type: product.billing_type,
		billing_status: billingStatus(event, product),
		billing_stop_reason: ['rebill_cancelled', 'last_paid_day'].includes(event.transaction ?? '') ? 'by_buyer' : '',
		pay_sequence_no: recurring ? '1' : '0',
		number_of_installments: String(product.number_of_installments),
		payplan_id: String(Number(product.id) * 10 + 1),
		first_amount: money(split.gross),
		first_vat_amount: money(split.vat),
		other_amounts: recurring ? money(split.gross) : '0.00',
		other_vat_amounts: recurring ? money(split.vat) : '0.00',
		monthly_amount: subscription ? money(split.gross) : '0.00',
		monthly_vat_amount: subscription ? money(split.vat) : '0.00',
		first_billing_interval: product.billing_interval,
		other_billing_intervals: product.billing_interval,
		next_payment_at: recurring && event.transaction === 'payment' ? berlinDate(addMonths(now, 1)) : '',
		rebill_stop_noted_at: event.transaction === 'rebill_cancelled' ? berlinDateTime(now) : '',
		refund_days: '14',
		amount: money(split.gross),
		amount_brutto: money(split.gross),
		amount_netto: money(split.net),
		amount_vat: money(split.vat),
		vat_amount: money(split.vat),
		vat_rate: split.vat === 0 ? '0.00' : vatRateFor(place.country).toFixed(2),
		amount_vendor: money(split.vendor),
		amount_payout: money(split.vendor),
		amount_provider: money(split.provider),
		amount_affiliate: '0.00',
		amount_main_affiliate: '0.00',
		amount_partner: '0.00',
		amount_fee: event.transaction === 'chargeback' ? '15.00' : '0.00',
		amount_credited: '0.00',
		currency: product.currency,
		product_id: product.id,
		product_name: product.name,
		product_name_intern: product.name_intern,
		product_language: product.language,
		product_delivery_type: 'digital',
		product_amount: money(product.price),
		product_netto_amount: money(split.net),
		product_vat_amount: money(split.vat),
		product_shipping_amount: '0.00',
		product_txn_amount: money(split.gross),
		product_txn_netto_amount: money(split.net),
		product_txn_vat_amount: money(split.vat),
		product_txn_shipping: '0.00',
		image_url: `${base}/images/product/${product.id}.png`,
		placeholder_TITLE: product.name,
		placeholder_DESCRIPTION: '',
		buyer_id: buyerId,
		email: buyer.email,
		buyer_email: buyer.email,
		buyer_first_name: buyer.first_name,
		buyer_last_name: buyer.last_name,
		buyer_language: place.language,
		buyer_address_id: String(777_000 + seq),
		buyer_address_city: place.city,
		buyer_address_country: place.country,
		buyer_address_street: street,
		buyer_address_zipcode: place.zipcode,
		...address('address', buyer, street, String(777_000 + seq)),
		...address('billing', buyer, street, String(777_000 + seq)),
		billing_descriptor: `DIGISTORE24*${ACCOUNT.user_name.toUpperCase()}`,
		affiliate_id: '',
		affiliate_name: '',
		affiliate_link: '',
		campaignkey: '',
		trackingkey: '',
		click_id: '',
		custom: '',
		custom_key: `${buyerId}-${random.chars(11)}`,
		customer_affiliate_name: `user${buyerId}`,
		customer_affiliate_promo_url: `${base}/redir/${product.id}/user${buyerId}/`,
		invoice_url: `${base}/invoice/${orderId}/${paymentId}/${random.chars(8)}.pdf`,
		receipt_url: `https://www.checkout-ds24.com/receipt/${orderId}`,
		renew_url: `${base}/renew/${orderId}`,
		rebilling_stop_url: subscription ? `${base}/rebilling/stop/${orderId}` : '',
		switch_pay_interval_url: subscription ? `${base}/switch/${orderId}` : '',
		request_refund_url: `${base}/refund/request/${orderId}`,
		support_url: `${base}/support/${orderId}`,
		upgrade_key: random.chars(13, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
		form_no: '1',
		form_count: '1',
	};
	if (event.category === 'affiliations') Object.assign(values, affiliationValues(random.pick(AFFILIATES), product, seq));
	if (event.category === 'etickets') Object.assign(values, eticketValues(random, now));
	return values;
}

function address(prefix: string, buyer: Person, street: string, id: string): IpnParams {
	const { place } = buyer;
	return {
		[`${prefix}_id`]: id,
		[`${prefix}_salutation`]: buyer.salutation,
		[`${prefix}_salutation_name`]: buyer.salutation === 'F' ? 'Frau' : 'Herr',
		[`${prefix}_title`]: '',
		[`${prefix}_first_name`]: buyer.first_name,
		[`${prefix}_last_name`]: buyer.last_name,
		[`${prefix}_company`]: '',
		[`${prefix}_street`]: street,
		[`${prefix}_street2`]: '',
		[`${prefix}_street_name`]: place.street_name,
		[`${prefix}_street_number`]: buyer.street_number,
		[`${prefix}_zipcode`]: place.zipcode,
		[`${prefix}_city`]: place.city,
		[`${prefix}_state`]: '',
		[`${prefix}_country`]: place.country,
		[`${prefix}_country_name`]: place.country_name,
		[`${prefix}_phone_no`]: '',
		[`${prefix}_mobile_no`]: '',
		[`${prefix}_tax_id`]: '',
	};
}

function billingStatus(event: IpnEvent, product: Product): string {
	switch (event.transaction) {
		case 'refund':
		case 'chargeback':
		case 'rebill_cancelled':
		case 'last_paid_day':
			return 'aborted';
		case 'payment_missed':
		case 'payment_denial':
			return 'unpaid';
		case 'rebill_resumed':
			return 'paying';
		default:
			return product.billing_type === 'single_payment' ? 'completed' : 'paying';
	}
}

/** In an affiliation IPN the person is the new affiliate, not a buyer. */
function affiliationValues(name: string, product: Product, seq: number): IpnParams {
	return {
		affiliate_id: String(41_600_000 + seq),
		affiliate_name: name,
		affiliate_link: `https://www.digistore24.com/redir/${product.id}/${name}/`,
		email: `${name.toLowerCase()}@example.com`,
		buyer_email: `${name.toLowerCase()}@example.com`,
	};
}

function eticketValues(random: Random, now: Date): IpnParams {
	const id = String(random.int(1, 9)) + random.chars(19, '0123456789');
	return {
		action: 'create',
		eticket_id: id,
		eticket_no: '1',
		eticket_count: '1',
		eticket_code: id.slice(-8),
		eticket_url: `https://www.digistore24.com/eticket/file${id}.pdf`,
		eticket_date: berlinDate(new Date(now.getTime() + 30 * DAY_MS)),
		eticket_hint: '17:00',
		eticket_is_blocked: 'N',
		eticket_created_at: berlinDateTime(now),
		eticket_modified_at: berlinDateTime(now),
		eticket_used_at: '',
		location_id: '3',
		location_name: 'Congress Center Hamburg',
		location_address: 'Marseiller Str. 1, 20355 Hamburg',
		location_country: 'DE',
		location_directions: 'U3 Stephansplatz, 5 minutes on foot',
		location_latitude: '53.56',
		location_longitude: '9.99',
		location_map_image_url: 'https://www.digistore24.com/eticket/location/3/map.png',
		location_note: '',
	};
}
