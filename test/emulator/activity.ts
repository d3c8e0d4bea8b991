import { DAY_MS } from './clock';
import { splitAmount, vatRateFor } from './data/money';
import { makePerson } from './data/people';
import { PRODUCTS, type Product } from './data/products';
import { transaction, type Buyer, type Purchase, type Transaction, type TransactionType } from './data/seed';
import { record } from './functions/rebilling';
import { createRandom, type Random } from './prng';
import type { EmulatorState } from './state';

/**
 * A moving account for polling tests (`POST /__emulator/activity`): sales, rebills, refunds,
 * chargebacks and cancellations booked over time the way Digistore24 books them — each with its
 * own created_at, some back-dated into a window a poller has already read (a refund booked with an
 * earlier request date, a payment confirmed late) — or, with `pastSeconds`, history booked at once
 * at times spread over the past. `GET /__emulator/activity` lists every record made, so a test
 * knows exactly which runs to expect.
 */
export interface ActivityPlan {
	sales?: number;
	rebills?: number;
	refunds?: number;
	chargebacks?: number;
	cancellations?: number;
	/** Spread the events over this long from now (0: all at once). */
	durationMs?: number;
	/** Share of events back-dated by `backdateSeconds` [min, max] (default 0). */
	backdatedShare?: number;
	backdateSeconds?: [number, number];
	/** History instead: created_at spread over [now − from, now − to] seconds, booked at once. */
	pastSeconds?: [number, number];
	/** Only these products for sales (default: the account's own products, weighted like the seed). */
	productIds?: string[];
	seed?: number;
}

export type ActivityKind = 'sale' | 'rebill' | 'refund' | 'chargeback' | 'cancellation';

export interface ActivityRecord {
	kind: ActivityKind;
	/** transaction id, or the status change id for a cancellation. */
	id: string;
	source: 'transaction' | 'rebillingChange';
	purchase_id: string;
	created: string;
	backdated: boolean;
}

export interface ActivityRun {
	planned: number;
	records: ActivityRecord[];
	done: boolean;
	stop(): void;
}

const OWN_PRODUCTS: ReadonlyArray<readonly [Product, number]> = [
	[PRODUCTS[0], 30],
	[PRODUCTS[1], 20],
	[PRODUCTS[2], 15],
	[PRODUCTS[3], 8],
	[PRODUCTS[4], 17],
];
const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const runs = new WeakMap<EmulatorState, ActivityRun[]>();
/** The sales an activity made (refunds and chargebacks reverse these). */
const made = new WeakMap<EmulatorState, Purchase[]>();
/** Subscriptions already cancelled by an activity. */
const taken = new WeakMap<EmulatorState, Set<string>>();

export function activityOf(state: EmulatorState): ActivityRun[] {
	return runs.get(state) ?? [];
}

export function stopActivity(state: EmulatorState): void {
	for (const run of activityOf(state)) run.stop();
	runs.delete(state);
	made.delete(state);
	taken.delete(state);
}

export function startActivity(state: EmulatorState, plan: ActivityPlan): ActivityRun {
	const random = createRandom(plan.seed ?? 4242 + activityOf(state).length);
	const kinds = timeline(random, plan);
	const duration = plan.pastSeconds ? 0 : Math.max(0, plan.durationMs ?? 0);
	const run: ActivityRun = { planned: kinds.length, records: [], done: kinds.length === 0, stop: () => undefined };
	runs.set(state, [...activityOf(state), run]);
	const book = (index: number) => {
		const at = bookingTime(state, random, plan, index, kinds.length);
		const made = perform(state, random, plan, kinds[index], at.time);
		if (made) run.records.push({ ...made, backdated: at.backdated });
	};
	if (duration === 0) {
		kinds.forEach((_, index) => book(index));
		run.done = true;
		return run;
	}
	// Evenly spread with jitter, like orders trickling in.
	const started = Date.now();
	let next = 0;
	const timer = setInterval(() => {
		const due = Math.min(kinds.length, Math.floor(((Date.now() - started) / duration) * kinds.length) + 1);
		while (next < due) book(next++);
		if (next >= kinds.length) {
			run.done = true;
			clearInterval(timer);
		}
	}, Math.max(20, Math.min(500, duration / Math.max(1, kinds.length))));
	run.stop = () => {
		clearInterval(timer);
		run.done = true;
	};
	return run;
}

