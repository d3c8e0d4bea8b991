import { DAY_MS } from '../clock';
import { createRandom, type Random } from '../prng';
import { splitAmount, vatRateFor, type AmountSplit } from './money';
import { createEveryday, type Everyday } from './everyday';
import { createExtras, type Extras } from './extras';
import { AFFILIATES, makePerson, type Person } from './people';
import { PARTNER_PRODUCT, PRODUCTS, type Product } from './products';

/**
 * The account's history, generated from a seed: a year of purchases with their buyers and
 * transactions (payments, subscription rebills, instalments, some refunds and chargebacks).
 * Same seed, count and `now` → the same data, so tests can count on it.
 */
export interface Buyer {
	id: string;
	address_id: string;
	created: Date;
	person: Person;
	/** Set by updateBuyer; empty in the seeded data. */
	title?: string;
	company?: string;
	phone_no?: string;
	state?: string;
}

export type TransactionType = 'payment' | 'refund' | 'chargeback';

export interface Transaction {
	id: string;
	purchase: Purchase;
	created: Date;
	type: TransactionType;
	/** Signed cents: refunds and chargebacks are negative. */
	amount: number;
	vat: number;
	earning: number;
	pay_sequence_no: number;
	parent_id: string;
}

export type BillingStatus = 'completed' | 'paying' | 'aborted';

export interface Purchase {
	id: string;
	created: Date;
	product: Product;
	buyer: Buyer;
	/** This account's role in the purchase. */
	role: 'vendor' | 'affiliate';
	affiliate_name: string;
	pay_method: string;
	vat_rate: number;
	split: AmountSplit;
	billing_status: BillingStatus;
	next_payment_at?: Date;
	stopped_at?: Date;
	transactions: Transaction[];
	/** Credit added with addBalanceToPurchase, billed with the next payments (cents, never below 0). */
	balance?: number;
	/** Set by updatePurchase. */
	custom?: string;
	trackingkey?: string;
	invoices_unlocked?: boolean;
	/** The order this one upgraded (createUpgradePurchase). */
	upgraded_from?: Purchase;
	/** When an upgraded order's access ends (the upgrade's delivery_date). */
	delivery_date?: Date;
}

export interface Dataset extends Extras, Everyday {
	/** What `from=start` means: when the account was created. */
	accountStart: Date;
	buyers: Buyer[];
	/** Oldest first. */
	purchases: Purchase[];
	/** Oldest first, ids ascending. */
	transactions: Transaction[];
	purchaseById: Map<string, Purchase>;
	buyerById: Map<string, Buyer>;
	/** The id the next transaction created at run time (refunds) gets. */
	nextTransactionId: number;
}

export interface SeedOptions {
	seed: number;
	purchases: number;
	now: Date;
}

const PAY_METHODS: ReadonlyArray<readonly [string, number]> = [
	['creditcard', 45],
	['paypal', 35],
	['banktransfer', 8],
	['klarna', 6],
	['ELV', 5],
	['test', 1],
];
const PRODUCT_WEIGHTS: ReadonlyArray<readonly [Product, number]> = [
	[PRODUCTS[0], 30],
	[PRODUCTS[1], 20],
	[PRODUCTS[2], 15],
	[PRODUCTS[3], 8],
	[PRODUCTS[4], 17],
	[PARTNER_PRODUCT, 10],
];
const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const FIRST_TRANSACTION_ID = 40_000_001;

export function createDataset({ seed, purchases: count, now }: SeedOptions): Dataset {
	const random = createRandom(seed);
	const end = now.getTime() - 60_000;
	const start = now.getTime() - 365 * DAY_MS;
	const times = Array.from({ length: count }, () => start + Math.floor(random.next() * (end - start))).sort((a, b) => a - b);
	const buyers: Buyer[] = [];
	const usedIds = new Set<string>();
	const purchases = times.map((time) => createPurchase(random, new Date(time), now, buyers, usedIds));
	const transactions = purchases
		.flatMap((purchase) => purchase.transactions)
		.sort((a, b) => a.created.getTime() - b.created.getTime());
	transactions.forEach((transaction, index) => (transaction.id = String(FIRST_TRANSACTION_ID + index)));
	for (const purchase of purchases) linkParents(purchase);
	return {
		accountStart: new Date(now.getTime() - 400 * DAY_MS),
		buyers,
		purchases,
		transactions,
		purchaseById: new Map(purchases.map((purchase) => [purchase.id, purchase])),
		buyerById: new Map(buyers.map((buyer) => [buyer.id, buyer])),
		nextTransactionId: FIRST_TRANSACTION_ID + transactions.length,
		...createExtras(seed, purchases, now),
		...createEveryday(seed, purchases, now),
	};
}

