import { createHash } from 'crypto';
import type { IpnParams } from './parse';

/**
 * Digistore24 retries a notification for up to 10 days until it reads `OK`, and support can
 * resend one by hand. A redelivery has the same event, order and transaction (or e-ticket) id.
 * We remember the last `capacity` keys as short hashes in the workflow's static data, so memory
 * and the static data n8n rewrites on every change stay bounded.
 */
export const DEDUPE_CAPACITY = 1000;

export function redeliveryKey(params: IpnParams): string {
	const parts = [params.event, params.order_id, params.transaction_id, params.eticket_id, params.affiliate_name, params.product_id, params.form_no];
	return createHash('sha1').update(parts.map((part) => part ?? '').join('|')).digest('base64').slice(0, 16);
}

/** Returns true when the key was seen before; otherwise records it, dropping the oldest beyond capacity. */
export function seenBefore(store: { keys?: string[] }, key: string, capacity = DEDUPE_CAPACITY): boolean {
	const keys = (store.keys ??= []);
	if (keys.includes(key)) return true;
	keys.push(key);
	if (keys.length > capacity) keys.splice(0, keys.length - capacity);
	return false;
}
