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
			{
				displayName: 'Purchase ID',
				name: 'purchaseId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'A1B2C3D4',
				description: 'Order ID the license key was delivered with',
			},
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
			purchase_id: (ctx.getNodeParameter('purchaseId', i) as string).trim(),
			license_key: (ctx.getNodeParameter('licenseKey', i) as string).trim(),
		}),
	},
];
