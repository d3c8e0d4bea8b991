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
	| 'customForm';

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
		['license_key', 'licenseKey', 'text'],
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
		['location_id', 'locationId', 'id'],
		['location_name', 'locationName', 'text'],
	],
	customForm: [
		['form_no', 'number', 'integer'],
		['form_count', 'count', 'integer'],
	],
};

export const FIELD_GROUPS = Object.keys(GROUPS) as FieldGroup[];

export function fieldsOf(groups: readonly FieldGroup[]): IpnField[] {
	return groups.flatMap((group) => GROUPS[group].map(([key, property, kind]) => ({ key, group, property, kind })));
}
