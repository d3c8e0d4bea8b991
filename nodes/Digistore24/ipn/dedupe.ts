import { createHash } from 'crypto';
import type { IpnParams } from './parse';

/**
 * Digistore24 retries a notification for up to 10 days until it reads `OK`, and support can
 * resend one by hand. A redelivery has the same event, order and transaction (or e-ticket) id.
 *
 * Two memories, both bounded to the last `DEDUPE_CAPACITY` keys (short hashes):
 * - the workflow's static data, which survives restarts; n8n saves it whole after each request,
 *   last writer wins, so keys of notifications handled at the same moment can be lost there;
 * - this process's memory, which is exact for everything this n8n process received.
 */
export const DEDUPE_CAPACITY = 1000;

export function redeliveryKey(params: IpnParams): string {
	const parts = [params.event, params.order_id, params.transaction_id, params.eticket_id, params.affiliate_name, params.product_id, params.form_no];
	return createHash('sha1').update(parts.map((part) => part ?? '').join('|')).digest('base64').slice(0, 16);
}

export interface Deduplicator {
	/** True when the key was seen before; otherwise records it. */
	isDuplicate(key: string): boolean;
	/** The keys to keep in static data (oldest first, bounded). */
	storedKeys(): string[];
}

const processMemory = new Map<string, Set<string>>();

export function createDeduplicator(scope: string, stored: readonly string[], capacity = DEDUPE_CAPACITY): Deduplicator {
	const keys = [...stored];
	let memory = processMemory.get(scope);
	if (!memory) processMemory.set(scope, (memory = new Set()));
	const remembered = memory;
	return {
		isDuplicate(key) {
			if (remembered.has(key) || keys.includes(key)) return true;
			remembered.add(key);
			// A Set iterates in insertion order: drop the oldest beyond capacity.
			if (remembered.size > capacity) remembered.delete(remembered.values().next().value as string);
			keys.push(key);
			if (keys.length > capacity) keys.splice(0, keys.length - capacity);
			return false;
		},
		storedKeys: () => keys,
	};
}
