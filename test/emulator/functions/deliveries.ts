import { berlinDate, berlinDateTime, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import type { Delivery, DeliveryType, Parcel } from '../data/everyday';
import { flag, integer, object, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * Deliveries of the product that ships. getDelivery with set_in_progress marks a requested
 * delivery as in progress (a change, so it needs full access); updateDelivery sets the status
 * and tracking and, unless notify_via_email=N, emails the buyer.
 */
const TYPES: readonly DeliveryType[] = ['request', 'in_progress', 'delivery', 'partial_delivery', 'return', 'cancel'];

export const deliveryFunctions: FunctionTable = {
	listDeliveries: {
		writes: false,
		// purchase_id from GoSuccess's client; Digistore24's OpenAPI lists no parameters.
		params: ['purchase_id'],
		handler: ({ params, state }) => {
			const id = text(params, 'purchase_id')?.trim();
			return { deliveries: state.data.deliveries.filter((d) => !id || d.purchase.id === id).map(deliveryView) };
		},
	},
	getDelivery: {
		// Reads unless set_in_progress is on; the server checks the key's permission then (below).
		writes: false,
		params: ['delivery_id', 'set_in_progress'],
		required: ['delivery_id'],
		handler: (ctx) => {
			const delivery = findDelivery(ctx);
			if (!flag(ctx.params, 'set_in_progress')) return { delivery: deliveryView(delivery) };
			if (ctx.key.permission !== 'writable') throw apiErrors.permissionDenied('getDelivery(set_in_progress)');
			const set = delivery.type === 'request';
			if (set) {
				delivery.type = 'in_progress';
				delivery.modified = ctx.now;
			}
			return {
				delivery: deliveryView(delivery),
				is_set_in_progress: set ? 'Y' : 'N',
				set_in_progress_fail_reason: set ? '' : `The delivery is ${delivery.type}, not requested.`,
			};
		},
	},
	updateDelivery: {
		writes: true,
		params: ['delivery_id', 'data', 'tracking', 'notify_via_email'],
		required: ['delivery_id'],
		handler: (ctx) => {
			const delivery = findDelivery(ctx);
			const data = object(ctx.params, 'data');
			if (data.type !== undefined) {
				if (!TYPES.includes(data.type as DeliveryType)) throw apiErrors.invalidParameter('data[type]', data.type, `expected one of ${TYPES.join(', ')}`);
				delivery.type = data.type as DeliveryType;
			}
			if (data.is_shipped !== undefined) delivery.type = ['y', '1', 'true'].includes(data.is_shipped.toLowerCase()) ? 'delivery' : 'cancel';
			if (data.quantity_delivered !== undefined) delivery.quantity_delivered = integer({ q: data.quantity_delivered }, 'q', 0, 0);
			if (data.add_quantity_delivered !== undefined) delivery.quantity_delivered += integer({ q: data.add_quantity_delivered }, 'q', 0, 0);
			if (delivery.type === 'delivery' && data.quantity_delivered === undefined) delivery.quantity_delivered = delivery.quantity;
			for (const parcel of parcelsOf(ctx)) {
				const existing = delivery.tracking.findIndex((p) => p.tracking_id === parcel.tracking_id);
				if (parcel.operation === 'delete') {
					if (existing >= 0) delivery.tracking.splice(existing, 1);
				} else if (existing >= 0) delivery.tracking[existing] = parcel.value;
				else delivery.tracking.push(parcel.value);
			}
			delivery.modified = ctx.now;
			const notify = flag(ctx.params, 'notify_via_email', true);
			if (notify) ctx.state.data.mails.push({ at: ctx.now, type: 'delivery_update', purchase_id: delivery.purchase.id, to: delivery.purchase.buyer.person.email });
			return { modified: 'Y', buyer_notified: notify ? 'Y' : 'N', delivery: deliveryView(delivery) };
		},
	},
};

function findDelivery({ params, state }: CallContext): Delivery {
	const id = text(params, 'delivery_id')!.trim();
	const delivery = state.data.deliveries.find((d) => d.id === id);
	if (!delivery) throw apiErrors.notFound('Delivery', id);
	return delivery;
}

/** `tracking[0][tracking_id]=…` etc.; each entry needs a tracking_id. */
function parcelsOf(ctx: CallContext): Array<{ operation: string; tracking_id: string; value: Parcel }> {
	const raw = ctx.params.tracking;
	if (raw === undefined) return [];
	if (typeof raw !== 'object' || raw === null) throw apiErrors.invalidParameter('tracking', String(raw), 'expected tracking[0][tracking_id]=…');
	return Object.entries(raw).map(([index, entry]) => {
		const e = (entry ?? {}) as Record<string, string>;
		const id = typeof e.tracking_id === 'string' ? e.tracking_id.trim() : '';
		if (!id) throw apiErrors.missingParameter(ctx.fn, `tracking[${index}][tracking_id]`);
		const expected = e.expect_delivery_at?.trim();
		const date = expected ? parseDateParam(expected, ctx.now, ctx.state.data.accountStart, 'from') : undefined;
		if (expected && !date) throw apiErrors.invalidParameter(`tracking[${index}][expect_delivery_at]`, expected, 'expected YYYY-MM-DD');
		return {
			operation: e.operation?.trim() || 'create_or_update',
			tracking_id: id,
			value: { tracking_id: id, parcel_service: e.parcel_service?.trim() ?? '', expect_delivery_at: date ? berlinDate(date) : '', quantity: Number(e.quantity) || 0 },
		};
	});
}

function deliveryView(d: Delivery) {
	const { person } = d.purchase.buyer;
	return {
		id: d.id,
		purchase_id: d.purchase.id,
		product_id: d.purchase.product.id,
		product_name: d.purchase.product.name,
		type: d.type,
		quantity: String(d.quantity),
		quantity_delivered: String(d.quantity_delivered),
		created_at: berlinDateTime(d.created),
		modified_at: berlinDateTime(d.modified),
		email: person.email,
		first_name: person.first_name,
		last_name: person.last_name,
		street: `${person.place.street_name} ${person.street_number}`,
		zipcode: person.place.zipcode,
		city: person.place.city,
		country: person.place.country,
		tracking: d.tracking.map((p) => ({ parcel_service: p.parcel_service, tracking_id: p.tracking_id, expect_delivery_at: p.expect_delivery_at, quantity: String(p.quantity || d.quantity) })),
	};
}
