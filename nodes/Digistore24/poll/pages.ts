import { recordsAt } from '../transport/pagination';
import type { ParameterObject } from '../transport/parameters';
import { callApi, type ApiContext } from '../transport/request';
import type { ApiRow } from './items';

/**
 * One window read page by page, the way a plain paging loop would: the largest page Digistore24
 * serves, stopping at `page_count` (or a short page). Records created while we page are appended
 * after the ones we read (oldest first), so no page shifts under us; a record seen twice is
 * dropped by id later. Also returns the server's clock from the first answer.
 */
export const PAGE_SIZE = 1000;

export interface WindowRead {
	rows: ApiRow[];
	/** Envelope `current_time` of the first page: the account's wall clock at the start. */
	serverNow?: string;
	utcOffset?: string;
	calls: number;
}

export async function readWindow(this: ApiContext, fn: string, listKey: string, parameters: ParameterObject): Promise<WindowRead> {
	const read: WindowRead = { rows: [], calls: 0 };
	for (let page = 1; ; page++) {
		const envelope = await callApi.call(this, fn, { ...parameters, page_no: page, page_size: PAGE_SIZE });
		read.calls++;
		if (page === 1) {
			read.serverNow = envelope.current_time;
			read.utcOffset = envelope.utc_offset;
		}
		const list = recordsAt(envelope.data, listKey) as ApiRow[];
		for (const row of list) read.rows.push(row);
		const pageCount = Number((envelope.data as { page_count?: unknown } | undefined)?.page_count ?? 0);
		if (list.length === 0 || (pageCount > 0 ? page >= pageCount : list.length < PAGE_SIZE)) return read;
	}
}
