import { berlinDate, berlinDateTime, DAY_MS } from '../clock';
import { apiErrors } from '../errors';
import { formatCents } from '../data/money';
import type { Transaction } from '../data/seed';
import { text } from './params';
import type { FunctionTable } from './types';

/**
 * Invoices follow the order's transactions: one invoice per payment, one credit note per refund or
 * chargeback, so a refund made through the API shows up here. Payouts are the account's monthly
 * credit notes: the earnings of each past month, paid on the 5th of the next.
 */
export const invoiceFunctions: FunctionTable = {
	listInvoices: {
		writes: false,
		params: ['purchase_id'],
		required: ['purchase_id'],
		handler: ({ params, state }) => {
			const id = text(params, 'purchase_id')!.trim();
			const purchase = state.data.purchaseById.get(id);
			if (!purchase) throw apiErrors.notFound('Purchase', id);
			return {
				purchase_id: id,
				invoice_list: purchase.transactions.map((t, index) => invoiceView(t, index + 1)),
			};
		},
	},
	listPayouts: {
		writes: false,
		handler: ({ state, now }) => {
			const months = new Map<string, { cents: number; currency: Map<string, number> }>();
			for (const t of state.data.transactions) {
				const month = berlinDate(t.created).slice(0, 7);
				const entry = months.get(month) ?? { cents: 0, currency: new Map() };
				const currency = t.purchase.product.currency;
				entry.currency.set(currency, (entry.currency.get(currency) ?? 0) + t.earning);
				months.set(month, entry);
			}
			const payouts = [];
			for (const [month, entry] of [...months].sort(([a], [b]) => (a < b ? 1 : -1))) {
				const [y, m] = month.split('-').map(Number);
				const payday = new Date(Date.UTC(y, m, 5, 10));
				if (payday.getTime() > now.getTime()) continue;
				for (const [currency, cents] of [...entry.currency].sort()) {
					if (cents <= 0) continue;
					payouts.push({
						id: `${month.replace('-', '')}${currency}`,
						credit_note_no: `CN-${month}-${currency}`,
						period: month,
						paid_at: berlinDate(payday),
						amount: formatCents(cents),
						currency,
						status: payday.getTime() + 3 * DAY_MS <= now.getTime() ? 'paid' : 'pending',
						pdf_url: `https://www.digistore24.com/creditnote/${month}/${currency}.pdf`,
					});
				}
			}
			return { payout_list: payouts };
		},
	},
};

function invoiceView(t: Transaction, no: number) {
	const credit = t.type !== 'payment';
	return {
		id: `${t.purchase.id}-${no}`,
		invoice_no: `${credit ? 'CN' : 'IN'}-${t.id}`,
		type: credit ? 'credit_note' : 'invoice',
		transaction_id: t.id,
		transaction_type: t.type,
		created_at: berlinDateTime(t.created),
		amount: formatCents(t.amount),
		vat_amount: formatCents(t.vat),
		currency: t.purchase.product.currency,
		pdf_url: `https://www.digistore24.com/invoice/${t.purchase.id}/${t.id}.pdf`,
	};
}
