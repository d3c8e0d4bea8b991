import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../transport/errors';
import { fetchPages, recordsAt } from '../transport/pagination';
import type { ParameterObject } from '../transport/parameters';
import { callApi, type CallOptions } from '../transport/request';
import { simplifyValues } from '../transport/values';
import { commonOptions, type CommonOptions } from './common';
import { callChangesData } from './functions';
import { refusalError, refusalIn, refusalItem } from './refusal';
import { note, noted, sentOnceKey } from './sentOnce';
import type { Operation } from './types';

/** Runs one operation row for one item: builds the parameters, calls (and pages), shapes the output. */
export async function executeOperation(ctx: IExecuteFunctions, op: Operation, itemIndex: number): Promise<{ output: 0 | 1; items: INodeExecutionData[] }> {
	if (op.local) return await op.local(ctx, itemIndex);
	return { output: 0, items: await callOperation(ctx, op, itemIndex) };
}

async function callOperation(ctx: IExecuteFunctions, op: Operation, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = commonOptions(ctx, itemIndex);
	const fn = typeof op.fn === 'function' ? op.fn(ctx, itemIndex) : op.fn;
	const parameters = op.parameters ? op.parameters(ctx, itemIndex) : {};
	// With n8n's Retry On Fail on, n8n does the retrying; ours would multiply with it.
	const maxRetries = ctx.getNode().retryOnFail === true ? 0 : options.maxRetries;
	const call: CallOptions = { language: options.language, timeoutMs: options.timeoutMs, maxRetries, itemIndex };

	if (op.pages && op.records) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
		const list = await fetchPages.call(ctx, fn, parameters, { ...call, listKey: op.records, pageSize: op.pages.pageSize, limit });
		return asItems(list.map(asObject), options, itemIndex);
	}

	const changesData = callChangesData(fn, parameters);
	const key = changesData ? sentOnceKey(ctx, itemIndex, fn, parameters) : undefined;
	const earlier = key === undefined ? undefined : noted(key);
	if (earlier) {
		if ('error' in earlier) throw earlier.error;
		return earlier.items;
	}
	try {
		const items = await callOnce(ctx, op, fn, parameters, { ...call, changesData }, options, itemIndex);
		if (key !== undefined) note(key, { items });
		return items;
	} catch (caught) {
		const error = asNodeError(ctx.getNode(), caught, itemIndex);
		if (key !== undefined && error.context.outcomeUnknown === true) note(key, { error });
		throw error;
	}
}

async function callOnce(
	ctx: IExecuteFunctions,
	op: Operation,
	fn: string,
	parameters: ParameterObject,
	call: CallOptions,
	options: CommonOptions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const envelope = await callApi.call(ctx, fn, parameters, call);
	// Only calls that change data can be refused; a read's `status` is a value of the record.
	const refusal = call.changesData ? refusalIn(envelope.data) : undefined;
	if (refusal && !options.refusalsAsItems) throw refusalError(ctx.getNode(), fn, refusal, itemIndex);
	let records: IDataObject[];
	if (options.fullResponse) records = [envelope as unknown as IDataObject];
	else if (refusal) records = [refusalItem(asObject(envelope.data), fn, refusal)];
	else if (op.output) records = op.output(envelope.data, ctx, itemIndex);
	else if (op.records) records = recordsAt(envelope.data, op.records).map(asObject);
	else records = Array.isArray(envelope.data) ? envelope.data.map(asObject) : [asObject(envelope.data)];
	return asItems(records, options, itemIndex);
}

function asItems(records: IDataObject[], options: CommonOptions, itemIndex: number): INodeExecutionData[] {
	return records.map((record) => ({
		json: (options.simplify ? simplifyValues(record) : record) as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value: value as IDataObject[keyof IDataObject] };
}
