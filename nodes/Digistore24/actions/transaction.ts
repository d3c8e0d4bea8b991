import type { INodeProperties } from 'n8n-workflow';
import { pagingFields } from './common';
import { dateRangeFields, dateRangeParameters } from './dateRange';
import { searchParameters, sortFields, sortParameters, transactionSearchOptions } from './search';
import type { Operation } from './types';

const searchField: INodeProperties = {
	displayName: 'Filters',
	name: 'search',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: transactionSearchOptions,
};

export const transactionOperations: Operation[] = [
	{
		resource: 'transaction',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many transactions',
		description: 'List payments, refunds and chargebacks in a date range, filtered by type, product, currency and more (listTransactions)',
		fn: 'listTransactions',
		fields: [...dateRangeFields(), searchField, ...sortFields, ...pagingFields()],
		parameters: (ctx, i) => ({
			...dateRangeParameters(ctx, i),
			search: searchParameters(ctx.getNodeParameter('search', i, {}) as Record<string, unknown>),
			...sortParameters(ctx, i),
		}),
		records: 'transaction_list',
		pages: { pageSize: 1000 },
	},
];
