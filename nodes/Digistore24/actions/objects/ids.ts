import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { commaList } from '../common';

/**
 * The ID fields of Digistore24's objects, one definition each, shared by every operation that
 * names the object. A field keeps its name (and so its value) when the user switches between
 * operations of the same object; only the help text may say what the ID is for.
 */
function idField(displayName: string, name: string, placeholder: string, description: string, required = true): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...(required ? { required } : {}), placeholder, description };
}

/** One order; Digistore24's purchase ID is the order ID (`order_id` in notifications). */
export const purchaseIdField = (description = 'Order ID of the purchase (order_id in notifications)') => idField('Purchase ID', 'purchaseId', 'A1B2C3D4', description);

/** An order to narrow a list to; empty for all. */
export const optionalPurchaseIdField = (description: string) => idField('Purchase ID', 'purchaseId', 'A1B2C3D4', description, false);

/** One order or several, for functions that take a comma list. */
export const purchaseIdsField = (description = 'One order ID or several separated by commas (the purchase ID is the order ID)') =>
	({ ...idField('Purchase IDs', 'purchaseId', 'A1B2C3D4, E5F6G7H8', description) }) satisfies INodeProperties;

export const transactionIdField = (description: string) => idField('Transaction ID', 'transactionId', '40000123', description);

export const productIdField = (description = 'The Digistore24 product ID') => idField('Product ID', 'productId', '512345', description);

export const affiliateIdField = (description: string) => idField('Affiliate', 'affiliateId', 'MaxMuster', description);

export const voucherCodeField = (description: string) => idField('Voucher Code', 'voucherCode', 'SPRING20', description);

export const deliveryIdField = (description = 'ID of the delivery (see Get Many)') => idField('Delivery ID', 'deliveryId', '8100001', description);

export const upgradeIdField = (description: string) => idField('Upgrade ID', 'upgradeId', '9101', description);

export const marketplaceEntryIdField = (description = 'ID of the marketplace entry (see Get Many)') => idField('Marketplace Entry ID', 'entryId', '5301', description);

export const buyerEmailField = (description: string) => ({ ...idField('Buyer Email', 'email', 'name@email.com', description) }) satisfies INodeProperties;

/** A required text parameter without surrounding spaces. */
export function trimmed(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex) ?? '').trim();
}

/** A comma-list parameter as Digistore24 takes it. */
export function listed(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback = ''): string {
	return commaList(ctx.getNodeParameter(name, itemIndex, fallback));
}
