import { DAY_MS } from '../clock';
import { createRandom } from '../prng';
import { PRODUCTS, type Product } from './products';
import type { Affiliate } from './extras';
import type { Purchase } from './seed';

/**
 * What sellers handle day to day besides orders: voucher codes, deliveries of the product that
 * ships, upgrades between products, order forms, marketplace entries, custom form answers,
 * affiliates referred by partners and the emails Digistore24 was asked to send again.
 * Derived from the seeded purchases with a PRNG of its own, so the purchase data stays the same.
 */
export interface Voucher {
	id: string;
	code: string;
	/** Empty: all products. */
	product_ids: string[];
	valid_from?: Date;
	expires_at?: Date;
	first_rate: number;
	other_rates: number;
	/** Cents. */
	first_amount: number;
	other_amounts: number;
	currency: string;
	is_count_limited: boolean;
	count_left: number;
	upgrade_policy: 'valid' | 'other_only' | 'not_valid';
	created: Date;
	modified: Date;
}

export type DeliveryType = 'request' | 'in_progress' | 'delivery' | 'partial_delivery' | 'return' | 'cancel';

export interface Parcel {
	parcel_service: string;
	tracking_id: string;
	expect_delivery_at: string;
	quantity: number;
}

export interface Delivery {
	id: string;
	purchase: Purchase;
	type: DeliveryType;
	quantity: number;
	quantity_delivered: number;
	created: Date;
	modified: Date;
	tracking: Parcel[];
}

export interface Upgrade {
	id: string;
	auth_key: string;
	name: string;
	from: Product;
	to: Product;
	type: 'upgrade' | 'downgrade';
	created: Date;
}

export interface CustomFormRecord {
	id: string;
	purchase: Purchase;
	form_id: string;
	form_no: number;
	form_count: number;
	created: Date;
	data: Record<string, string>;
}

export interface Referral {
	referrer: Affiliate;
	commission: number;
	created: Date;
}

export interface SentMail {
	at: Date;
	type: 'invoice' | 'purchase_confirmation' | 'delivery_update';
	purchase_id: string;
	to: string;
}

export interface Everyday {
	vouchers: Voucher[];
	deliveries: Delivery[];
	upgrades: Upgrade[];
	customForms: CustomFormRecord[];
	/** By the referred affiliate's id. */
	referrals: Map<string, Referral>;
	mails: SentMail[];
	nextIds: { voucher: number; upgradePurchase: number };
}

/** The product that ships a box (printed cards with the digital toolkit), so it has deliveries. */
export const SHIPPED_PRODUCT_ID = '512347';
/** The product whose buyers fill in a custom form (the coaching questionnaire). */
export const CUSTOM_FORM_PRODUCT_ID = '512348';

export const ORDERFORMS = [
	{ id: '1', name: 'Standard', layout: 'default', is_default: 'Y', created_at: '2024-11-04 10:12:00' },
	{ id: '2', name: 'One page checkout', layout: 'onepage', is_default: 'N', created_at: '2025-01-15 09:30:00' },
	{ id: '3', name: 'Summit tickets', layout: 'default', is_default: 'N', created_at: '2025-03-02 14:05:00' },
];

const PARCEL_SERVICES = ['dhl', 'dpd', 'ups', 'hermes'];

export function createEveryday(seed: number, purchases: readonly Purchase[], now: Date): Everyday {
	const random = createRandom((seed ^ 0x0d17) >>> 0);
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
	const vouchers: Voucher[] = [
		{ id: '6101', code: 'SPRING20', product_ids: [], first_rate: 20, other_rates: 0, first_amount: 0, other_amounts: 0, currency: 'EUR', is_count_limited: false, count_left: 0, upgrade_policy: 'valid', created: at(90), modified: at(90), valid_from: at(90), expires_at: at(-30) },
		{ id: '6102', code: 'VIP10', product_ids: ['512346'], first_rate: 0, other_rates: 0, first_amount: 1000, other_amounts: 500, currency: 'EUR', is_count_limited: true, count_left: 3, upgrade_policy: 'other_only', created: at(60), modified: at(20) },
		{ id: '6103', code: 'BLACKFRIDAY', product_ids: ['512345', '512347'], first_rate: 50, other_rates: 0, first_amount: 0, other_amounts: 0, currency: 'EUR', is_count_limited: false, count_left: 0, upgrade_policy: 'not_valid', created: at(400), modified: at(360), expires_at: at(330) },
		{ id: '6104', code: 'LASTONE', product_ids: [], first_rate: 15, other_rates: 15, first_amount: 0, other_amounts: 0, currency: 'EUR', is_count_limited: true, count_left: 0, upgrade_policy: 'valid', created: at(30), modified: at(2) },
	];
	const deliveries: Delivery[] = [];
	const customForms: CustomFormRecord[] = [];
	for (const purchase of purchases) {
		if (purchase.product.id === SHIPPED_PRODUCT_ID && purchase.transactions.some((t) => t.type === 'payment')) {
			const ageDays = (now.getTime() - purchase.created.getTime()) / DAY_MS;
			const reversed = purchase.transactions.some((t) => t.type !== 'payment');
			const type: DeliveryType = reversed ? 'cancel' : ageDays < 2 ? 'request' : ageDays < 4 ? 'in_progress' : 'delivery';
			const shipped = type === 'delivery';
			deliveries.push({
				id: String(8_100_001 + deliveries.length),
				purchase,
				type,
				quantity: 1,
				quantity_delivered: shipped ? 1 : 0,
				created: purchase.created,
				modified: shipped ? new Date(purchase.created.getTime() + 2 * DAY_MS) : purchase.created,
				tracking: shipped
					? [{ parcel_service: random.pick(PARCEL_SERVICES), tracking_id: `00340${random.chars(13, '0123456789')}`, expect_delivery_at: '', quantity: 1 }]
					: [],
			});
		}
		if (purchase.product.id === CUSTOM_FORM_PRODUCT_ID) {
			customForms.push({
				id: String(9_500_001 + customForms.length),
				purchase,
				form_id: '77',
				form_no: 1,
				form_count: 1,
				created: new Date(purchase.created.getTime() + 3_600_000),
				data: { goal: random.pick(['More clients', 'Launch a course', 'Grow my list']), experience_years: String(random.int(0, 15)) },
			});
		}
	}
	const [course, membership, , coaching] = PRODUCTS;
	return {
		vouchers,
		deliveries,
		upgrades: [
			{ id: '9101', auth_key: 'K7QF2M', name: 'Course to Pro Membership', from: course, to: membership, type: 'upgrade', created: at(200) },
			{ id: '9102', auth_key: 'P3ZX8W', name: 'Pro Membership to Coaching', from: membership, to: coaching, type: 'upgrade', created: at(150) },
			{ id: '9103', auth_key: 'D4NV6R', name: 'Coaching to Course (downgrade)', from: coaching, to: course, type: 'downgrade', created: at(100) },
		],
		customForms,
		referrals: new Map(),
		mails: [],
		nextIds: { voucher: 6105, upgradePurchase: 1 },
	};
}
