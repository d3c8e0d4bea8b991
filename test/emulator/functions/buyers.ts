import { apiErrors } from '../errors';
import type { Buyer } from '../data/seed';
import { object, text } from './params';
import { paginate } from './listing';
import type { CallContext, FunctionTable } from './types';
import { buyerView } from './views';

/** Buyers: listBuyers pages (page_size 100 by default), updateBuyer changes the record for real. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UPDATABLE = ['email', 'first_name', 'last_name', 'salutation', 'title', 'company', 'street_name', 'street_number', 'phone_number', 'city', 'zipcode', 'state', 'country'];

export const buyerFunctions: FunctionTable = {
	getBuyer: {
		writes: false,
		params: ['buyer_id'],
		required: ['buyer_id'],
		handler: (ctx) => buyerView(findBuyer(ctx)),
	},
	listBuyers: {
		writes: false,
		params: ['page_no', 'page_size'],
		handler: (ctx) => {
			const { items, ...paging } = paginate(ctx, ctx.state.data.buyers, 100, buyerView);
			return { items, ...paging };
		},
	},
	updateBuyer: {
		writes: true,
		params: ['buyer_id', 'data'],
		required: ['buyer_id', 'data'],
		handler: (ctx) => {
			const buyer = findBuyer(ctx);
			const data = object(ctx.params, 'data');
			const unknown = Object.keys(data).find((key) => !UPDATABLE.includes(key));
			if (unknown) throw apiErrors.invalidParameter(`data[${unknown}]`, data[unknown], `expected one of ${UPDATABLE.join(', ')}`);
			if (data.email !== undefined && !EMAIL.test(data.email.trim())) throw apiErrors.invalidParameter('data[email]', data.email, 'expected an email address');
			if (data.salutation !== undefined && !['', 'M', 'F'].includes(data.salutation)) throw apiErrors.invalidParameter('data[salutation]', data.salutation, "expected '', M or F");
			if (data.country !== undefined && !/^[A-Z]{2}$/.test(data.country)) throw apiErrors.invalidParameter('data[country]', data.country, 'expected a two-letter ISO country code');
			const before = JSON.stringify(buyerView(buyer));
			apply(buyer, data);
			const after = buyerView(buyer);
			return { modified: JSON.stringify(after) === before ? 'N' : 'Y', buyer: after };
		},
	},
};

function findBuyer({ params, state }: CallContext): Buyer {
	const id = text(params, 'buyer_id')!.trim();
	const buyer = state.data.buyerById.get(id);
	if (!buyer) throw apiErrors.notFound('Buyer', id);
	return buyer;
}

/** Person and place are shared records: copy before changing. */
function apply(buyer: Buyer, data: Record<string, string>): void {
	const person = { ...buyer.person, place: { ...buyer.person.place } };
	if (data.email !== undefined) person.email = data.email.trim();
	if (data.first_name !== undefined) person.first_name = data.first_name;
	if (data.last_name !== undefined) person.last_name = data.last_name;
	if (data.salutation !== undefined) person.salutation = data.salutation as 'M' | 'F';
	if (data.street_name !== undefined) person.place.street_name = data.street_name;
	if (data.street_number !== undefined) person.street_number = data.street_number;
	if (data.city !== undefined) person.place.city = data.city;
	if (data.zipcode !== undefined) person.place.zipcode = data.zipcode;
	if (data.country !== undefined) person.place.country = data.country;
	buyer.person = person;
	if (data.title !== undefined) buyer.title = data.title;
	if (data.company !== undefined) buyer.company = data.company;
	if (data.phone_number !== undefined) buyer.phone_no = data.phone_number;
	if (data.state !== undefined) buyer.state = data.state;
}
