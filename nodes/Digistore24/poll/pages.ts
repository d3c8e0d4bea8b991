import { sleep } from 'n8n-workflow';
import { recordsAt } from '../transport/pagination';
import type { ParameterObject } from '../transport/parameters';
import type { Digistore24Envelope } from '../transport/envelope';
import { callApi, type ApiContext } from '../transport/request';
import type { ApiRow } from './items';

/**
 * One window read page by page, the way a plain paging loop would: the largest page Digistore24
 * serves, stopping at `page_count` (or a short page). Records created while we page are appended
 * after the ones we read (oldest first), so no page shifts under us; a record seen twice is
 * dropped by id later.
 *
 * The next page is asked for as soon as a page has arrived and before the caller works on it, so
 * typing one page overlaps the wait for the next. Still one request at a time and the same
 * requests as the plain loop: page N+1 is sent only when page N says there is one.
 */
export const PAGE_SIZE = 1000;

export interface WindowPage {
	rows: ApiRow[];
	/** Envelope `current_time`: the account's wall clock when this page was served. */
	serverNow?: string;
	utcOffset?: string;
}

export async function* windowPages(this: ApiContext, fn: string, listKey: string, parameters: ParameterObject): AsyncGenerator<WindowPage> {
	const request = (page: number) => callApi.call(this, fn, { ...parameters, page_no: page, page_size: PAGE_SIZE });
	let next: Promise<Digistore24Envelope> | undefined = request(1);
	for (let page = 1; next; page++) {
		const envelope: Digistore24Envelope = await next;
		const rows = recordsAt(envelope.data, listKey) as ApiRow[];
		const pageCount = Number((envelope.data as { page_count?: unknown } | undefined)?.page_count ?? 0);
		const last = rows.length === 0 || (pageCount > 0 ? page >= pageCount : rows.length < PAGE_SIZE);
		next = last ? undefined : request(page + 1);
		if (next) {
			// Should the caller stop before taking it (an error of its own), a failed prefetch is not left unhandled.
			next.catch(() => undefined);
			// One turn of the event loop puts the request on the wire before the caller's synchronous
			// work on this page begins (n8n's HTTP helper connects and writes from I/O callbacks).
			await sleep(0);
		}
		yield { rows, serverNow: envelope.current_time, utcOffset: envelope.utc_offset };
	}
}

export interface WindowRead {
	rows: ApiRow[];
	/** Envelope `current_time` of the first page: the account's wall clock at the start. */
	serverNow?: string;
	utcOffset?: string;
	calls: number;
}

/** The whole window at once (Fetch Test Event). */
export async function readWindow(this: ApiContext, fn: string, listKey: string, parameters: ParameterObject): Promise<WindowRead> {
	const read: WindowRead = { rows: [], calls: 0 };
	for await (const page of windowPages.call(this, fn, listKey, parameters)) {
		if (read.calls++ === 0) {
			read.serverNow = page.serverNow;
			read.utcOffset = page.utcOffset;
		}
		for (const row of page.rows) read.rows.push(row);
	}
	return read;
}
