import { recordsAt } from '../transport/pagination';
import type { ParameterObject } from '../transport/parameters';
import { callApi, type ApiContext } from '../transport/request';
import { eventForChange, eventForTransaction, selectedEvents, type PollEvent, type PollSource } from './events';
import { rebillingChangeItem, transactionItem, type ApiRow, type PolledItem } from './items';
import { admit, advance, loadMemory, startMemory, storeMemory, type SourceMemory, type StoredMemory } from './memory';
import { readWindow, windowPages, type WindowRead } from './pages';
import { normalizeWall, toWallClock } from './wallClock';

/**
 * One poll: for each source the selected events need, read the window since its floor, emit what
 * was not emitted before, move the floor. Works on a copy of the state; the caller stores it only
 * after the whole poll succeeded, so a failed poll (429 after the transport's retries, network)
 * changes nothing and the next poll reads the same window again.
 */
export interface PollSettings {
	events: string[];
	productIds: string[];
	lateSeconds: number;
	/** First activation only: emit from this date (backfill) instead of from now. */
	startFrom?: string;
	maxRemembered: number;
}

/** What the trigger keeps in the workflow's static data, per source. */
export interface PollState {
	transactions?: StoredMemory;
	rebillingChanges?: StoredMemory;
}

export interface PollResult {
	items: PolledItem[];
	state: PollState;
	calls: number;
	/** Sources whose id cap moved the floor up (late tolerance shrank). */
	capped: PollSource[];
	/** Sources seen for the first time: started from now or from Start From. */
	started: PollSource[];
}

export const DEFAULT_MAX_REMEMBERED = 20_000;

interface Source {
	fn: string;
	listKey: string;
	parameters: (events: PollEvent[], settings: PollSettings) => ParameterObject;
	/** The selected event a row is, or undefined when it is not wanted. */
	eventOf: (row: ApiRow, events: PollEvent[], settings: PollSettings) => PollEvent | undefined;
	toItem: (row: ApiRow, event: PollEvent) => PolledItem;
}

const SOURCES: Record<PollSource, Source> = {
	transactions: {
		fn: 'listTransactions',
		listKey: 'transaction_list',
		parameters: (events, settings) => {
			const search: ParameterObject = { transaction_type: events.flatMap((e) => e.matches).join(',') };
			if (settings.productIds.length) search.product_id = settings.productIds.join(',');
			return { sort_by: 'date', sort_order: 'asc', search };
		},
		eventOf: (row, events) => {
			const event = eventForTransaction(String(row.transaction_type ?? ''));
			return event && events.includes(event) ? event : undefined;
		},
		toItem: transactionItem,
	},
	rebillingChanges: {
		fn: 'listRebillingStatusChanges',
		listKey: 'items',
		parameters: () => ({}),
		eventOf: (row, events, settings) => {
			// listRebillingStatusChanges has no filters: events and products are picked here.
			const event = eventForChange(String(row.change_type ?? ''));
			if (!events.includes(event)) return undefined;
			if (settings.productIds.length && !settings.productIds.includes(String(row.product_id ?? ''))) return undefined;
			return event;
		},
		toItem: rebillingChangeItem,
	},
};

