import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { collectionParameters, listOutput, pagingFields, unwrapOutput } from './common';
import { dayOf } from './common';
import { deliveryIdField, trimmed } from './objects/ids';
import type { ParameterObject } from '../transport/parameters';
import type { Operation } from './types';

/**
 * Deliveries of physical products: the shipping address and status of each order item that ships,
 * and its parcel tracking. Keys are Digistore24's (its OpenAPI via the official MCP server).
 */
const DELIVERY_TYPES = [
	{ name: 'Cancelled', value: 'cancel' },
	{ name: 'Delivered', value: 'delivery' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Partially Delivered', value: 'partial_delivery' },
	{ name: 'Requested', value: 'request' },
	{ name: 'Returned', value: 'return' },
];

export const deliveryOperations: Operation[] = [
	{
		resource: 'delivery',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many deliveries',
		description: 'List the deliveries of physical products with shipping address, status and tracking (listDeliveries)',
		fn: 'listDeliveries',
		fields: [
			{
				displayName: 'Filters',
				name: 'deliveryFilters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Purchase ID',
						name: 'purchase_id',
						type: 'string',
						default: '',
						description: "Only this order's deliveries. Taken from a PHP client, not from Digistore24's docs: if Digistore24 ignores it, all deliveries are returned.",
					},
				],
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => collectionParameters(ctx, 'deliveryFilters', i),
		output: listOutput(['deliveries', 'items'], { limit: true }),
	},
	{
		resource: 'delivery',
		operation: 'get',
		name: 'Get',
		action: 'Get a delivery',
		description: 'Get one delivery with its shipping address and tracking; optionally mark it as in progress, which changes it (getDelivery)',
		fn: 'getDelivery',
		fields: [
			deliveryIdField(),
			{
				displayName: 'Mark as In Progress',
				name: 'setInProgress',
				type: 'boolean',
				default: false,
				description: 'Whether to mark the delivery as in progress (a change: needs an API key with full access, and the call is then sent only once)',
			},
		],
		parameters: (ctx, i) => ({ delivery_id: trimmed(ctx, 'deliveryId', i), ...(ctx.getNodeParameter('setInProgress', i, false) ? { set_in_progress: true } : {}) }),
		output: unwrapOutput('delivery'),
	},
	{
		resource: 'delivery',
		operation: 'update',
		name: 'Update',
		action: 'Update a delivery',
		description: 'Set the status of a delivery and add a parcel tracking number; Digistore24 emails the buyer unless told not to. Needs an API key with full access (updateDelivery).',
		fn: 'updateDelivery',
		fields: [
			deliveryIdField(),
			{ displayName: 'Status', name: 'deliveryType', type: 'options', default: 'delivery', options: DELIVERY_TYPES, description: 'The new status of the delivery' },
			{
				displayName: 'Tracking',
				name: 'parcels',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Parcel',
				default: {},
				options: [
					{
						displayName: 'Parcel',
						name: 'parcel',
						values: [
							{ displayName: 'Expected Delivery', name: 'expect_delivery_at', type: 'dateTime', default: '' },
							{ displayName: 'Parcel Service', name: 'parcel_service', type: 'string', default: '', placeholder: 'dhl', description: "Digistore24's key of the parcel service (dhl, dpd, ups, …)" },
							{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'Items in this parcel; 0 for all' },
							{ displayName: 'Tracking ID', name: 'tracking_id', type: 'string', default: '', required: true },
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'deliveryOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ displayName: 'Notify Buyer by Email', name: 'notify_via_email', type: 'boolean', default: true, description: 'Whether Digistore24 emails the buyer about the change' },
					{ displayName: 'Quantity Delivered', name: 'quantity_delivered', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'Set the delivered quantity to this number' },
				],
			},
		],
		parameters: (ctx, i) => {
			const options = ctx.getNodeParameter('deliveryOptions', i, {}) as { notify_via_email?: boolean; quantity_delivered?: number };
			const rows = ((ctx.getNodeParameter('parcels', i, {}) as IDataObject).parcel ?? []) as Array<Record<string, string | number>>;
			const tracking: ParameterObject[] = rows.map((row) => {
				const id = String(row.tracking_id ?? '').trim();
				if (!id) throw new NodeOperationError(ctx.getNode(), 'A parcel has no Tracking ID', { itemIndex: i });
				return {
					tracking_id: id,
					...(String(row.parcel_service ?? '').trim() ? { parcel_service: String(row.parcel_service).trim() } : {}),
					...(row.expect_delivery_at ? { expect_delivery_at: dayOf(row.expect_delivery_at) } : {}),
					...(Number(row.quantity) > 0 ? { quantity: Number(row.quantity) } : {}),
				};
			});
			return {
				delivery_id: trimmed(ctx, 'deliveryId', i),
				...(options.notify_via_email !== undefined ? { notify_via_email: options.notify_via_email } : {}),
				data: { type: ctx.getNodeParameter('deliveryType', i) as string, ...(options.quantity_delivered !== undefined ? { quantity_delivered: options.quantity_delivered } : {}) },
				...(tracking.length ? { tracking } : {}),
			};
		},
	},
];
