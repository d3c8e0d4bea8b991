import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';
import type { ParameterObject } from '../transport/parameters';
import { KNOWN_FUNCTIONS } from './functions';
import type { Operation } from './types';

const CUSTOM = '__custom';
const DEFAULT_FUNCTION = 'getUserInfo';

/** A parameter object as the user may write it in JSON: scalars, nested objects and arrays. */
const parameterValue: z.ZodType<unknown> = z.lazy(() =>
	z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(parameterValue), z.record(parameterValue)]),
);
const parameterObject = z.record(parameterValue);

const fields: INodeProperties[] = [
	{
		displayName: 'Function Name or ID',
		name: 'function',
		type: 'options',
		default: DEFAULT_FUNCTION,
		description: 'The Digistore24 API function to call. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		options: [
			{ name: 'Other (Type the Name)', value: CUSTOM, description: 'A function that is not in this list' },
			...KNOWN_FUNCTIONS.map((fn) => ({
				name: fn.name,
				value: fn.name,
				description: fn.writes ? 'Changes data: needs a full-access API key' : 'Reads data',
			})),
		],
	},
	{
		displayName: 'Function',
		name: 'customFunction',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'listPurchases',
		description: 'Name of the Digistore24 API function, case-sensitive',
		displayOptions: { show: { function: [CUSTOM] } },
	},
	{
		displayName: 'Specify Parameters',
		name: 'parametersMode',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Parameter',
		description: 'Nested parameters use brackets, for example search[email]',
		displayOptions: { show: { parametersMode: ['fields'] } },
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'purchase_id' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parametersJson',
		type: 'json',
		default: '{}',
		description: 'An object; nested objects become bracket parameters (search[email]), true/false become Y/N',
		displayOptions: { show: { parametersMode: ['json'] } },
	},
];

function functionName(ctx: IExecuteFunctions, itemIndex: number): string {
	const chosen = ctx.getNodeParameter('function', itemIndex) as string;
	return chosen === CUSTOM ? (ctx.getNodeParameter('customFunction', itemIndex) as string).trim() : chosen;
}

function parameters(ctx: IExecuteFunctions, itemIndex: number): ParameterObject {
	if (ctx.getNodeParameter('parametersMode', itemIndex) === 'json') {
		const raw = ctx.getNodeParameter('parametersJson', itemIndex) as unknown;
		return parseJsonParameters(raw, ctx, itemIndex);
	}
	const list = ctx.getNodeParameter('parameters.parameter', itemIndex, []) as Array<{ name: string; value: string }>;
	const out: ParameterObject = {};
	for (const { name, value } of list) if (name) out[name.trim()] = value;
	return out;
}

function parseJsonParameters(raw: unknown, ctx: IExecuteFunctions, itemIndex: number): ParameterObject {
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() === '' ? {} : JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Parameters (JSON) is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
				description: 'Write an object such as {"purchase_id": "ABC123", "search": {"email": "a@b.c"}}.',
			});
		}
	}
	const parsed = parameterObject.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
		throw new NodeOperationError(ctx.getNode(), `Parameters (JSON) must be an object of names to values${where}: ${issue.message}`, {
			itemIndex,
			description: 'Values may be text, numbers, true/false, objects or lists, for example {"search": {"role": "vendor"}}.',
		});
	}
	return parsed.data as ParameterObject;
}

export const apiCallOperations: Operation[] = [
	{
		resource: 'apiCall',
		operation: 'makeApiCall',
		name: 'Make an API Call',
		action: 'Make an API call',
		description: 'Call any Digistore24 API function with any parameters',
		fn: functionName,
		fields,
		parameters,
	},
];