export async function pollOnce(this: ApiContext, previous: PollState, settings: PollSettings): Promise<PollResult> {
	// Works on copies; the caller stores the new state only once the whole poll has succeeded.
	const state: PollState = {};
	const result: PollResult = { items: [], state, calls: 0, capped: [], started: [] };
	const timed: Array<{ at: string; id: string; item: PolledItem }> = [];
	for (const [name, events] of eventsBySource(settings.events)) {
		const source = SOURCES[name];
		const stored = previous[name];
		const memory = stored ? loadMemory(stored) : undefined;
		const from = memory ? memory.floor : firstFrom(settings.startFrom);
		let current: SourceMemory | undefined;
		let serverNow = '';
		// Each page is admitted and typed while the next one is on its way (see windowPages).
		for await (const page of windowPages.call(this, source.fn, source.listKey, { from, ...source.parameters(events, settings) })) {
			result.calls++;
			if (!current) {
				if (!page.serverNow) throw new Error(`Digistore24 ${source.fn} answered without current_time`);
				serverNow = page.serverNow;
				if (memory) current = memory;
				else {
					result.started.push(name);
					const start = settings.startFrom ? toWallClock(settings.startFrom, page.utcOffset) : undefined;
					// No Start From: begin at the server's now, so an account's history never floods the workflow.
					current = startMemory(start ?? serverNow);
				}
			}
			if (!memory && !settings.startFrom) continue;
			for (const row of page.rows) {
				const event = source.eventOf(row, events, settings);
				if (!event) continue;
				const id = String(row.id ?? '');
				const at = String(row.created_at ?? '');
				// Typed only when new: in the steady state most rows of the window were emitted before.
				if (admit(current, id, at)) timed.push({ at: normalizeWall(at), id, item: source.toItem(row, event) });
			}
		}
		if (!current) throw new Error(`Digistore24 ${source.fn} answered nothing`);
		if (advance(current, { serverNow, lateSeconds: settings.lateSeconds, maxRemembered: settings.maxRemembered })) result.capped.push(name);
		state[name] = storeMemory(current);
	}
	// Sources not polled this time (events deselected) keep what they remembered.
	for (const name of ['transactions', 'rebillingChanges'] as const) if (!state[name] && previous[name]) state[name] = copyStored(previous[name]);
	// Oldest first across sources, as they happened.
	timed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	result.items = timed.map((entry) => entry.item);
	return result;
}

/** The most recent matching item, for "Fetch Test Event"; reads only, remembers nothing. */
export async function latestItem(this: ApiContext, settings: PollSettings): Promise<PolledItem | undefined> {
	const candidates: Array<{ at: string; item: PolledItem }> = [];
	for (const [name, events] of eventsBySource(settings.events)) {
		const source = SOURCES[name];
		const parameters: ParameterObject =
			name === 'transactions'
				? { from: 'start', ...source.parameters(events, settings), sort_order: 'desc' }
				: { from: '-30d' };
		// Newest first for transactions (one page is enough); status changes cannot be sorted, so read 30 days.
		const read = name === 'transactions'
			? await readFirstPage.call(this, source, parameters)
			: await readWindow.call(this, source.fn, source.listKey, parameters);
		for (const row of read.rows) {
			const event = source.eventOf(row, events, settings);
			if (event) candidates.push({ at: normalizeWall(String(row.created_at ?? '')), item: source.toItem(row, event) });
		}
	}
	candidates.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
	return candidates[0]?.item;
}

async function readFirstPage(this: ApiContext, source: Source, parameters: ParameterObject): Promise<WindowRead> {
	const envelope = await callApi.call(this, source.fn, { ...parameters, page_no: 1, page_size: 10 });
	return { rows: recordsAt(envelope.data, source.listKey) as ApiRow[], serverNow: envelope.current_time, calls: 1 };
}

/** A plain copy (n8n hands static data out wrapped in observing proxies). */
function copyStored(stored: StoredMemory): StoredMemory {
	return { floor: String(stored.floor), seen: String(stored.seen) };
}

function eventsBySource(values: readonly string[]): Array<[PollSource, PollEvent[]]> {
	const grouped = new Map<PollSource, PollEvent[]>();
	for (const event of selectedEvents(values)) grouped.set(event.source, [...(grouped.get(event.source) ?? []), event]);
	return [...grouped.entries()];
}

/** The first window's start: Start From as the API takes it, or now. */
function firstFrom(startFrom: string | undefined): string {
	if (!startFrom) return 'now';
	const text = startFrom.trim();
	// With an offset Digistore24 takes ISO 8601 as is; a plain date or time is on the account's clock.
	return /(Z|[+-]\d\d:?\d\d)$/.test(text) && text.includes('T') ? text : (toWallClock(text, undefined) ?? text);
}
