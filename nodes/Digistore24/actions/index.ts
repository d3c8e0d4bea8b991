import type { INodeProperties } from 'n8n-workflow';
import { accountOperations } from './account';
import { affiliateOperations } from './affiliate';
import { apiCallOperations } from './apiCall';
import { buyerOperations } from './buyer';
import { buyUrlOperations } from './buyUrl';
import { commissionOperations } from './commission';
import { optionsField } from './common';
import { caseInsensitiveOrder } from './order';
import { eticketOperations } from './eticket';
import { licenseKeyOperations } from './licenseKey';
import { notificationOperations } from './notification';
import { productOperations } from './product';
import { productGroupOperations } from './productGroup';
import { purchaseOperations } from './purchase';
import { rebillingOperations } from './rebilling';
import { refundOperations } from './refund';
import { statisticOperations } from './statistic';
import { transactionOperations } from './transaction';
import { deliveryOperations } from './delivery';
import { invoiceOperations } from './invoice';
import { marketplaceOperations } from './marketplace';
import { orderFormOperations } from './orderForm';
import { payoutOperations } from './payout';
import { upgradeOperations } from './upgrade';
import { voucherOperations } from './voucher';
import type { Operation } from './types';

/**
 * Resources in the order the editor shows them: "API Call" (any function) first, then A to Z.
 * Within a resource the first row is the default operation; the list shows them A to Z.
 */
export const RESOURCES: Array<{ name: string; value: string; operations: Operation[] }> = [
	{ name: 'API Call', value: 'apiCall', operations: apiCallOperations },
	{ name: 'Account', value: 'account', operations: accountOperations },
	{ name: 'Affiliate', value: 'affiliate', operations: affiliateOperations },
	{ name: 'Buy URL', value: 'buyUrl', operations: buyUrlOperations },
	{ name: 'Buyer', value: 'buyer', operations: buyerOperations },
	{ name: 'Commission', value: 'commission', operations: commissionOperations },
	{ name: 'Delivery', value: 'delivery', operations: deliveryOperations },
	{ name: 'E-Ticket', value: 'eticket', operations: eticketOperations },
	{ name: 'Invoice', value: 'invoice', operations: invoiceOperations },
	{ name: 'License Key', value: 'licenseKey', operations: licenseKeyOperations },
	{ name: 'Marketplace', value: 'marketplace', operations: marketplaceOperations },
	{ name: 'Notification (IPN)', value: 'notification', operations: notificationOperations },
	{ name: 'Order Form', value: 'orderForm', operations: orderFormOperations },
	{ name: 'Payout', value: 'payout', operations: payoutOperations },
	{ name: 'Product', value: 'product', operations: productOperations },
	{ name: 'Product Group', value: 'productGroup', operations: productGroupOperations },
	{ name: 'Purchase', value: 'purchase', operations: purchaseOperations },
	{ name: 'Rebilling', value: 'rebilling', operations: rebillingOperations },
	{ name: 'Refund', value: 'refund', operations: refundOperations },
	{ name: 'Statistic', value: 'statistic', operations: statisticOperations },
	{ name: 'Transaction', value: 'transaction', operations: transactionOperations },
	{ name: 'Upgrade', value: 'upgrade', operations: upgradeOperations },
	{ name: 'Voucher', value: 'voucher', operations: voucherOperations },
];

/**
 * n8n's order for options (its lint rule compares with localeCompare). For these ASCII names a
 * case-insensitive comparison gives the same order without loading ICU collation (~20 ms) at load.
 */
const byName = (a: Operation, b: Operation) => caseInsensitiveOrder(a.name, b.name);

export const OPERATIONS: Operation[] = RESOURCES.flatMap((resource) => resource.operations);

export function findOperation(resource: string, operation: string): Operation | undefined {
	return OPERATIONS.find((op) => op.resource === resource && op.operation === operation);
}

/** The node's properties, generated from the operations table. */
export function operationProperties(): INodeProperties[] {
	const defaultResource = RESOURCES[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: defaultResource,
			options: RESOURCES.map(({ name, value }) => ({ name, value })),
		},
	];
	for (const resource of RESOURCES) {
		const defaultOperation = resource.operations[0].operation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			default: defaultOperation,
			options: [...resource.operations].sort(byName).map((op) => ({
				name: op.name,
				value: op.operation,
				action: op.action,
				description: op.description,
			})),
		});
	}
	for (const op of OPERATIONS) {
		for (const field of op.fields ?? []) {
			const show = { ...(field.displayOptions?.show ?? {}), resource: [op.resource], operation: [op.operation] };
			properties.push({ ...field, displayOptions: { ...field.displayOptions, show } });
		}
	}
	properties.push(optionsField);
	return properties;
}
