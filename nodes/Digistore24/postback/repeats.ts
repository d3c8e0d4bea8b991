import { createHash } from 'crypto';

/**
 * The key of an exact repeat: every parameter but `{random}` (new in each request Digistore24
 * makes), names sorted. Repeats are marked (`isRepeat`), never dropped: Digistore24 sends the same
 * postback again on purpose (a resend from its log, a corrected order).
 */
export function redeliveryKeyOf(params: Record<string, string>): string {
	const hash = createHash('sha1');
	for (const key of Object.keys(params).sort()) {
		if (key === 'random') continue;
		hash.update(key).update('\u0000').update(params[key]).update('\u0001');
	}
	return hash.digest('base64').slice(0, 16);
}