/** The order of events: reversals only after a third of the sales, so they have something to reverse. */
function timeline(random: Random, plan: ActivityPlan): ActivityKind[] {
	const sales: ActivityKind[] = Array(plan.sales ?? 0).fill('sale');
	const others: ActivityKind[] = [
		...Array(plan.rebills ?? 0).fill('rebill'),
		...Array(plan.refunds ?? 0).fill('refund'),
		...Array(plan.chargebacks ?? 0).fill('chargeback'),
		...Array(plan.cancellations ?? 0).fill('cancellation'),
	];
	const head = sales.splice(0, Math.ceil(sales.length / 3));
	const tail = shuffle(random, [...sales, ...others]);
	return [...head, ...tail];
}

function shuffle<T>(random: Random, list: T[]): T[] {
	for (let i = list.length - 1; i > 0; i--) {
		const j = random.int(0, i);
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}

function bookingTime(state: EmulatorState, random: Random, plan: ActivityPlan, index: number, count: number): { time: Date; backdated: boolean } {
	const now = state.now().getTime();
	if (plan.pastSeconds) {
		const [from, to] = plan.pastSeconds;
		// Ascending in time, a little jitter, never in the future.
		const span = (from - to) * 1000;
		const at = now - from * 1000 + Math.floor((span * (index + random.next())) / Math.max(1, count));
		return { time: new Date(Math.min(at, now - to * 1000)), backdated: false };
	}
	if (plan.backdatedShare && random.chance(plan.backdatedShare)) {
		const [min, max] = plan.backdateSeconds ?? [60, 300];
		return { time: new Date(now - random.int(min, max) * 1000), backdated: true };
	}
	return { time: new Date(now), backdated: false };
}

type Made = Omit<ActivityRecord, 'backdated'>;

function perform(state: EmulatorState, random: Random, plan: ActivityPlan, kind: ActivityKind, at: Date): Made | undefined {
	switch (kind) {
		case 'sale':
			return sale(state, random, plan, at);
		case 'rebill':
			return rebill(state, random, at);
		case 'refund':
		case 'chargeback':
			return reversal(state, random, kind, at);
		case 'cancellation':
			return cancellation(state, random, at);
	}
}

function sale(state: EmulatorState, random: Random, plan: ActivityPlan, at: Date): Made {
	const { data } = state;
	const products = plan.productIds?.length ? OWN_PRODUCTS.filter(([p]) => plan.productIds!.includes(p.id)) : OWN_PRODUCTS;
	const product = random.weighted(products.length ? products : OWN_PRODUCTS);
	const buyer = newBuyer(state, random, at);
	const affiliate_name = random.chance(0.25) ? random.pick(['MaxMuster', 'toolpartner', 'coachfinder']) : '';
	const vat_rate = vatRateFor(buyer.person.place.country);
	const purchase: Purchase = {
		id: uniquePurchaseId(state, random),
		created: at,
		product,
		buyer,
		role: 'vendor',
		affiliate_name,
		pay_method: random.weighted([['creditcard', 45], ['paypal', 35], ['banktransfer', 8], ['klarna', 6], ['ELV', 5]] as const),
		vat_rate,
		split: splitAmount(product.price, vat_rate, affiliate_name ? 0.3 : 0),
		billing_status: product.billing_type === 'single_payment' ? 'completed' : 'paying',
		next_payment_at: product.billing_type === 'single_payment' ? undefined : new Date(at.getTime() + 30 * DAY_MS),
		transactions: [],
	};
	data.purchases.push(purchase);
	data.purchaseById.set(purchase.id, purchase);
	made.set(state, [...(made.get(state) ?? []), purchase]);
	const payment = book(state, purchase, 'payment', at, product.billing_type === 'single_payment' ? 0 : 1);
	if (product.billing_type !== 'single_payment') record(data, at, purchase, 'started', '', 'paying', '');
	return { kind: 'sale', id: payment.id, source: 'transaction', purchase_id: purchase.id, created: at.toISOString() };
}

/** The next payment of a running subscription from the account's history. */
function rebill(state: EmulatorState, random: Random, at: Date): Made | undefined {
	const purchase = pickPaying(state, random, 'subscription');
	if (!purchase) return undefined;
	const sequence = purchase.transactions.filter((t) => t.type === 'payment').length + 1;
	const payment = book(state, purchase, 'payment', at, sequence);
	purchase.next_payment_at = new Date(at.getTime() + 30 * DAY_MS);
	return { kind: 'rebill', id: payment.id, source: 'transaction', purchase_id: purchase.id, created: at.toISOString() };
}

/**
 * A refund or chargeback of one of this activity's single-payment sales (a subscription's would
 * also stop its rebilling, which is a status change of its own).
 */
function reversal(state: EmulatorState, random: Random, type: 'refund' | 'chargeback', at: Date): Made | undefined {
	const open = (made.get(state) ?? []).filter((p) => p.product.billing_type === 'single_payment' && p.transactions.every((t) => t.type === 'payment'));
	if (open.length === 0) return undefined;
	const purchase = random.pick(open);
	const payment = purchase.transactions[0];
	// Never booked before the payment it reverses.
	const when = at.getTime() < payment.created.getTime() ? new Date(payment.created.getTime() + 1000) : at;
	const reversed = book(state, purchase, type, when, payment.pay_sequence_no);
	reversed.parent_id = payment.id;
	purchase.billing_status = 'aborted';
	purchase.stopped_at = when;
	return { kind: type, id: reversed.id, source: 'transaction', purchase_id: purchase.id, created: when.toISOString() };
}

/** The buyer cancels a running subscription from the account's history. */
function cancellation(state: EmulatorState, random: Random, at: Date): Made | undefined {
	const purchase = pickPaying(state, random, 'subscription', true);
	if (!purchase) return undefined;
	purchase.billing_status = 'aborted';
	purchase.stopped_at = at;
	purchase.next_payment_at = undefined;
	record(state.data, at, purchase, 'stopped', 'paying', 'aborted', 'by_buyer');
	const change = state.data.rebillingChanges[state.data.rebillingChanges.length - 1];
	return { kind: 'cancellation', id: change.id, source: 'rebillingChange', purchase_id: purchase.id, created: at.toISOString() };
}

/** A paying purchase from the seeded history; `exclusive` ones are not picked again. */
function pickPaying(state: EmulatorState, random: Random, billingType: Product['billing_type'], exclusive = false): Purchase | undefined {
	const used = taken.get(state) ?? new Set<string>();
	taken.set(state, used);
	const candidates = state.data.purchases.filter((p) => p.billing_status === 'paying' && p.product.billing_type === billingType && p.role === 'vendor' && !used.has(p.id));
	if (candidates.length === 0) return undefined;
	const purchase = random.pick(candidates);
	if (exclusive) used.add(purchase.id);
	return purchase;
}

function book(state: EmulatorState, purchase: Purchase, type: TransactionType, at: Date, sequence: number): Transaction {
	const booked = transaction(purchase, type, at, sequence);
	booked.id = String(state.data.nextTransactionId++);
	purchase.transactions.push(booked);
	state.data.transactions.push(booked);
	return booked;
}

function newBuyer(state: EmulatorState, random: Random, at: Date): Buyer {
	const { buyers, buyerById } = state.data;
	const index = buyers.length;
	const buyer: Buyer = { id: String(333_001 + index), address_id: String(777_001 + index), created: at, person: makePerson(random, `a${index + 1}`) };
	buyers.push(buyer);
	buyerById.set(buyer.id, buyer);
	return buyer;
}

function uniquePurchaseId(state: EmulatorState, random: Random): string {
	for (;;) {
		const id = random.chars(8, ID_ALPHABET);
		if (!state.data.purchaseById.has(id)) return id;
	}
}
