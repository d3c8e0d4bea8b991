import { berlinDate, DAY_MS, fromBerlin } from '../clock';
import { createRandom } from '../prng';
import { AFFILIATES } from './people';
import { PRODUCTS, type Product } from './products';
import type { Buyer, Purchase } from './seed';

/**
 * What the account has besides purchases and transactions: e-ticket locations, templates and the
 * tickets of the e-ticket product's purchases, buy URLs, affiliates with their affiliations,
 * affiliate assignments for e-mail addresses and the history of rebilling status changes.
 * Derived from the seeded purchases with a PRNG of its own, so the purchase data stays the same.
 */
export interface EticketLocation {
	id: string;
	name: string;
	address: string;
	city: string;
	country: string;
}

export interface EticketTemplate {
	id: string;
	name: string;
	created_at: string;
	modified_at: string;
}

export interface Eticket {
	/** 20 digits, as at Digistore24. */
	id: string;
	no: number;
	count: number;
	/** Empty for free tickets made with createEticket. */
	purchase?: Purchase;
	product: Product;
	location_id: string;
	template_id: string;
	/** Event day, Berlin `YYYY-MM-DD`. */
	date: string;
	days: number;
	hint: string;
	note: string;
	email: string;
	first_name: string;
	last_name: string;
	salutation: string;
	title: string;
	language: string;
	created: Date;
	used_at?: Date;
	is_blocked: boolean;
}

export interface BuyUrl {
	id: string;
	product: Product;
	url: string;
	created: Date;
	/** Undefined: valid forever. */
	valid_until?: Date;
	buyer: Record<string, string>;
	payment_plan: Record<string, string>;
	tracking: Record<string, string>;
	urls: Record<string, string>;
	settings: Record<string, string>;
}

export interface Affiliation {
	commission_rate: number;
	commission_fix: number;
	approval_status: 'approved' | 'pending' | 'rejected';
}

export interface Affiliate {
	id: string;
	name: string;
	email: string;
	created: Date;
	/** By product id. */
	affiliations: Map<string, Affiliation>;
}

export interface AffiliateAssignment {
	email: string;
	affiliate: Affiliate;
	campaignkey: string;
	trackingkey: string;
	click_id: string;
	created: Date;
}

export type RebillingChangeType = 'started' | 'stopped' | 'resumed' | 'completed';

export interface RebillingChange {
	id: string;
	created: Date;
	purchase: Purchase;
	type: RebillingChangeType;
	old_status: string;
	new_status: string;
	/** billing_stop_reason for stops (by_buyer, by_refund, by_chargeback, by_operator). */
	reason: string;
}

export interface Extras {
	locations: EticketLocation[];
	templates: EticketTemplate[];
	etickets: Eticket[];
	eticketById: Map<string, Eticket>;
	buyUrls: BuyUrl[];
	affiliates: Affiliate[];
	affiliateEmails: Map<string, AffiliateAssignment>;
	rebillingChanges: RebillingChange[];
	/** Next ids for records created at run time. */
	next: { buyUrl: number };
}

export const ETICKET_PRODUCT_ID = '512349';
export const LOCATIONS: readonly EticketLocation[] = [
	{ id: '3101', name: 'Berlin Congress Center', address: 'Alexanderstraße 11, 10178 Berlin', city: 'Berlin', country: 'DE' },
	{ id: '3102', name: 'Hamburg Harbour Hall', address: 'Am Sandtorkai 4, 20457 Hamburg', city: 'Hamburg', country: 'DE' },
	{ id: '3103', name: 'Wiener Stadthalle', address: 'Roland-Rainer-Platz 1, 1150 Wien', city: 'Wien', country: 'AT' },
];
export const TEMPLATES: readonly EticketTemplate[] = [
	{ id: '4201', name: 'Standard ticket', created_at: '2024-11-04 10:20:00', modified_at: '2025-02-01 09:00:00' },
	{ id: '4202', name: 'VIP ticket', created_at: '2024-11-04 10:25:00', modified_at: '2025-02-01 09:05:00' },
];

