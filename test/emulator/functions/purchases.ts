import { apiErrors } from '../errors';
import { flag, list, text } from './params';
import { listPage, searchFilter } from './listing';
import type { FunctionTable } from './types';
import { purchaseView } from './views';

/** Orders: `purchase_id` is the order id that IPNs call `order_id`. */
export const purchaseFunctions: FunctionTable = {
	listPurchases: {
		writes: false,
		params: ['from', 'to', 'search', 'sort_by', 'sort_order', 'load_transactions', 'page_no', 'page_size'],
		handler: (ctx) => {
			const matches = searchFilter(ctx);
			const page = listPage(
				ctx,
				ctx.state.data.purchases,
				(p) => ({ date: p.created, amount: p.split.gross, earning: p.transactions.reduce((sum, t) => sum + t.earning, 0) }),
				(p) => matches(p),
			);
			// The official docs call the flag show_transactions, the API load_transactions.
			const withTransactions = flag(ctx.params, 'load_transactions') || flag(ctx.params, 'show_transactions');
			const { items, ...paging } = page;
			return { purchase_list: items.map((p) => purchaseView(p, withTransactions)), ...paging };
		},
	},
	getPurchase: {
		writes: false,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: ({ params, state }) => {
			const ids = list(text(params, 'purchase_id'));
			if (ids.length === 0) throw apiErrors.missingParameter('getPurchase', 'purchase_id');
			const views = ids.map((id) => {
				const purchase = state.data.purchaseById.get(id);
				if (!purchase) throw apiErrors.notFound('Purchase', id);
				return purchaseView(purchase, true);
			});
			// One id answers the purchase itself; several answer an object keyed by purchase id.
			return views.length === 1 ? views[0] : Object.fromEntries(views.map((view) => [view.id, view]));
		},
	},
};
