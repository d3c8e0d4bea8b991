import { digestOf } from './hash';

/**
 * Repeats of a notification. Digistore24 sends the same notification again on purpose: a retry
 * when it did not read OK, a resend by its support after fixing an order, and events that repeat
 * for one order or e-ticket (e-ticket create → use → update, cancel → resume → cancel). Only a
 * byte-identical body is an exact repeat: any difference (an e-ticket's `action`, a changed
 * `billing_status`, a new transaction) makes it a new delivery. Every delivery runs; an exact
 * repeat says so in its item (`repeat`) and is dropped only when the user chose that.
 *
 * Each n8n process keeps, per trigger and per mode (test listening and production apart), the last
 * `REPEAT_CAPACITY` keys with when each was first seen and how often. Production memory is copied
 * into the workflow's static data whenever n8n saves that for the trigger: on answers without a run
 * (at most every `PERSIST_EVERY_MS`) and on activation, publishing and deactivation. Not on answers
 * that start a run: n8n 2.41.1 resets the static data's changed flag when it starts the run
 * (n8n-workflow's observable-object.js, called from WorkflowRunner.establishContextForPersistence),
 * and writing 1,000 keys per notification cost throughput. A key not stored when n8n stops is only
 * forgotten: its repeat then runs unmarked, which loses nothing.
 */
export const REPEAT_CAPACITY = 1000;
export const PERSIST_EVERY_MS = 10_000;

/** What the item says about earlier identical deliveries. */
export interface RepeatInfo {
	isRepeat: boolean;
	/** When this trigger first received this exact body (ISO 8601). */
	firstSeenAt: string;
	/** How many times it has been received, this one included. */
	count: number;
}

/** The exact body: Digistore24's retries are byte-identical, everything it means as new is not. */
export function deliveryKey(rawBody: string): string {
	return digestOf('sha256', rawBody, 'base64').slice(0, 22);
}

/** As kept in static data: [key, first seen (ms since epoch), count], oldest first. */
export type StoredRepeat = [string, number, number];

interface Seen {
	firstSeenAt: number;
	count: number;
}

export interface RepeatMemory {
	/** Records one delivery and tells whether an identical one came before. */
	record(key: string, now: number): RepeatInfo;
	/** Counts an exact repeat that was dropped (the user asked for it). */
	countDrop(): void;
	/** What to write to static data when a write is due, else undefined. */
	dueForStorage(now: number): StoredRepeats | undefined;
}

/** The static-data form. `savedAt` tells a process whether there is anything new to merge. */
export interface StoredRepeats {
	entries: StoredRepeat[];
	dropped: number;
	savedAt: number;
}

interface ScopeMemory {
	seen: Map<string, Seen>;
	dropped: number;
	lastPersistedAt: number;
	/** savedAt of the stored history merged last (skips merging the same list on every request). */
	mergedSavedAt: number;
	changed: boolean;
}

/** Per trigger and mode, what this process knows (a Map iterates in insertion order: oldest first). */
const processMemory = new Map<string, ScopeMemory>();
/** Scopes kept at most: a process serving many triggers stays bounded. */
const MAX_SCOPES = 200;

/** One memory per trigger node and mode: test listening never shares production's. */
export function repeatScope(workflowId: string | undefined, nodeId: string, testListening: boolean): string {
	return `${workflowId ?? ''}:${nodeId}:${testListening ? 'test' : 'production'}`;
}

/** What this process knows for a scope, in the static-data form (for the activation hooks), merged with
 * what static data already holds, or undefined when this process knows nothing for it. */
export function repeatsToStore(scope: string, stored: Partial<StoredRepeats> | undefined): StoredRepeats | undefined {
	const memory = processMemory.get(scope);
	if (memory) mergeStored(memory, stored, REPEAT_CAPACITY);
	if (!memory || memory.seen.size === 0) return undefined;
	const now = Date.now();
	memory.changed = false;
	memory.lastPersistedAt = now;
	memory.mergedSavedAt = now;
	return { entries: [...memory.seen].map(([key, seen]): StoredRepeat => [key, seen.firstSeenAt, seen.count]), dropped: memory.dropped, savedAt: now };
}


