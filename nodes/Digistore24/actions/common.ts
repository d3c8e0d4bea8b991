import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Options every operation offers. */
export const optionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Convert Y/N to Booleans',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to turn Digistore24\'s "Y"/"N" into true/false and amounts into numbers',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			default: 'en',
			description: 'Language of the messages Digistore24 answers with',
			options: [
				{ name: 'English', value: 'en' },
				{ name: 'German', value: 'de' },
			],
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 0, maxValue: 10 },
			description: 'How often to retry on rate limiting (429), server errors (5xx) and network errors',
		},
		{
			displayName: 'Return Full Response Envelope',
			name: 'fullResponse',
			type: 'boolean',
			default: false,
			description: 'Whether to return Digistore24\'s whole answer (api_version, current_time, result, data) instead of only data',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for one answer from Digistore24',
		},
	],
};

export interface CommonOptions {
	simplify: boolean;
	language: string;
	maxRetries: number;
	fullResponse: boolean;
	timeoutMs: number;
}

export function commonOptions(ctx: IExecuteFunctions, itemIndex: number): CommonOptions {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		simplify: raw.simplify !== false,
		language: (raw.language as string) || 'en',
		maxRetries: raw.maxRetries === undefined ? 3 : Number(raw.maxRetries),
		fullResponse: raw.fullResponse === true,
		timeoutMs: Number(raw.timeout ?? 30) * 1000,
	};
}

/** Return All / Limit for list operations. */
export function pagingFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
