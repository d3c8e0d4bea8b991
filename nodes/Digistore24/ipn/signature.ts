import { createHash, timingSafeEqual } from 'crypto';

/**
 * Digistore24's `sha_sign`: SHA-512 over `key=value<passphrase>` for every non-empty parameter,
 * keys sorted by byte order, `sha_sign`/`SHASIGN` left out, hex in upper case.
 * Live accounts sign with the keys as sent; Digistore24's PHP helper can sign upper-cased keys,
 * so verification accepts both. The legacy receiver HTML-decoded values first; accepted as a fallback.
 */
export interface SignOptions {
	upperCaseKeys?: boolean;
	htmlDecodeValues?: boolean;
}

const SIGNATURE_KEYS = new Set(['SHA_SIGN', 'SHASIGN']);

/** The value Digistore24 sends when the connection has no passphrase: never accepted. */
export const UNSIGNED_MARKER = 'no_signature_passphrase_provided';

export function signIpn(params: Record<string, string>, passphrase: string, options: SignOptions = {}): string {
	return createHash('sha512').update(canonicalString(params, passphrase, options), 'utf8').digest('hex').toUpperCase();
}

export function canonicalString(params: Record<string, string>, passphrase: string, options: SignOptions = {}): string {
	const entries: Array<[string, string]> = [];
	for (const key in params) {
		if (SIGNATURE_KEYS.has(key.toUpperCase())) continue;
		entries.push([options.upperCaseKeys ? key.toUpperCase() : key, params[key]]);
	}
	entries.sort(byteOrder);
	let text = '';
	for (const [key, raw] of entries) {
		const value = options.htmlDecodeValues ? decodeHtmlEntities(raw) : raw;
		if (value === '' || value === undefined || value === null) continue;
		text += key + '=' + value + passphrase;
	}
	return text;
}

export function receivedSignature(params: Record<string, string>): string {
	return params.sha_sign ?? params.SHASIGN ?? params.SHA_SIGN ?? '';
}

export type VerifyResult = 'valid' | 'missing' | 'unsigned' | 'invalid' | 'no-passphrase';

export function verifyIpn(params: Record<string, string>, passphrase: string | undefined): VerifyResult {
	if (!passphrase) return 'no-passphrase';
	const got = receivedSignature(params);
	if (got === '') return 'missing';
	if (got === UNSIGNED_MARKER) return 'unsigned';
	if (!/^[0-9a-fA-F]{128}$/.test(got)) return 'invalid';
	const received = Buffer.from(got.toUpperCase(), 'ascii');
	// The HTML-decoding variants only differ when some value holds an entity.
	const variants = hasEntity(params) ? VARIANTS : VARIANTS.slice(0, 2);
	for (const variant of variants) {
		const expected = Buffer.from(signIpn(params, passphrase, variant), 'ascii');
		if (timingSafeEqual(received, expected)) return 'valid';
	}
	return 'invalid';
}

const VARIANTS: SignOptions[] = [
	{},
	{ upperCaseKeys: true },
	{ htmlDecodeValues: true },
	{ upperCaseKeys: true, htmlDecodeValues: true },
];

function hasEntity(params: Record<string, string>): boolean {
	for (const key in params) if (params[key].indexOf('&') !== -1) return true;
	return false;
}

function byteOrder(a: [string, string], b: [string, string]): number {
	// Digistore24 sorts like PHP's SORT_STRING: by bytes, not by locale.
	return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#039': "'" };

function decodeHtmlEntities(value: string): string {
	if (value.indexOf('&') === -1) return value;
	return value.replace(/&(amp|lt|gt|quot|apos|#0?39);/g, (_, name: string) => ENTITIES[name]);
}
