import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ParameterObject } from '../transport/parameters';
import { DEFAULT_MAX_RETRIES } from '../transport/request';
import type { Operation } from './types';

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
			default: DEFAULT_MAX_RETRIES,
			typeOptions: { minValue: 0, maxValue: 5 },
			description:
				'How often to try a call again after a timeout, a lost connection, a rate limit (429) or a server error (5xx). Calls that change data (refunds, e-tickets, …) are tried again only if Digistore24 cannot have received them. Ignored when the node setting Retry On Fail is on: then n8n retries and this is 0.',
		},
		{
			displayName: 'Refused or Pending Results',
			name: 'refusals',
			type: 'options',
			default: 'error',
			description:
				'Refunds (refundPurchase, refundTransaction) can answer "success" with status refused, pending or error: Digistore24 understood the call but did not carry it out',
			options: [
				{ name: 'Fail With Digistore24 Reason', value: 'error' },
				{ name: 'Output an Item', value: 'item', description: 'An item with done: false, outcome and outcome_message' },
			],
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
	refusalsAsItems: boolean;
}

export function commonOptions(ctx: IExecuteFunctions, itemIndex: number): CommonOptions {
	const raw = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		simplify: raw.simplify !== false,
		language: (raw.language as string) || 'en',
		maxRetries: raw.maxRetries === undefined ? DEFAULT_MAX_RETRIES : Number(raw.maxRetries),
		fullResponse: raw.fullResponse === true,
		timeoutMs: Number(raw.timeout ?? 30) * 1000,
		refusalsAsItems: raw.refusals === 'item',
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

/** Return All / Limit applied here, for lists Digistore24 returns whole (no paging). */
export function limited<T>(records: T[], ctx: IExecuteFunctions, itemIndex: number): T[] {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return records;
	return records.slice(0, ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

function asRecord(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value: value as IDataObject[keyof IDataObject] };
}

/**
 * Output: one item per record of a list answer, wherever Digistore24 put the list: the first of
 * `keys` that holds one, else `data` itself when it is a list. With `inherit`, each record also
 * gets the answer's top-level plain values it lacks (a currency, an affiliate's id).
 * With `limit`, Return All / Limit cut the list.
 */
export function listOutput(keys: string[], options: { inherit?: boolean; limit?: boolean } = {}): NonNullable<Operation['output']> {
	return (data, ctx, itemIndex) => {
		const answer = asRecord(data);
		const key = keys.find((name) => answer[name] !== null && typeof answer[name] === 'object');
		const raw = key !== undefined ? answer[key] : data;
		let records = (Array.isArray(raw) ? raw : raw !== null && typeof raw === 'object' ? Object.values(raw) : [raw]).map(asRecord);
		if (options.inherit) {
			const shared = Object.fromEntries(Object.entries(answer).filter(([, value]) => value === null || typeof value !== 'object'));
			records = records.map((record) => ({ ...shared, ...record }));
		}
		return options.limit ? limited(records, ctx, itemIndex) : records;
	};
}

/**
 * Output for functions that take one ID or a comma list: one item per record, whether
 * Digistore24 answered the record itself (one ID) or an object keyed by ID (several).
 */
export function keyedOutput(idKey = 'id'): NonNullable<Operation['output']> {
	return (data) => {
		const answer = asRecord(data);
		if (idKey in answer) return [answer];
		const values = Object.values(answer);
		return values.length > 0 && values.every((value) => value !== null && typeof value === 'object' && !Array.isArray(value)) ? (values as IDataObject[]) : [answer];
	};
}

/** A record wrapped in `data[key]` (getEticket's `eticket`), or the data itself. */
export function unwrapOutput(key: string): NonNullable<Operation['output']> {
	return (data) => {
		const answer = asRecord(data);
		const inner = answer[key];
		return [inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : answer];
	};
}

/** A collection's values without the empty ones, for bracket parameters (`buyer[email]`). */
export function collectionParameters(ctx: IExecuteFunctions, name: string, itemIndex: number): ParameterObject {
	const raw = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const out: ParameterObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			if (value.length > 0) out[key] = value.join(',');
		} else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			out[key] = value;
		}
	}
	return out;
}

/** A comma list as Digistore24 takes it: no spaces, no empty entries. */
export function commaList(value: unknown): string {
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
		.join(',');
}

/** A date picker's value (or an ISO string from an expression) as Digistore24's `YYYY-MM-DD`. */
export function dayOf(value: unknown): string {
	if (!value) return '';
	const text = String(value);
	const match = /^(\d{4}-\d\d-\d\d)/.exec(text);
	return match ? match[1] : text;
}