/** Affiliations per affiliate (product id → commission); everything else is approved at 30 %. */
const AFFILIATION_EXCEPTIONS: Record<string, Record<string, Affiliation>> = {
	coachfinder: { '512348': { commission_rate: 40, commission_fix: 0, approval_status: 'approved' } },
	webinarking: { '512349': { commission_rate: 20, commission_fix: 10, approval_status: 'approved' } },
	dealhunter24: {
		'512348': { commission_rate: 30, commission_fix: 0, approval_status: 'pending' },
		'512346': { commission_rate: 30, commission_fix: 0, approval_status: 'rejected' },
	},
};

export function createExtras(seed: number, purchases: readonly Purchase[], now: Date): Extras {
	const random = createRandom((seed ^ 0xe7c4) >>> 0);
	const etickets = createEtickets(random, purchases, now);
	return {
		locations: LOCATIONS.map((l) => ({ ...l })),
		templates: TEMPLATES.map((t) => ({ ...t })),
		etickets,
		eticketById: new Map(etickets.map((t) => [t.id, t])),
		buyUrls: seedBuyUrls(now),
		affiliates: createAffiliates(now),
		affiliateEmails: new Map(),
		rebillingChanges: createRebillingChanges(purchases),
		next: { buyUrl: 342_033_071 },
	};
}

/** Four summit dates around the data's year; a ticket is for the first one a week after purchase. */
function eventDates(now: Date): string[] {
	return [-200, -100, 20, 120].map((days) => berlinDate(new Date(now.getTime() + days * DAY_MS)));
}

function createEtickets(random: ReturnType<typeof createRandom>, purchases: readonly Purchase[], now: Date): Eticket[] {
	const dates = eventDates(now);
	const used = new Set<string>();
	const tickets: Eticket[] = [];
	for (const purchase of purchases) {
		if (purchase.product.id !== ETICKET_PRODUCT_ID) continue;
		const week = berlinDate(new Date(purchase.created.getTime() + 7 * DAY_MS));
		const date = dates.find((d) => d >= week) ?? dates[dates.length - 1];
		const count = random.chance(0.12) ? 2 : 1;
		const location = LOCATIONS[dates.indexOf(date) % LOCATIONS.length];
		const template = random.chance(0.2) ? TEMPLATES[1] : TEMPLATES[0];
		const blocked = purchase.transactions.some((t) => t.type !== 'payment');
		for (let no = 1; no <= count; no++) {
			const ticket = ticketFor(purchase.buyer, {
				id: uniqueTicketId(random, used),
				no,
				count,
				purchase,
				product: purchase.product,
				location_id: location.id,
				template_id: template.id,
				date,
				days: 2,
				created: purchase.created,
				is_blocked: blocked,
			});
			const [y, m, d] = date.split('-').map(Number);
			const doorsOpen = fromBerlin(y, m, d, 8, random.int(30, 59), random.int(0, 59));
			if (!blocked && doorsOpen.getTime() < now.getTime() && random.chance(0.85)) ticket.used_at = doorsOpen;
			tickets.push(ticket);
		}
	}
	return tickets;
}

type TicketCore = Pick<Eticket, 'id' | 'no' | 'count' | 'purchase' | 'product' | 'location_id' | 'template_id' | 'date' | 'days' | 'created' | 'is_blocked'>;

export function ticketFor(buyer: Buyer | undefined, core: TicketCore, person?: Partial<Pick<Eticket, 'email' | 'first_name' | 'last_name' | 'salutation' | 'title' | 'note'>>): Eticket {
	const p = buyer?.person;
	return {
		...core,
		hint: 'Doors open at 08:30',
		note: person?.note ?? '',
		email: person?.email ?? p?.email ?? '',
		first_name: person?.first_name ?? p?.first_name ?? '',
		last_name: person?.last_name ?? p?.last_name ?? '',
		salutation: person?.salutation ?? p?.salutation ?? '',
		title: person?.title ?? '',
		language: p?.place.language ?? 'de',
	};
}

export function uniqueTicketId(random: ReturnType<typeof createRandom>, used: Set<string>): string {
	for (;;) {
		const id = `${random.int(1, 9)}${random.chars(19, '0123456789')}`;
		if (!used.has(id)) {
			used.add(id);
			return id;
		}
	}
}

