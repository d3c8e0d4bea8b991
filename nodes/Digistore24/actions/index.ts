import type { INodeProperties } from 'n8n-workflow';
import { accountOperations } from './account';
import { apiCallOperations } from './apiCall';
import { optionsField } from './common';
import { notificationOperations } from './notification';
import { purchaseOperations } from './purchase';
import type { Operation } from './types';

/** Resources in the order the editor shows them; "API Call" (any function) comes first. */
export const RESOURCES: Array<{ name: string; value: string; operations: Operation[] }> = [
	{ name: 'API Call', value: 'apiCall', operations: apiCallOperations },
	{ name: 'Account', value: 'account', operations: accountOperations },
	{ name: 'Notification (IPN)', value: 'notification', operations: notificationOperations },
	{ name: 'Purchase', value: 'purchase', operations: purchaseOperations },
];

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
			options: resource.operations.map((op) => ({
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
