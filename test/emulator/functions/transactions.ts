import { listPage, searchFilter } from './listing';
import type { FunctionTable } from './types';
import { transactionView } from './views';

/** Payments, refunds and chargebacks, each its own row. */
export const transactionFunctions: FunctionTable = {
	listTransactions: {
		writes: false,
		params: ['from', 'to', 'search', 'sort_by', 'sort_order', 'page_no', 'page_size'],
		handler: (ctx) => {
			const matches = searchFilter(ctx);
			const { items, ...paging } = listPage(
				ctx,
				ctx.state.data.transactions,
				(t) => ({ date: t.created, amount: t.amount, earning: t.earning }),
				(t) => matches(t.purchase, t),
			);
			return { transaction_list: items.map(transactionView), ...paging };
		},
	},
};
