import { createHash } from 'crypto';
import type { IpnParams } from './parse';

/**
 * Digistore24 retries a notification for up to 10 days until it reads `OK`, and support can
 * resend one by hand. A redelivery has the same event, order and transaction (or e-ticket) id.
 *
 * Each n8n process keeps, per trigger, the last `DEDUPE_CAPACITY` keys (short hashes) it has seen
 * or read from the workflow's static data, and writes that whole list back to static data after
 * every accepted notification. n8n saves static data whole, last writer wins; because every writer
 * writes everything it knows, a save never drops a key the writer had, so another process (a
 * second webhook process, the main after a failover, n8n after a restart) reads the keys of all
 * notifications that were answered before. Only the very same notification arriving at two
 * processes in the same instant can run twice.
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

/** Keys in arrival order; a Set iterates in insertion order, so the first is the oldest. */
const processMemory = new Map<string, Set<string>>();

export function createDeduplicator(scope: string, stored: readonly string[], capacity = DEDUPE_CAPACITY): Deduplicator {
	let known = processMemory.get(scope);
	if (!known) processMemory.set(scope, (known = new Set()));
	const memory = known;
	const remember = (key: string) => {
		memory.add(key);
		if (memory.size > capacity) memory.delete(memory.values().next().value as string);
	};
	// What other processes (or this one before a restart) saved.
	for (const key of stored) if (!memory.has(key)) remember(key);
	return {
		isDuplicate(key) {
			if (memory.has(key)) return true;
			remember(key);
			return false;
		},
		storedKeys: () => [...memory],
	};
}
