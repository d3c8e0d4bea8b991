import { NodeOperationError, type INodeProperties } from 'n8n-workflow';
import { collectionParameters, pagingFields, unwrapOutput } from './common';
import type { Operation } from './types';

const buyerId: INodeProperties = {
	displayName: 'Buyer ID',
	name: 'buyerId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '333001',
	description: 'The buyer ID, as in a purchase (buyer.ID)',
};

export const buyerOperations: Operation[] = [
	{
		resource: 'buyer',
		operation: 'get',
		name: 'Get',
		action: 'Get a buyer',
		description: "Get a buyer's contact details and address (getBuyer)",
		fn: 'getBuyer',
		fields: [buyerId],
		parameters: (ctx, i) => ({ buyer_id: (ctx.getNodeParameter('buyerId', i) as string).trim() }),
		output: unwrapOutput('buyer'),
	},
	{
		resource: 'buyer',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many buyers',
		description: 'List your buyers with their contact details (listBuyers)',
		fn: 'listBuyers',
		fields: pagingFields(),
		records: 'items',
		pages: { pageSize: 1000 },
	},
	{
		resource: 'buyer',
		operation: 'update',
		name: 'Update',
		action: 'Update a buyer',
		description: "Change a buyer's email address, name, company, phone number or address; needs an API key with full access (updateBuyer)",
		fn: 'updateBuyer',
		fields: [
			buyerId,
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{ displayName: 'Company', name: 'company', type: 'string', default: '' },
					{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'DE', description: 'Two-letter ISO country code' },
					{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@email.com' },
					{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
					{ displayName: 'Phone Number', name: 'phone_number', type: 'string', default: '' },
					{
						displayName: 'Salutation',
						name: 'salutation',
						type: 'options',
						default: '',
						options: [
							{ name: 'Mr', value: 'M' },
							{ name: 'Ms', value: 'F' },
							{ name: 'None', value: '' },
						],
					},
					{ displayName: 'State', name: 'state', type: 'string', default: '' },
					{ displayName: 'Street Name', name: 'street_name', type: 'string', default: '' },
					{ displayName: 'Street Number', name: 'street_number', type: 'string', default: '' },
					{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Dr.' },
					{ displayName: 'ZIP Code', name: 'zipcode', type: 'string', default: '' },
				],
			},
		],
		parameters: (ctx, i) => {
			const data = collectionParameters(ctx, 'updateFields', i);
			// "None" clears the salutation: send it even though it is empty.
			const raw = ctx.getNodeParameter('updateFields', i, {}) as Record<string, unknown>;
			if (raw.salutation === '') data.salutation = '';
			if (Object.keys(data).length === 0) {
				throw new NodeOperationError(ctx.getNode(), 'Nothing to update', { description: 'Add at least one field under Update Fields.', itemIndex: i });
			}
			return { buyer_id: (ctx.getNodeParameter('buyerId', i) as string).trim(), data };
		},
	},
];
