import { purchaseIdField, trimmed } from './objects/ids';
import type { Operation } from './types';

export const licenseKeyOperations: Operation[] = [
	{
		resource: 'licenseKey',
		operation: 'validate',
		name: 'Validate',
		action: 'Validate a license key',
		description: 'Check that a license key belongs to an order and the order is paid, not refunded (validateLicenseKey)',
		fn: 'validateLicenseKey',
		fields: [
			purchaseIdField('Order ID the license key was delivered with'),
			{
				displayName: 'License Key',
				name: 'licenseKey',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'ABCD-EFGH-JKLM-NPQR',
			},
		],
		parameters: (ctx, i) => ({
			purchase_id: trimmed(ctx, 'purchaseId', i),
			license_key: (ctx.getNodeParameter('licenseKey', i) as string).trim(),
		}),
	},
];
