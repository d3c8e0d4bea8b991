/**
 * The IPN parameters we type, grouped the way users think of them. Each row: the parameter as
 * Digistore24 sends it, the group and property it becomes in the trigger's output, and its kind,
 * which decides the conversion (amounts -> numbers, Y/N -> booleans, dates -> ISO strings).
 * Parameters not listed here are still output untouched under `raw`.
 */
export type FieldKind = 'text' | 'id' | 'amount' | 'integer' | 'flag' | 'date' | 'datetime' | 'email' | 'url';

export type FieldGroup =
	| 'merchant'
	| 'connection'
	| 'connectionTest'
	| 'order'
	| 'transaction'
	| 'billing'
	| 'amounts'
	| 'product'
	| 'buyer'
	| 'address'
	| 'affiliate'
	| 'affiliateContact'
	| 'tracking'
	| 'links'
	| 'eticket'
	| 'customForm'
	| 'upgrade'
	| 'coupon';

export interface IpnField {
	key: string;
	group: FieldGroup;
	property: string;
	kind: FieldKind;
}

type Row = [key: string, property: string, kind: FieldKind];

const GROUPS: Record<FieldGroup, Row[]> = {
	merchant: [
		['merchant_id', 'id', 'id'],
		['merchant_name', 'name', 'text'],
	],
	connection: [
		['ipn_config_id', 'id', 'id'],
		['ipn_config_api_key_id', 'apiKeyId', 'id'],
		['ipn_config_domain_id', 'domainId', 'text'],
		['ipn_config_product_ids', 'productIds', 'text'],
	],
	// Digistore24's "Test connection" names the products instead of the connection's ipn_config_*.
	connectionTest: [['product_ids', 'productIds', 'text']],
	order: [
		['order_id', 'id', 'id'],
		['order_item_id', 'itemId', 'id'],
		['order_date_time', 'createdAt', 'datetime'],
		['order_date', 'date', 'date'],
		['order_type', 'type', 'text'],
		['orderform_id', 'orderFormId', 'id'],
		['purchase_key', 'purchaseKey', 'text'],
		['item_count', 'itemCount', 'integer'],
		['quantity', 'quantity', 'integer'],
		['upsell_no', 'upsellNo', 'integer'],
		['language', 'language', 'text'],
		['country', 'country', 'text'],
		['voucher_code', 'voucherCode', 'text'],
		['is_gdpr_country', 'isGdprCountry', 'flag'],
		['is_payment_planned', 'isPaymentPlanned', 'flag'],
		['newsletter_choice', 'newsletterChoice', 'text'],
		['upgraded_order_id', 'upgradedOrderId', 'id'],
		// After an upgrade: the kind of change and the day the old order's access ends.
		['upgrade_type', 'upgradeType', 'text'],
		['delivery_date', 'deliveryDate', 'date'],
		['order_is_paid', 'isPaid', 'flag'],
		['tags', 'tags', 'text'],
		['license_id', 'licenseId', 'id'],
		['license_key', 'licenseKey', 'text'],
		['license_key_type', 'licenseKeyType', 'text'],
		['license_created', 'licenseCreatedAt', 'datetime'],
	],
	transaction: [
		['transaction_id', 'id', 'id'],
		['parent_transaction_id', 'parentId', 'id'],
		['transaction_type', 'type', 'text'],
		['transaction_date', 'date', 'date'],
		['transaction_amount', 'amount', 'amount'],
		['transaction_currency', 'currency', 'text'],
		['transaction_vat_amount', 'vatAmount', 'amount'],
		['payment_id', 'paymentId', 'text'],
		['pay_method', 'payMethod', 'text'],
	],
	billing: [
		['billing_type', 'type', 'text'],
		['billing_status', 'status', 'text'],
		['billing_stop_reason', 'stopReason', 'text'],
		['pay_sequence_no', 'paySequenceNo', 'integer'],
		['number_of_installments', 'numberOfInstallments', 'integer'],
		['payplan_id', 'payPlanId', 'id'],
		['first_amount', 'firstAmount', 'amount'],
		['other_amounts', 'otherAmounts', 'amount'],
		['monthly_amount', 'monthlyAmount', 'amount'],
		['first_billing_interval', 'firstBillingInterval', 'text'],
		['other_billing_intervals', 'otherBillingIntervals', 'text'],
		['next_payment_at', 'nextPaymentAt', 'date'],
		['rebill_stop_noted_at', 'rebillStopNotedAt', 'datetime'],
		['refund_days', 'refundDays', 'integer'],
	],
	amounts: [
		['amount', 'gross', 'amount'],
		['amount_brutto', 'brutto', 'amount'],
		['amount_netto', 'net', 'amount'],
		['amount_vat', 'vat', 'amount'],
		['vat_rate', 'vatRate', 'amount'],
		['amount_vendor', 'vendor', 'amount'],
		['amount_payout', 'payout', 'amount'],
		['amount_provider', 'provider', 'amount'],
		['amount_affiliate', 'affiliate', 'amount'],
		['amount_partner', 'partner', 'amount'],
		['amount_fee', 'fee', 'amount'],
		['currency', 'currency', 'text'],
	],
	product: [
		['product_id', 'id', 'id'],
		['product_name', 'name', 'text'],
		['product_name_intern', 'internalName', 'text'],
		['product_language', 'language', 'text'],
		['product_delivery_type', 'deliveryType', 'text'],
		['product_amount', 'amount', 'amount'],
		['variant_id', 'variantId', 'id'],
		['variant_name', 'variantName', 'text'],
	],
	buyer: [
		['buyer_id', 'id', 'id'],
		['email', 'email', 'email'],
		['buyer_first_name', 'firstName', 'text'],
		['buyer_last_name', 'lastName', 'text'],
		['buyer_language', 'language', 'text'],
	],
	address: [
		['address_salutation', 'salutation', 'text'],
		['address_title', 'title', 'text'],
		['address_first_name', 'firstName', 'text'],
		['address_last_name', 'lastName', 'text'],
		['address_company', 'company', 'text'],
		['address_street', 'street', 'text'],
		['address_street_name', 'streetName', 'text'],
		['address_street_number', 'streetNumber', 'text'],
		['address_zipcode', 'zipcode', 'text'],
		['address_city', 'city', 'text'],
		['address_state', 'state', 'text'],
		['address_country', 'country', 'text'],
		['address_phone_no', 'phone', 'text'],
		['address_tax_id', 'taxId', 'text'],
	],
	affiliate: [
		['affiliate_id', 'id', 'id'],
		['affiliate_name', 'name', 'text'],
		['affiliate_link', 'link', 'url'],
	],
	// In an affiliation notification the person is the new affiliate, not a buyer.
	affiliateContact: [
		['email', 'email', 'email'],
		['language', 'language', 'text'],
	],
	tracking: [
		['campaignkey', 'campaignKey', 'text'],
		['trackingkey', 'trackingKey', 'text'],
		['click_id', 'clickId', 'text'],
		['custom', 'custom', 'text'],
		['utm_source', 'utmSource', 'text'],
		['utm_medium', 'utmMedium', 'text'],
		['utm_campaign', 'utmCampaign', 'text'],
	],
	links: [
		['invoice_url', 'invoice', 'url'],
		['receipt_url', 'receipt', 'url'],
		['order_details_url', 'orderDetails', 'url'],
		['renew_url', 'renew', 'url'],
		['rebilling_stop_url', 'rebillingStop', 'url'],
		['request_refund_url', 'requestRefund', 'url'],
		['support_url', 'support', 'url'],
	],
	eticket: [
		['eticket_id', 'id', 'id'],
		['action', 'action', 'text'],
		['eticket_no', 'number', 'integer'],
		['eticket_count', 'count', 'integer'],
		['eticket_url', 'url', 'url'],
		['eticket_date', 'date', 'date'],
		['eticket_hint', 'hint', 'text'],
		['eticket_is_blocked', 'isBlocked', 'flag'],
		['eticket_used_at', 'usedAt', 'datetime'],
		['eticket_code', 'code', 'text'],
		['eticket_created_at', 'createdAt', 'datetime'],
		['eticket_modified_at', 'modifiedAt', 'datetime'],
		['location_id', 'locationId', 'id'],
		['location_name', 'locationName', 'text'],
		['location_address', 'locationAddress', 'text'],
		['location_country', 'locationCountry', 'text'],
		['location_directions', 'locationDirections', 'text'],
		['location_latitude', 'locationLatitude', 'amount'],
		['location_longitude', 'locationLongitude', 'amount'],
		['location_map_image_url', 'locationMapImageUrl', 'url'],
		['location_note', 'locationNote', 'text'],
	],
	customForm: [
		['form_no', 'number', 'integer'],
		['form_count', 'count', 'integer'],
	],
	// The order an upgrade replaced (keys per GoSuccess's IPN client; Digistore24's subscription guide).
	upgrade: [
		['upgraded_order_id', 'orderId', 'id'],
		['upgraded_product_id', 'productId', 'id'],
		['upgraded_product_name', 'productName', 'text'],
		['upgraded_order_date_time', 'orderCreatedAt', 'datetime'],
		['upgraded_order_paid_until', 'paidUntil', 'date'],
		['upgraded_buyer_id', 'buyerId', 'id'],
		['upgraded_email', 'email', 'email'],
	],
	// A voucher the buyer used, and a coupon (credit) the order created.
	coupon: [
		['used_coupon_code', 'usedCode', 'text'],
		['coupon_id', 'id', 'id'],
		['coupon_code', 'code', 'text'],
		['coupon_amount_total', 'amountTotal', 'amount'],
		['coupon_amount_left', 'amountLeft', 'amount'],
		['coupon_currency', 'currency', 'text'],
	],
};