function seedBuyUrls(now: Date): BuyUrl[] {
	const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
	const url = (id: string, product: Product) => `https://www.digistore24.com/product/${product.id}?ds24bu=${id}`;
	const [course, membership, toolkit] = PRODUCTS;
	return [
		{ id: '342033068', product: course, url: url('342033068', course), created: at(40), buyer: { email: 'vip.customer@example.com', readonly_keys: 'email' }, payment_plan: { first_amount: '39.00', currency: 'EUR' }, tracking: { custom: 'crm-4711' }, urls: {}, settings: {} },
		{ id: '342033069', product: membership, url: url('342033069', membership), created: at(12), valid_until: at(-18), buyer: {}, payment_plan: { first_amount: '9.00', other_amounts: '19.00', number_of_installments: '0', currency: 'EUR' }, tracking: { affiliate: 'MaxMuster', campaignkey: 'spring' }, urls: {}, settings: {} },
		{ id: '342033070', product: toolkit, url: url('342033070', toolkit), created: at(3), buyer: {}, payment_plan: {}, tracking: { utm_source: 'newsletter' }, urls: { thankyou_url: 'https://example.com/toolkit/welcome' }, settings: {} },
	];
}

function createAffiliates(now: Date): Affiliate[] {
	return AFFILIATES.map((name, index) => {
		const affiliations = new Map<string, Affiliation>();
		for (const product of PRODUCTS) {
			affiliations.set(product.id, AFFILIATION_EXCEPTIONS[name]?.[product.id] ?? { commission_rate: 30, commission_fix: 0, approval_status: 'approved' });
		}
		return { id: String(41_600_001 + index), name, email: `${name.toLowerCase()}@affiliates.example.com`, created: new Date(now.getTime() - (380 - index * 40) * DAY_MS), affiliations };
	});
}

/** Subscriptions and instalment plans start, end after the last instalment, or are stopped. */
function createRebillingChanges(purchases: readonly Purchase[]): RebillingChange[] {
	const changes: Array<Omit<RebillingChange, 'id'>> = [];
	for (const purchase of purchases) {
		if (purchase.product.billing_type === 'single_payment') continue;
		changes.push({ created: purchase.created, purchase, type: 'started', old_status: '', new_status: 'paying', reason: '' });
		const payments = purchase.transactions.filter((t) => t.type === 'payment');
		if (purchase.billing_status === 'completed' && payments.length > 0) {
			changes.push({ created: payments[payments.length - 1].created, purchase, type: 'completed', old_status: 'paying', new_status: 'completed', reason: '' });
		} else if (purchase.billing_status === 'aborted' && purchase.stopped_at) {
			const reversal = purchase.transactions.find((t) => t.type !== 'payment');
			const reason = reversal ? `by_${reversal.type}` : 'by_buyer';
			changes.push({ created: purchase.stopped_at, purchase, type: 'stopped', old_status: 'paying', new_status: 'aborted', reason });
		}
	}
	changes.sort((a, b) => a.created.getTime() - b.created.getTime());
	return changes.map((change, index) => ({ id: String(7_100_001 + index), ...change }));
}

/** A license key per purchase, the same on every run: four groups of four. */
export function licenseKeyFor(purchaseId: string): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	let hash = 0x811c9dc5;
	let key = '';
	for (let group = 0; group < 4; group++) {
		for (let i = 0; i < 4; i++) {
			for (const char of `${purchaseId}:${group}:${i}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
			key += alphabet[hash % alphabet.length];
		}
		if (group < 3) key += '-';
	}
	return key;
}

/** The files a product delivers (none for the e-ticket). */
export const DOWNLOADS: Record<string, Array<{ file_name: string; headline: string; file_size: number }>> = {
	'512345': [
		{ file_name: 'course-basic-workbook.pdf', headline: 'Course workbook', file_size: 2_348_112 },
		{ file_name: 'course-basic-videos.zip', headline: 'All course videos', file_size: 734_003_200 },
	],
	'512346': [{ file_name: 'pro-members-handbook.pdf', headline: 'Members handbook', file_size: 1_204_331 }],
	'512347': [{ file_name: 'marketing-toolkit.zip', headline: 'Marketing Toolkit', file_size: 58_720_256 }],
	'512348': [{ file_name: 'coaching-workbook.pdf', headline: 'Coaching workbook', file_size: 3_112_960 }],
	'600123': [{ file_name: 'partner-ebook.epub', headline: 'Partner E-Book', file_size: 4_404_019 }],
};
