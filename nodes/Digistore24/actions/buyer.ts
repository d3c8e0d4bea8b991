import { NodeOperationError, type INodeProperties } from 'n8n-workflow';
import { collectionParameters, pagingFields, unwrapOutput } from './common';
import { trimmed } from './objects/ids';
import { BUYER_OPTIONS, buyerContactOptions, sortedOptions } from './objects/buyer';
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
		parameters: (ctx, i) => ({ buyer_id: trimmed(ctx, 'buyerId', i) }),
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
				options: sortedOptions([
					...buyerContactOptions(),
					BUYER_OPTIONS.phone('phone_number'),
					BUYER_OPTIONS.salutation(true),
					BUYER_OPTIONS.streetName,
					BUYER_OPTIONS.streetNumber,
				]),
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
			return { buyer_id: trimmed(ctx, 'buyerId', i), data };
		},
	},
];
