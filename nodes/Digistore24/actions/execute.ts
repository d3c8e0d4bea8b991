import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { fetchPages, recordsAt } from '../transport/pagination';
import { callApi } from '../transport/request';
import { simplifyValues } from '../transport/values';
import { commonOptions } from './common';
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
	const call = { language: options.language, timeoutMs: options.timeoutMs, maxRetries: options.maxRetries, itemIndex };

	let records: IDataObject[];
	if (op.pages && op.records) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
		const list = await fetchPages.call(ctx, fn, parameters, { ...call, listKey: op.records, pageSize: op.pages.pageSize, limit });
		records = list.map(asObject);
	} else {
		const envelope = await callApi.call(ctx, fn, parameters, call);
		if (options.fullResponse) records = [envelope as unknown as IDataObject];
		else if (op.output) records = op.output(envelope.data, ctx, itemIndex);
		else if (op.records) records = recordsAt(envelope.data, op.records).map(asObject);
		else records = Array.isArray(envelope.data) ? envelope.data.map(asObject) : [asObject(envelope.data)];
	}
	return records.map((record) => ({
		json: (options.simplify ? simplifyValues(record) : record) as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : { value: value as IDataObject[keyof IDataObject] };
}
