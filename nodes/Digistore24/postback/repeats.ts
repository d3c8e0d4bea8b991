import { digestOf } from '../ipn/hash';

/**
 * The key of an exact repeat: every parameter but `{random}` (new in each request Digistore24
 * makes), names sorted. Repeats are marked (`isRepeat`), never dropped: Digistore24 sends the same
 * postback again on purpose (a resend from its log, a corrected order).
 */
export function redeliveryKeyOf(params: Record<string, string>): string {
	// One string, one hash call: an update() per name and value cost more than the hash itself.
	let text = '';
	for (const key of Object.keys(params).sort()) {
		if (key === 'random') continue;
		text += `${key}\u0000${params[key]}\u0001`;
	}
	return digestOf('sha1', text, 'base64').slice(0, 16);
}
