import { ACCOUNT } from './account';

/**
 * The account's products: EUR, USD and CHF prices, one subscription, one instalment plan and one
 * e-ticket product. Fixed, so the API and the IPN sender agree on ids, names and prices.
 */
export type BillingType = 'single_payment' | 'subscription' | 'installment';

export interface Product {
	id: string;
	name: string;
	name_intern: string;
	currency: 'EUR' | 'USD' | 'CHF';
	/** First (and for subscriptions: every) payment, gross, in cents. */
	price: number;
	billing_type: BillingType;
	/** Instalments for `installment`, 0 for a subscription, 1 for a single payment. */
	number_of_installments: number;
	billing_interval: string;
	product_type: 'digital' | 'eticket';
	product_type_id: string;
	language: 'de' | 'en';
	product_group_id: string;
	product_group_name: string;
	created_at: string;
	/** Products of other vendors that this account sells as an affiliate. */
	owner?: { id: string; name: string };
}

const base = {
	product_group_id: '1101',
	product_group_name: 'Online courses',
	created_at: '2024-11-04 10:12:00',
};

export const PRODUCTS: readonly Product[] = [
	{
		...base,
		id: '512345',
		name: 'Online Course Basic',
		name_intern: 'course_basic',
		currency: 'EUR',
		price: 4900,
		billing_type: 'single_payment',
		number_of_installments: 1,
		billing_interval: '',
		product_type: 'digital',
		product_type_id: '1',
		language: 'de',
	},
	{
		...base,
		id: '512346',
		name: 'Pro Membership (monthly)',
		name_intern: 'pro_monthly',
		currency: 'EUR',
		price: 1900,
		billing_type: 'subscription',
		number_of_installments: 0,
		billing_interval: '1_month',
		product_type: 'digital',
		product_type_id: '3',
		language: 'de',
		product_group_id: '1102',
		product_group_name: 'Memberships',
	},
	{
		...base,
		id: '512347',
		name: 'Marketing Toolkit',
		name_intern: 'toolkit_us',
		currency: 'USD',
		price: 9700,
		billing_type: 'single_payment',
		number_of_installments: 1,
		billing_interval: '',
		product_type: 'digital',
		product_type_id: '1',
		language: 'en',
	},
	{
		...base,
		id: '512348',
		name: 'Coaching Package (3 instalments)',
		name_intern: 'coaching_ch',
		currency: 'CHF',
		price: 29900,
		billing_type: 'installment',
		number_of_installments: 3,
		billing_interval: '1_month',
		product_type: 'digital',
		product_type_id: '4',
		language: 'de',
	},
	{
		...base,
		id: '512349',
		name: 'Vendor Summit 2026 Ticket',
		name_intern: 'summit_ticket',
		currency: 'EUR',
		price: 14900,
		billing_type: 'single_payment',
		number_of_installments: 1,
		billing_interval: '',
		product_type: 'eticket',
		product_type_id: '12',
		language: 'de',
		product_group_id: '1103',
		product_group_name: 'Events',
	},
];

/** A product of another vendor: purchases of it are this account's `affiliate` role purchases. */
export const PARTNER_PRODUCT: Product = {
	...base,
	id: '600123',
	name: 'Partner E-Book',
	name_intern: 'partner_ebook',
	currency: 'EUR',
	price: 2700,
	billing_type: 'single_payment',
	number_of_installments: 1,
	billing_interval: '',
	product_type: 'digital',
	product_type_id: '1',
	language: 'de',
	product_group_id: '',
	product_group_name: '',
	owner: { id: '41500001', name: 'partnervendor' },
};

export function ownerOf(product: Product): { id: string; name: string } {
	return product.owner ?? { id: ACCOUNT.user_id, name: ACCOUNT.user_name };
}

export function findProduct(id: string): Product | undefined {
	return [...PRODUCTS, PARTNER_PRODUCT].find((product) => product.id === id);
}
