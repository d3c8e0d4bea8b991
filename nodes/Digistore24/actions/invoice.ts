import { listOutput, pagingFields } from './common';
import { purchaseIdField, trimmed } from './objects/ids';
import type { Operation } from './types';

export const invoiceOperations: Operation[] = [
	{
		resource: 'invoice',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many invoices of a purchase',
		description: 'List the invoices and credit notes of an order with their numbers, amounts and PDF links, one item per invoice (listInvoices)',
		fn: 'listInvoices',
		fields: [purchaseIdField('Order ID whose invoices to list'), ...pagingFields()],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i) }),
		output: listOutput(['invoice_list', 'invoices', 'items'], { inherit: true, limit: true }),
	},
	{
		resource: 'invoice',
		operation: 'resend',
		name: 'Resend Email',
		action: 'Resend the invoice email of a purchase',
		description: 'Send the buyer an email with all invoices of the order again; needs an API key with full access (resendInvoiceMail)',
		fn: 'resendInvoiceMail',
		fields: [purchaseIdField('Order ID whose invoices to send')],
		parameters: (ctx, i) => ({ purchase_id: trimmed(ctx, 'purchaseId', i) }),
	},
];