export const FIELD_GROUPS = Object.keys(GROUPS) as FieldGroup[];

/** What each group holds, for the README (generated from here). */
export const GROUP_DESCRIPTIONS: Record<FieldGroup, string> = {
	merchant: 'The vendor account',
	connection: 'The IPN connection that sent the notification',
	connectionTest: 'The products a connection test names',
	order: 'The order: one per purchase, the same in all its notifications',
	transaction: 'The payment, refund or chargeback this notification is about',
	billing: 'Billing of the order: single payment, subscription or instalments, and which payment this is',
	amounts: 'Amounts of this transaction and how they split',
	product: 'The product (and its variant)',
	buyer: 'Who bought',
	address: 'The address: the buyer\'s, or in an affiliation the new affiliate\'s',
	affiliate: 'The affiliate credited with the sale, or the one approved',
	affiliateContact: 'Contact data of the new affiliate',
	tracking: 'Campaign and tracking keys',
	links: 'Pages for the buyer',
	eticket: 'The e-ticket, its action (create, update, use, …) and where the event takes place',
	customForm: 'Which custom form of the order this is',
	upgrade: 'The order an upgrade replaced; its access ends on order.deliveryDate',
	coupon: 'A voucher the buyer used, or a coupon (credit) the order created',
};

export function fieldsOfGroup(group: FieldGroup): IpnField[] {
	return fieldsOf([group]);
}

export function fieldsOf(groups: readonly FieldGroup[]): IpnField[] {
	return groups.flatMap((group) => GROUPS[group].map(([key, property, kind]) => ({ key, group, property, kind })));
}
