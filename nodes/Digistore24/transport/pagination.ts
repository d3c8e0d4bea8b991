import type { ApiContext, CallOptions } from './request';
import { callApiData } from './request';
import type { ParameterObject } from './parameters';

/**
 * Digistore24 pages with `page_no` (1-based) and `page_size`, answering `page_count` and
 * `item_count`. The page size stays the same on every page (page_no counts in pages of that size,
 * so changing it would skip or repeat records); with a Limit it is chosen so that the fewest pages
 * hold the limit with the least surplus (Limit 1500 → two pages of 750).
 * We stop at the last page (by `page_count`, or a short page when there is none), or as soon as
 * `limit` records are in, so a Limit never fetches pages it does not need.
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
	const pageSize = options.limit !== undefined ? evenPageSize(options.limit, options.pageSize) : options.pageSize;
	for (let page = 1; ; page++) {
		const data = await callApiData.call(this, fn, { ...parameters, page_no: page, page_size: pageSize }, options);
		const list = recordsAt(data, options.listKey);
		for (const record of list) records.push(record);
		if (options.limit !== undefined && records.length >= options.limit) return records.length > options.limit ? records.slice(0, options.limit) : records;
		if (list.length === 0) return records;
		// Trust page_count when Digistore24 sends it: a server that serves fewer than asked per page is not at its end.
		const pageCount = Number((data as { page_count?: unknown })?.page_count ?? 0);
		if (pageCount > 0 ? page >= pageCount : list.length < pageSize) return records;
	}
}

function evenPageSize(limit: number, maxPageSize: number): number {
	const wanted = Math.max(1, Math.floor(limit));
	return Math.ceil(wanted / Math.ceil(wanted / maxPageSize));
}

/** The records of a list answer: `data[listKey]` as an array (Digistore24 sometimes sends an object map). */
export function recordsAt(data: unknown, listKey: string): unknown[] {
	const value = listKey ? (data as Record<string, unknown> | undefined)?.[listKey] : data;
	if (Array.isArray(value)) return value;
	if (value !== null && typeof value === 'object') return Object.values(value);
	return [];
}
