import { berlinDate, berlinDateTime } from '../clock';
import { ACCOUNT } from '../data/account';
import { formatCents } from '../data/money';
import { ownerOf, type Product } from '../data/products';
import type { Buyer, Purchase, Transaction } from '../data/seed';

/**
 * How the API shows the emulator's records: strings everywhere, amounts with two decimals,
 * booleans as "Y"/"N", times in Berlin — the way Digistore24 answers.
 */
const yn = (value: boolean) => (value ? 'Y' : 'N');
const BASE = 'https://www.digistore24.com';

export function productView(product: Product) {
	const owner = ownerOf(product);
	return {
		id: product.id,
		name: product.name,
		name_intern: product.name_intern,
		note: '',
		tag: '',
		language: product.language,
		currency: product.currency,
		description: `${product.name} — sold through the Digistore24 emulator`,
		created_at: product.created_at,
		modified_at: product.created_at,
		product_group_id: product.product_group_id,
		product_group_name: product.product_group_name,
		product_type_id: product.product_type_id,
		product_type: product.product_type,
		billing_type: product.billing_type,
		user_id: owner.id,
		owner_id: owner.id,
		owner_name: owner.name,
		salespage_url: `https://example.com/${product.name_intern}`,
		thankyou_url: `https://example.com/${product.name_intern}/thanks`,
		image_url: `${BASE}/images/product/${product.id}.png`,
		affiliate_commission: '30.00',
		affiliate_commission_fix: '0.00',
		affiliate_commission_cur: product.currency,
		approval_status: 'approved',
		approval_status_msg: 'Approved',
		max_quantity: '1',
		units_left: '',
		pay_methods: 'creditcard,paypal,banktransfer,klarna,ELV',
		is_active: 'Y',
		is_deleted: 'N',
		is_affiliation_auto_accepted: 'Y',
		is_vat_shown: 'Y',
	};
}

export function paymentPlanView(product: Product) {
	return {
		id: String(Number(product.id) * 10 + 1),
		product_id: product.id,
		currency: product.currency,
		first_amount: formatCents(product.price),
		other_amounts: product.billing_type === 'single_payment' ? '0.00' : formatCents(product.price),
		number_of_installments: String(product.number_of_installments),
		first_billing_interval: product.billing_interval,
		other_billing_intervals: product.billing_interval,
		is_active: 'Y',
		created_at: product.created_at,
		modified_at: product.created_at,
	};
}

export function buyerView(buyer: Buyer) {
	const { person } = buyer;
	return {
		id: buyer.id,
		address_id: buyer.address_id,
		created_at: berlinDateTime(buyer.created),
		email: person.email,
		salutation: person.salutation,
		title: buyer.title ?? '',
		first_name: person.first_name,
		last_name: person.last_name,
		company: buyer.company ?? '',
		street: `${person.place.street_name} ${person.street_number}`,
		street_name: person.place.street_name,
		street_number: person.street_number,
		zipcode: person.place.zipcode,
		city: person.place.city,
		state: buyer.state ?? '',
		country: person.place.country,
		phone_no: buyer.phone_no ?? '',
		language: person.place.language,
	};
}

export function transactionView(transaction: Transaction) {
	const { purchase } = transaction;
	const { person } = purchase.buyer;
	return {
		id: transaction.id,
		purchase_id: purchase.id,
		created_at: berlinDateTime(transaction.created),
		transaction_type: transaction.type,
		parent_transaction_id: transaction.parent_id,
		pay_sequence_no: String(transaction.pay_sequence_no),
		amount: formatCents(transaction.amount),
		vat_amount: formatCents(transaction.vat),
		earning: formatCents(transaction.earning),
		currency: purchase.product.currency,
		pay_method: purchase.pay_method,
		billing_type: purchase.product.billing_type,
		product_id: purchase.product.id,
		product_name: purchase.product.name,
		role: purchase.role,
		affiliate_name: purchase.affiliate_name,
		buyer_id: purchase.buyer.id,
		email: person.email,
		first_name: person.first_name,
		last_name: person.last_name,
		country: person.place.country,
	};
}

export function purchaseView(purchase: Purchase, withTransactions: boolean) {
	const { product, split } = purchase;
	const payments = purchase.transactions.filter((t) => t.type === 'payment');
	const last = payments[payments.length - 1];
	const links = purchaseLinks(purchase.id);
	return {
		id: purchase.id,
		created_at: berlinDateTime(purchase.created),
		product_id: product.id,
		product_name: product.name,
		quantity: '1',
		currency: product.currency,
		amount: formatCents(split.gross),
		vat_amount: formatCents(split.vat),
		vat_rate: split.vat === 0 ? '0.00' : purchase.vat_rate.toFixed(2),
		earning: formatCents(purchase.transactions.reduce((sum, t) => sum + t.earning, 0)),
		paid_amount: formatCents(purchase.transactions.reduce((sum, t) => sum + t.amount, 0)),
		balance: formatCents(purchase.balance ?? 0),
		billing_type: product.billing_type,
		billing_status: purchase.billing_status,
		number_of_installments: String(product.number_of_installments),
		first_amount: formatCents(product.price),
		other_amounts: product.billing_type === 'single_payment' ? '0.00' : formatCents(product.price),
		first_billing_interval: product.billing_interval,
		other_billing_intervals: product.billing_interval,
		next_payment_at: purchase.next_payment_at ? berlinDate(purchase.next_payment_at) : '',
		last_payment_at: last ? berlinDateTime(last.created) : '',
		rebilling_active: yn(purchase.billing_status === 'paying' && product.billing_type !== 'single_payment'),
		is_cancelled: yn(purchase.billing_status === 'aborted'),
		pay_method: purchase.pay_method,
		role: purchase.role,
		vendor_id: ownerOf(product).id,
		vendor_name: ownerOf(product).name,
		merchant_id: ACCOUNT.user_id,
		has_affiliate: yn(purchase.affiliate_name !== ''),
		affiliate_name: purchase.affiliate_name,
		buyer: buyerView(purchase.buyer),
		items: [{ product_id: product.id, product_name: product.name, quantity: '1', amount: formatCents(split.gross) }],
		...links,
		...(withTransactions ? { transaction_list: purchase.transactions.map(transactionView) } : {}),
	};
}

function purchaseLinks(id: string) {
	return {
		invoice_url: `${BASE}/invoice/${id}`,
		receipt_url: `https://www.checkout-ds24.com/receipt/${id}`,
		renew_url: `${BASE}/renew/${id}`,
		rebilling_stop_url: `${BASE}/rebilling/stop/${id}`,
		support_url: `${BASE}/support/${id}`,
	};
}