export function repeatMemory(
	scope: string,
	stored: Partial<StoredRepeats> | undefined,
	capacity = REPEAT_CAPACITY,
): RepeatMemory {
	let memory = processMemory.get(scope);
	if (!memory) {
		if (processMemory.size >= MAX_SCOPES) processMemory.delete(processMemory.keys().next().value as string);
		memory = { seen: new Map(), dropped: 0, lastPersistedAt: 0, mergedSavedAt: -1, changed: false };
		processMemory.set(scope, memory);
	}
	const scopeMemory = memory;
	mergeStored(scopeMemory, stored, capacity);
	return {
		record(key, now) {
			const before = scopeMemory.seen.get(key);
			scopeMemory.changed = true;
			if (before) {
				before.count += 1;
				return { isRepeat: true, firstSeenAt: new Date(before.firstSeenAt).toISOString(), count: before.count };
			}
			scopeMemory.seen.set(key, { firstSeenAt: now, count: 1 });
			if (scopeMemory.seen.size > capacity) scopeMemory.seen.delete(scopeMemory.seen.keys().next().value as string);
			return { isRepeat: false, firstSeenAt: new Date(now).toISOString(), count: 1 };
		},
		countDrop() {
			scopeMemory.dropped += 1;
			scopeMemory.changed = true;
		},
		dueForStorage(now) {
			if (!scopeMemory.changed || now - scopeMemory.lastPersistedAt < PERSIST_EVERY_MS) return undefined;
			scopeMemory.changed = false;
			scopeMemory.lastPersistedAt = now;
			scopeMemory.mergedSavedAt = now;
			return {
				entries: [...scopeMemory.seen].map(([key, seen]): StoredRepeat => [key, seen.firstSeenAt, seen.count]),
				dropped: scopeMemory.dropped,
				savedAt: now,
			};
		},
	};
}

/**
 * Static data is the shared history (other processes, earlier runs of n8n): keys this process
 * lacks go before its own, counts take the larger value. When the memory is full they would be
 * the first to go, so then nothing is added.
 */
function mergeStored(memory: ScopeMemory, stored: Partial<StoredRepeats> | undefined, capacity: number): void {
	if (!stored || stored.savedAt === memory.mergedSavedAt) return;
	memory.mergedSavedAt = Number(stored.savedAt);
	memory.dropped = Math.max(memory.dropped, Number(stored.dropped) || 0);
	const entries = Array.isArray(stored.entries) ? stored.entries : [];
	const unknown: StoredRepeat[] = [];
	for (const entry of entries) {
		if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
		const mine = memory.seen.get(entry[0]);
		if (mine) mine.count = Math.max(mine.count, Number(entry[2]) || 1);
		else unknown.push(entry);
	}
	const room = capacity - memory.seen.size;
	if (room <= 0 || unknown.length === 0) return;
	const learned = [...memory.seen];
	memory.seen.clear();
	for (const [key, firstSeenAt, count] of unknown.slice(-room)) memory.seen.set(key, { firstSeenAt: Number(firstSeenAt) || 0, count: Number(count) || 1 });
	for (const [key, seen] of learned) memory.seen.set(key, seen);
}

/** A plain seen-before memory by key, per scope in this process (the postback trigger marks repeats with it). */
export interface Deduplicator {
	/** True when the key was seen before; otherwise records it. */
	isDuplicate(key: string): boolean;
	/** The keys known for the scope, oldest first. */
	storedKeys(): string[];
}

const keyMemory = new Map<string, Set<string>>();

export function createDeduplicator(scope: string, stored: readonly string[], capacity = REPEAT_CAPACITY): Deduplicator {
	let known = keyMemory.get(scope);
	if (!known) {
		if (keyMemory.size >= MAX_SCOPES) keyMemory.delete(keyMemory.keys().next().value as string);
		keyMemory.set(scope, (known = new Set(stored.slice(-capacity))));
	}
	const memory = known;
	return {
		isDuplicate(key) {
			if (memory.has(key)) return true;
			memory.add(key);
			if (memory.size > capacity) memory.delete(memory.values().next().value as string);
			return false;
		},
		storedKeys: () => [...memory],
	};
}