function createPurchase(random: Random, created: Date, now: Date, buyers: Buyer[], usedIds: Set<string>): Purchase {
	const product = random.weighted(PRODUCT_WEIGHTS);
	const role = product.owner ? 'affiliate' : 'vendor';
	const buyer = buyers.length > 0 && random.chance(0.2) ? random.pick(buyers) : newBuyer(random, created, buyers);
	const affiliate_name = role === 'affiliate' ? 'emuvendor' : random.chance(0.25) ? random.pick(AFFILIATES) : '';
	const vat_rate = vatRateFor(buyer.person.place.country);
	const purchase: Purchase = {
		id: uniqueId(random, usedIds),
		created,
		product,
		buyer,
		role,
		affiliate_name,
		pay_method: random.weighted(PAY_METHODS),
		vat_rate,
		split: splitAmount(product.price, vat_rate, affiliate_name ? (role === 'affiliate' ? 0.4 : 0.3) : 0),
		billing_status: 'completed',
		transactions: [],
	};
	schedule(random, purchase, now);
	return purchase;
}

function newBuyer(random: Random, created: Date, buyers: Buyer[]): Buyer {
	const index = buyers.length;
	const buyer = {
		id: String(333_001 + index),
		address_id: String(777_001 + index),
		created,
		person: makePerson(random, String(index + 1)),
	};
	buyers.push(buyer);
	return buyer;
}

function uniqueId(random: Random, used: Set<string>): string {
	for (;;) {
		const id = random.chars(8, ID_ALPHABET);
		if (!used.has(id)) {
			used.add(id);
			return id;
		}
	}
}

/** Payments as the billing type dictates, cut short by a refund, chargeback or cancellation. */
function schedule(random: Random, purchase: Purchase, now: Date): void {
	const { product } = purchase;
	const nowMs = now.getTime();
	const due: Date[] = [];
	const limit = product.billing_type === 'single_payment' ? 1 : product.billing_type === 'installment' ? product.number_of_installments : Infinity;
	for (let k = 0; k < limit; k++) {
		const at = addMonths(purchase.created, k);
		if (at.getTime() >= nowMs) break;
		due.push(at);
		if (product.billing_type === 'subscription' && random.chance(0.07)) {
			// The buyer cancels some days after this payment; a cancellation still ahead has not happened yet.
			const stopAt = at.getTime() + random.int(1, 25) * DAY_MS;
			if (stopAt < nowMs) purchase.stopped_at = new Date(stopAt);
			break;
		}
	}
	let reversal: { type: TransactionType; at: Date } | undefined;
	if (random.chance(0.04)) reversal = { type: 'refund', at: new Date(purchase.created.getTime() + random.int(1, 14 * 24) * 3_600_000) };
	else if (random.chance(0.012)) reversal = { type: 'chargeback', at: new Date(purchase.created.getTime() + random.int(5, 40) * DAY_MS) };
	if (reversal && reversal.at.getTime() >= nowMs) reversal = undefined;

	const payments = reversal ? due.filter((at) => at.getTime() < reversal!.at.getTime()) : due;
	payments.forEach((at, index) => purchase.transactions.push(transaction(purchase, 'payment', at, index + (product.billing_type === 'single_payment' ? 0 : 1))));
	if (reversal) {
		const reversed = transaction(purchase, reversal.type, reversal.at, 0);
		purchase.transactions.push(reversed);
		purchase.billing_status = 'aborted';
		purchase.stopped_at = reversal.at;
	} else if (purchase.stopped_at) {
		purchase.billing_status = 'aborted';
	} else if (product.billing_type === 'subscription' || payments.length < limit) {
		purchase.billing_status = 'paying';
		purchase.next_payment_at = addMonths(purchase.created, payments.length);
	}
}

export function transaction(purchase: Purchase, type: TransactionType, created: Date, pay_sequence_no: number): Transaction {
	const sign = type === 'payment' ? 1 : -1;
	const { split, role } = purchase;
	return {
		id: '',
		purchase,
		created,
		type,
		amount: sign * split.gross,
		vat: sign * split.vat,
		earning: sign * (role === 'affiliate' ? split.affiliate : split.vendor),
		pay_sequence_no,
		parent_id: '',
	};
}

/** A refund or chargeback points at the payment it reverses, known once ids are assigned. */
function linkParents(purchase: Purchase): void {
	const payments = purchase.transactions.filter((t) => t.type === 'payment');
	for (const t of purchase.transactions) if (t.type !== 'payment') t.parent_id = payments[payments.length - 1]?.id ?? '';
}

export function addMonths(date: Date, months: number): Date {
	const result = new Date(date.getTime());
	const day = result.getUTCDate();
	result.setUTCDate(1);
	result.setUTCMonth(result.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
	result.setUTCDate(Math.min(day, lastDay));
	return result;
}
