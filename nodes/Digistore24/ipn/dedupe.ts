import { createHash } from 'crypto';
import type { IpnParams } from './parse';

/**
 * Digistore24 retries a notification for up to 10 days until it reads `OK`, and support can
 * resend one by hand. A redelivery has the same event, order and transaction (or e-ticket) id.
 *
 * Each n8n process keeps, per trigger, the last `DEDUPE_CAPACITY` keys (short hashes): those it
 * read from the workflow's static data followed by those it has seen itself, and writes that whole
 * list back to static data after every accepted notification. n8n saves static data whole, last
 * writer wins; because every writer writes everything it knows, a save never drops a key the
 * writer had, so another process (a second webhook process, the main after a failover, n8n after
 * a restart) reads the keys of all notifications answered before. Only the very same notification
 * reaching two processes in the same instant can run twice.
 */
export const DEDUPE_CAPACITY = 1000;

export function redeliveryKey(params: IpnParams): string {
	const parts = [params.event, params.order_id, params.transaction_id, params.eticket_id, params.affiliate_name, params.product_id, params.form_no];
	return createHash('sha1').update(parts.map((part) => part ?? '').join('|')).digest('base64').slice(0, 16);
}

export interface Deduplicator {
	/** True when the key was seen before; otherwise records it. */
	isDuplicate(key: string): boolean;
	/** The keys to keep in static data: everything this process knows for the trigger, oldest first. */
	storedKeys(): string[];
}

/** Per trigger, the keys this process knows, oldest first (a Set iterates in insertion order). */
const processMemory = new Map<string, Set<string>>();

export function createDeduplicator(scope: string, stored: readonly string[], capacity = DEDUPE_CAPACITY): Deduplicator {
	// One Set per trigger, changed in place: requests in flight at the same time share it.
	let known = processMemory.get(scope);
	if (!known) processMemory.set(scope, (known = new Set()));
	const memory = known;
	mergeOlder(memory, stored, capacity);
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

/**
 * Static data is the shared history, older than what this process learned since: keys of it that
 * this process lacks (another process's, or ones a racing save dropped) go before its own. When
 * the memory is full they would be the first to go, so then nothing changes.
 */
function mergeOlder(memory: Set<string>, stored: readonly string[], capacity: number): void {
	const room = capacity - memory.size;
	if (room <= 0) return;
	const unknown = stored.filter((key) => !memory.has(key)).slice(-room);
	if (unknown.length === 0) return;
	const learned = [...memory];
	memory.clear();
	for (const key of unknown) memory.add(key);
	for (const key of learned) memory.add(key);
}
