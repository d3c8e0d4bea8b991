import type { INodeProperties } from 'n8n-workflow';
import { collectionParameters, commaList, dayOf, listOutput, pagingFields, unwrapOutput } from './common';
import type { Operation } from './types';

const eticketId: INodeProperties = {
	displayName: 'E-Ticket ID',
	name: 'eticketId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '12345678901234567890',
	description: 'The 20-digit e-ticket number',
};

const locationId = (description: string): INodeProperties => ({
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '3101',
	description,
});

const templateId = (description: string): INodeProperties => ({
	displayName: 'Template ID',
	name: 'templateId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '4201',
	description,
});

export const eticketOperations: Operation[] = [
	{
		resource: 'eticket',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many e-tickets',
		description: 'List e-tickets, filtered by event, location, buyer or use (listEtickets)',
		fn: 'listEtickets',
		fields: [
			{
				displayName: 'Filters',
				name: 'search',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Buyer Email', name: 'email', type: 'string', default: '', placeholder: 'name@email.com', description: 'Matches part of the email address' },
					{ displayName: 'Event Date', name: 'date', type: 'dateTime', default: '' },
					{ displayName: 'Is Used', name: 'is_used', type: 'boolean', default: false, description: 'Whether to return only used tickets (on) or only unused ones (off)' },
					{ displayName: 'Location IDs', name: 'location_id', type: 'string', default: '', description: 'One location ID or several separated by commas' },
					{ displayName: 'Product IDs', name: 'product_id', type: 'string', default: '', description: 'One product ID or several separated by commas' },
					{ displayName: 'Purchase IDs', name: 'purchase_id', type: 'string', default: '', description: 'One order ID or several separated by commas' },
					{ displayName: 'Template IDs', name: 'template_id', type: 'string', default: '', description: 'One template ID or several separated by commas' },
				],
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => {
			const search = collectionParameters(ctx, 'search', i);
			if (search.date) search.date = dayOf(search.date);
			for (const key of ['location_id', 'product_id', 'purchase_id', 'template_id']) if (search[key] !== undefined) search[key] = commaList(search[key]);
			return { search };
		},
		output: listOutput(['etickets', 'items'], { limit: true }),
	},
	{
		resource: 'eticket',
		operation: 'get',
		name: 'Get',
		action: 'Get an e-ticket',
		description: 'Get one e-ticket with its event, holder and whether it was used (getEticket)',
		fn: 'getEticket',
		fields: [eticketId],
		parameters: (ctx, i) => ({ eticket_id: (ctx.getNodeParameter('eticketId', i) as string).replace(/\s+/g, '') }),
		output: unwrapOutput('eticket'),
	},
	{
		resource: 'eticket',
		operation: 'create',
		name: 'Create',
		action: 'Create an e-ticket',
		description: 'Create free e-tickets for an event and send them to the holder; needs an API key with full access (createEticket)',
		fn: 'createEticket',
		fields: [
			{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', required: true, placeholder: '512349', description: 'The e-ticket product' },
			locationId('Where the event takes place (see List Locations)'),
			templateId('Ticket layout (see List Templates)'),
			{ displayName: 'Event Date', name: 'date', type: 'dateTime', default: '', required: true, description: 'First day of the event' },
			{ displayName: 'Holder Email', name: 'email', type: 'string', default: '', required: true, placeholder: 'name@email.com', description: 'Where the e-tickets are sent' },
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'Count', name: 'count', type: 'number', default: 1, typeOptions: { minValue: 1 }, description: 'How many e-tickets to create' },
					{ displayName: 'Days', name: 'days', type: 'number', default: 1, typeOptions: { minValue: 1 }, description: 'How many days the event lasts' },
					{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
					{ displayName: 'Note', name: 'note', type: 'string', default: '', description: 'Printed on the ticket, for example the time' },
					{
						displayName: 'Salutation',
						name: 'salutation',
						type: 'options',
						default: 'f',
						options: [
							{ name: 'Mr', value: 'm' },
							{ name: 'Ms', value: 'f' },
						],
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Dr.' },
				],
			},
		],
		parameters: (ctx, i) => {
			const { count, days, note, ...person } = collectionParameters(ctx, 'additionalFields', i);
			return {
				product_id: (ctx.getNodeParameter('productId', i) as string).trim(),
				location_id: (ctx.getNodeParameter('locationId', i) as string).trim(),
				template_id: (ctx.getNodeParameter('templateId', i) as string).trim(),
				date: dayOf(ctx.getNodeParameter('date', i)),
				buyer: { email: (ctx.getNodeParameter('email', i) as string).trim(), ...person },
				...(count !== undefined ? { count } : {}),
				...(days !== undefined ? { days } : {}),
				...(note !== undefined ? { note } : {}),
			};
		},
		records: 'etickets',
	},
	{
		resource: 'eticket',
		operation: 'validate',
		name: 'Validate',
		action: 'Validate an e-ticket',
		description:
			'Check an e-ticket at the entrance. Careful: a valid ticket is marked as used, so validating it again reports it as already used; to only look at a ticket, use Get (validateEticket).',
		fn: 'validateEticket',
		fields: [
			eticketId,
			locationId('The location of this entrance; several separated by commas'),
			templateId('Ticket templates admitted here; several separated by commas'),
			{
				displayName: 'Options',
				name: 'validateOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [{ displayName: 'Event Date', name: 'date', type: 'dateTime', default: '', description: 'The day to validate for (default: today)' }],
			},
		],
		parameters: (ctx, i) => {
			const options = ctx.getNodeParameter('validateOptions', i, {}) as { date?: string };
			return {
				eticket_id: (ctx.getNodeParameter('eticketId', i) as string).replace(/\s+/g, ''),
				location_id: commaList(ctx.getNodeParameter('locationId', i)),
				template_id: commaList(ctx.getNodeParameter('templateId', i)),
				...(options.date ? { date: dayOf(options.date) } : {}),
			};
		},
	},
	{
		resource: 'eticket',
		operation: 'listLocations',
		name: 'List Locations',
		action: 'List e-ticket locations',
		description: 'List the event locations set up for e-tickets (listEticketLocations)',
		fn: 'listEticketLocations',
		output: listOutput(['locations', 'items']),
	},
	{
		resource: 'eticket',
		operation: 'listTemplates',
		name: 'List Templates',
		action: 'List e-ticket templates',
		description: 'List the e-ticket layouts (templates) set up for the account (listEticketTemplates)',
		fn: 'listEticketTemplates',
		output: listOutput(['templates', 'items']),
	},
];
