import { berlinDate, berlinDateTime, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import { ETICKET_PRODUCT_ID, ticketFor, uniqueTicketId, type Eticket } from '../data/extras';
import { PRODUCTS } from '../data/products';
import { integer, list, object, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * E-tickets of the event product: read them, list them (with `search[...]`), create free ones and
 * validate them at the door. validateEticket marks a valid ticket as used, so the second
 * validation of the same ticket says it was already used.
 */
export const eticketFunctions: FunctionTable = {
	getEticket: {
		writes: false,
		params: ['eticket_id'],
		required: ['eticket_id'],
		handler: ({ params, state }) => {
			const id = text(params, 'eticket_id')!.trim();
			if (!/^\d{20}$/.test(id)) throw apiErrors.invalidParameter('eticket_id', id, 'expected the 20-digit e-ticket id');
			const ticket = state.data.eticketById.get(id);
			if (!ticket) throw apiErrors.notFound('E-ticket', id);
			return { eticket: eticketView(ticket) };
		},
	},
	listEtickets: {
		writes: false,
		params: ['search'],
		handler: (ctx) => {
			const search = object(ctx.params, 'search');
			const anyOf = (name: string) => list(search[name]);
			const tests: Array<(t: Eticket) => boolean> = [];
			const add = (name: string, get: (t: Eticket) => string) => {
				const wanted = anyOf(name);
				if (wanted.length) tests.push((t) => wanted.includes(get(t)));
			};
			add('purchase_id', (t) => t.purchase?.id ?? '');
			add('product_id', (t) => t.product.id);
			add('location_id', (t) => t.location_id);
			add('template_id', (t) => t.template_id);
			add('date', (t) => t.date);
			const email = search.email?.trim().toLowerCase();
			if (email) tests.push((t) => t.email.toLowerCase().includes(email));
			const used = search.is_used?.trim().toUpperCase();
			if (used === 'Y' || used === 'N') tests.push((t) => (t.used_at !== undefined) === (used === 'Y'));
			return { etickets: ctx.state.data.etickets.filter((t) => tests.every((test) => test(t))).map(eticketView) };
		},
	},
	createEticket: {
		writes: true,
		params: ['buyer', 'product_id', 'location_id', 'template_id', 'date', 'days', 'note', 'count'],
		required: ['buyer', 'product_id', 'location_id', 'template_id', 'date'],
		handler: (ctx) => {
			const { params, state } = ctx;
			const buyer = object(params, 'buyer');
			if (!buyer.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(buyer.email.trim())) throw apiErrors.invalidParameter('buyer[email]', buyer.email ?? '', 'expected an email address');
			if (buyer.salutation && !['m', 'f'].includes(buyer.salutation.toLowerCase())) throw apiErrors.invalidParameter('buyer[salutation]', buyer.salutation, 'expected m or f');
			const productId = text(params, 'product_id')!.trim();
			const product = PRODUCTS.find((p) => p.id === productId);
			if (!product) throw apiErrors.notFound('Product', productId);
			if (product.product_type !== 'eticket') throw apiErrors.invalidParameter('product_id', productId, `an e-ticket product such as ${ETICKET_PRODUCT_ID}`);
			const location = checkLocation(ctx, text(params, 'location_id')!.trim());
			const template = checkTemplate(ctx, text(params, 'template_id')!.trim());
			const date = eventDate(ctx, text(params, 'date')!.trim());
			const days = integer(params, 'days', 1, 1);
			const count = integer(params, 'count', 1, 1);
			if (count > 100) throw apiErrors.invalidParameter('count', String(count), 'at most 100 e-tickets per call');
			const used = new Set(state.data.eticketById.keys());
			const created: Eticket[] = [];
			for (let no = 1; no <= count; no++) {
				const ticket = ticketFor(
					undefined,
					{ id: uniqueTicketId(state.random, used), no, count, product, location_id: location, template_id: template, date, days, created: ctx.now, is_blocked: false },
					{ email: buyer.email.trim(), first_name: buyer.first_name ?? '', last_name: buyer.last_name ?? '', salutation: (buyer.salutation ?? '').toUpperCase(), title: buyer.title ?? '', note: text(params, 'note') ?? '' },
				);
				state.data.etickets.push(ticket);
				state.data.eticketById.set(ticket.id, ticket);
				created.push(ticket);
			}
			return { etickets: created.map((t) => ({ id: t.id, url: downloadUrl(t), email: t.email })) };
		},
	},
	validateEticket: {
		// Not a read: a valid ticket is marked as used.
		writes: true,
		params: ['eticket_id', 'template_id', 'location_id', 'date', 'seperator'],
		required: ['eticket_id', 'template_id', 'location_id'],
		handler: (ctx) => {
			const { params, state, now } = ctx;
			const id = text(params, 'eticket_id')!.trim();
			const separator = text(params, 'seperator') ?? ' ';
			const answer = (status: string, lines: string[], ticket?: Eticket) => ({
				status,
				msg: lines.join(separator),
				eticket_id: id,
				...(ticket ? { eticket_no: String(ticket.no), first_name: ticket.first_name, last_name: ticket.last_name, email: ticket.email, date: ticket.date, used_at: ticket.used_at ? berlinDateTime(ticket.used_at) : '' } : {}),
			});
			const ticket = state.data.eticketById.get(id);
			if (!ticket) return answer('invalid', ['Unknown e-ticket.', `There is no e-ticket ${id}.`]);
			if (ticket.is_blocked) return answer('blocked', ['E-ticket blocked.', 'The order was refunded or charged back.'], ticket);
			if (ticket.used_at) return answer('used', ['E-ticket already used.', `It was validated on ${berlinDateTime(ticket.used_at)}.`], ticket);
			const locations = list(text(params, 'location_id'));
			const templates = list(text(params, 'template_id'));
			if (!locations.includes(ticket.location_id)) return answer('invalid', ['Wrong location.', `The e-ticket is for location ${ticket.location_id}.`], ticket);
			if (!templates.includes(ticket.template_id)) return answer('invalid', ['Wrong ticket type.', `The e-ticket has template ${ticket.template_id}.`], ticket);
			const dates = list(text(params, 'date') || 'now').map((d) => eventDate(ctx, d));
			if (!dates.some((d) => covers(ticket, d))) return answer('invalid', ['Wrong date.', `The e-ticket is for ${ticket.date}${ticket.days > 1 ? ` (${ticket.days} days)` : ''}.`], ticket);
			ticket.used_at = now;
			return answer('valid', ['E-ticket valid.', `Welcome, ${[ticket.first_name, ticket.last_name].filter(Boolean).join(' ') || ticket.email}!`, 'The e-ticket is now marked as used.'], ticket);
		},
	},
	listEticketLocations: {
		writes: false,
		handler: ({ state }) => ({ locations: state.data.locations.map((l) => ({ ...l, is_active: 'Y' })) }),
	},
	listEticketTemplates: {
		writes: false,
		handler: ({ state }) => ({ templates: state.data.templates.map((t) => ({ ...t, is_active: 'Y' })) }),
	},
	getEticketSettings: {
		writes: false,
		handler: ({ state }) => ({ locations: state.data.locations, templates: state.data.templates }),
	},
};

function checkLocation({ state }: CallContext, id: string): string {
	if (!state.data.locations.some((l) => l.id === id)) throw apiErrors.notFound('E-ticket location', id);
	return id;
}

function checkTemplate({ state }: CallContext, id: string): string {
	if (!state.data.templates.some((t) => t.id === id)) throw apiErrors.notFound('E-ticket template', id);
	return id;
}

/** A Berlin day: `now`, `YYYY-MM-DD` or anything parseDateParam understands. */
function eventDate({ now, state }: CallContext, raw: string): string {
	const date = parseDateParam(raw, now, state.data.accountStart, 'from');
	if (!date) throw apiErrors.invalidParameter('date', raw, 'expected now or a date YYYY-MM-DD');
	return berlinDate(date);
}

function covers(ticket: Eticket, day: string): boolean {
	const [y, m, d] = ticket.date.split('-').map(Number);
	const last = new Date(Date.UTC(y, m - 1, d + ticket.days - 1)).toISOString().slice(0, 10);
	return day >= ticket.date && day <= last;
}

const downloadUrl = (ticket: Eticket) => `https://www.digistore24.com/eticket/file${ticket.id}.pdf`;

function eticketView(ticket: Eticket) {
	return {
		id: ticket.id,
		purchase_id: ticket.purchase?.id ?? '',
		purchase_item_id: ticket.purchase ? `${ticket.purchase.id}-1` : '',
		product_id: ticket.product.id,
		product_name: ticket.product.name,
		download_url: downloadUrl(ticket),
		date_id: `${ticket.location_id}-${ticket.date}`,
		date: ticket.date,
		duration: String(ticket.days),
		hint: ticket.hint,
		location_id: ticket.location_id,
		template_id: ticket.template_id,
		no: String(ticket.no),
		count: String(ticket.count),
		email: ticket.email,
		first_name: ticket.first_name,
		last_name: ticket.last_name,
		salutation: ticket.salutation,
		title: ticket.title,
		language: ticket.language,
		used_at: ticket.used_at ? berlinDateTime(ticket.used_at) : '',
		is_blocked: ticket.is_blocked ? 'Y' : 'N',
		note: ticket.note,
		created_at: berlinDateTime(ticket.created),
	};
}
