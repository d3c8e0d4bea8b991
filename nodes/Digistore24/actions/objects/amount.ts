import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** A money amount: a number field, sent as Digistore24's two-decimal text. */
export function amountField(description: string, options: { allowNegative?: boolean } = {}): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { numberPrecision: 2, ...(options.allowNegative ? {} : { minValue: 0 }) },
		description,
	};
}

/** The amount as "12.50"; zero (the default, never meant) and non-numbers are refused before any call. */
export function amountParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = Number(ctx.getNodeParameter('amount', itemIndex));
	if (!Number.isFinite(value) || value === 0) {
		throw new NodeOperationError(ctx.getNode(), `Amount must be a number other than 0, got ${String(ctx.getNodeParameter('amount', itemIndex))}`, { itemIndex });
	}
	return value.toFixed(2);
}
