import { commaList, pagingFields } from './common';
import { dateRangeFields, dateRangeParameters } from './dateRange';
import type { Operation } from './types';

export const commissionOperations: Operation[] = [
	{
		resource: 'commission',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many commissions',
		description: 'List your commissions (vendor shares and affiliate commissions) in a date range, with their payout dates (listCommissions)',
		fn: 'listCommissions',
		fields: [
			...dateRangeFields(),
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Commission Types', name: 'commissionType', type: 'string', default: '', placeholder: 'vendor, affiliate', description: 'Commission types separated by commas; empty for all' },
					{ displayName: 'Purchase IDs', name: 'purchaseId', type: 'string', default: '', description: 'One order ID or several separated by commas' },
					{
						displayName: 'Transaction Types',
						name: 'transactionType',
						type: 'multiOptions',
						default: [],
						description: 'Empty: payments, refunds, refund requests and chargebacks',
						options: [
							{ name: 'Chargeback', value: 'chargeback' },
							{ name: 'Payment', value: 'payment' },
							{ name: 'Refund', value: 'refund' },
							{ name: 'Refund Request', value: 'refund_request' },
						],
					},
				],
			},
			...pagingFields(),
		],
		parameters: (ctx, i) => {
			const filters = ctx.getNodeParameter('filters', i, {}) as { commissionType?: string; purchaseId?: string; transactionType?: string[] };
			const types = filters.transactionType ?? [];
			return {
				...dateRangeParameters(ctx, i),
				...(types.length > 0 ? { transaction_type: types.join(',') } : {}),
				...(commaList(filters.commissionType) ? { commission_type: commaList(filters.commissionType) } : {}),
				...(commaList(filters.purchaseId) ? { purchase_id: commaList(filters.purchaseId) } : {}),
			};
		},
		records: 'items',
		pages: { pageSize: 1000 },
	},
];
