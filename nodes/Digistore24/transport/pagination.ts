import type { ApiContext, CallOptions } from './request';
import { callApiData } from './request';
import type { ParameterObject } from './parameters';

/**
 * Digistore24 pages with `page_no` (1-based) and `page_size`, answering `page_count` and
 * `item_count`. We stop at the last page, on a short page, or as soon as `limit` records are in,
 * so a Limit never fetches pages it does not need.
 */
export interface PageOptions extends CallOptions {
	listKey: string;
	pageSize: number;
	limit?: number;
}

export async function fetchPages(
	this: ApiContext,
	fn: string,
	parameters: ParameterObject,
	options: PageOptions,
): Promise<unknown[]> {
	const records: unknown[] = [];
	for (let page = 1; ; page++) {
		const pageSize = options.limit !== undefined ? Math.min(options.pageSize, options.limit - records.length) : options.pageSize;
		const data = await callApiData.call(this, fn, { ...parameters, page_no: page, page_size: pageSize }, options);
		const list = recordsAt(data, options.listKey);
		records.push(...list);
		const pageCount = Number((data as { page_count?: unknown })?.page_count ?? 0);
		if (options.limit !== undefined && records.length >= options.limit) return records.slice(0, options.limit);
		if (list.length < pageSize || list.length === 0 || (pageCount > 0 && page >= pageCount)) return records;
	}
}

/** The records of a list answer: `data[listKey]` as an array (Digistore24 sometimes sends an object map). */
export function recordsAt(data: unknown, listKey: string): unknown[] {
	const value = listKey ? (data as Record<string, unknown> | undefined)?.[listKey] : data;
	if (Array.isArray(value)) return value;
	if (value !== null && typeof value === 'object') return Object.values(value);
	return [];
}
