import { NodeOperationError } from 'n8n-workflow';
import { listOutput, pagingFields, unwrapOutput } from './common';
import { trimmed, voucherCodeField } from './objects/ids';
import { voucherData, voucherSettingOptions } from './objects/voucher';
import { sortedByDisplayName } from './order';
import type { Operation } from './types';

const code = (ctx: Parameters<NonNullable<Operation['parameters']>>[0], i: number) => ({ code: trimmed(ctx, 'voucherCode', i) });

export const voucherOperations: Operation[] = [
	{
		resource: 'voucher',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many vouchers',
		description: 'List your voucher (discount) codes with their discounts, validity and uses left (listVouchers)',
		fn: 'listVouchers',
		fields: pagingFields(),
		output: listOutput(['coupons', 'vouchers', 'items'], { limit: true }),
	},
	{
		resource: 'voucher',
		operation: 'get',
		name: 'Get',
		action: 'Get a voucher',
		description: 'Get one voucher code with its discounts, products, validity and uses left (getVoucher)',
		fn: 'getVoucher',
		fields: [voucherCodeField('The code the buyer enters on the order form')],
		parameters: code,
		output: unwrapOutput('coupon'),
	},
	{
		resource: 'voucher',
		operation: 'create',
		name: 'Create',
		action: 'Create a voucher',
		description: 'Create a voucher (discount) code with a percentage or fixed discount; needs an API key with full access (createVoucher)',
		fn: 'createVoucher',
		fields: [
			voucherCodeField('The code buyers enter on the order form'),
			{ displayName: 'Settings', name: 'voucherSettings', type: 'collection', placeholder: 'Add Setting', default: {}, options: voucherSettingOptions },
		],
		parameters: (ctx, i) => ({ data: { code: trimmed(ctx, 'voucherCode', i), ...voucherData(ctx, 'voucherSettings', i) } }),
	},
	{
		resource: 'voucher',
		operation: 'update',
		name: 'Update',
		action: 'Update a voucher',
		description: "Change a voucher code's discount, products, validity or uses left; needs an API key with full access. Settings are sent as data[...] like Create (updateVoucher).",
		fn: 'updateVoucher',
		fields: [
			voucherCodeField('The code (or voucher ID) to change'),
			{
				displayName: 'Update Fields',
				name: 'voucherUpdateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: sortedByDisplayName([{ displayName: 'New Code', name: 'code', type: 'string', default: '', description: 'Rename the code' }, ...voucherSettingOptions]),
			},
		],
		parameters: (ctx, i) => {
			const data = voucherData(ctx, 'voucherUpdateFields', i);
			if (Object.keys(data).length === 0) {
				throw new NodeOperationError(ctx.getNode(), 'Nothing to update', { description: 'Add at least one field under Update Fields.', itemIndex: i });
			}
			return { ...code(ctx, i), data };
		},
	},
	{
		resource: 'voucher',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete a voucher',
		description: 'Delete a voucher code so it no longer works; needs an API key with full access (deleteVoucher)',
		fn: 'deleteVoucher',
		fields: [voucherCodeField('The code (or voucher ID) to delete')],
		parameters: code,
		output: (_data, ctx, i) => [{ deleted: true, code: trimmed(ctx, 'voucherCode', i) }],
	},
	{
		resource: 'voucher',
		operation: 'validate',
		name: 'Validate',
		action: 'Validate a voucher',
		description: 'Check whether a code is valid now, as the order form would, and for which products; changes nothing (validateCouponCode)',
		fn: 'validateCouponCode',
		fields: [voucherCodeField('The code to check')],
		parameters: code,
	},
];
