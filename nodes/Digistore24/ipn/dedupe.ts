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
	// Static data is the shared history, oldest first; what this process learned that it lacks
	// (newer keys, or keys a racing writer dropped) goes after it. A key keeps its first position.
	const memory = new Set(stored);
	for (const key of processMemory.get(scope) ?? []) memory.add(key);
	const trim = () => {
		for (const oldest of memory) {
			if (memory.size <= capacity) break;
			memory.delete(oldest);
		}
	};
	trim();
	processMemory.set(scope, memory);
	return {
		isDuplicate(key) {
			if (memory.has(key)) return true;
			memory.add(key);
			trim();
			return false;
		},
		storedKeys: () => [...memory],
	};
}
