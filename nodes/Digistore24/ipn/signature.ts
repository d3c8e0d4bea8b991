import { timingSafeEqual } from 'crypto';
import { digestOf } from './hash';

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
	return digestOf('sha512', canonicalString(params, passphrase, options), 'hex').toUpperCase();
}

export function canonicalString(params: Record<string, string>, passphrase: string, options: SignOptions = {}): string {
	const upper = options.upperCaseKeys === true;
	let text = '';
	for (const key of sortedKeys(params, upper)) {
		if (isSignatureKey(key)) continue;
		const raw = params[key];
		const value = options.htmlDecodeValues ? decodeHtmlEntities(raw) : raw;
		if (value === '' || value === undefined || value === null) continue;
		text += (upper ? key.toUpperCase() : key) + '=' + value + passphrase;
	}
	return text;
}

/**
 * The keys in Digistore24's order (PHP's SORT_STRING: by bytes, not by locale). Digistore24 sends
 * the same parameters in the same order again and again, so the order of the last layouts is kept:
 * sorting ~180 keys costs more than hashing them. A layout is recognised by comparing the names one
 * by one with those remembered (cheaper than building a key string for a lookup).
 */
const LAYOUT_CACHE_SIZE = 64;
interface Layout {
	upperCase: boolean;
	/** The names in the order sent. */
	sent: string[];
	sorted: string[];
}
/** Most recently used first. */
const layouts: Layout[] = [];

function sortedKeys(params: Record<string, string>, upperCase: boolean): string[] {
	const keys = Object.keys(params);
	for (let i = 0; i < layouts.length; i++) {
		const layout = layouts[i];
		if (layout.upperCase !== upperCase || !sameNames(layout.sent, keys)) continue;
		if (i > 0) layouts.unshift(...layouts.splice(i, 1));
		return layout.sorted;
	}
	const sorted = upperCase ? [...keys].sort((a, b) => byteOrder(a.toUpperCase(), b.toUpperCase())) : [...keys].sort(byteOrder);
	if (layouts.length >= LAYOUT_CACHE_SIZE) layouts.pop();
	layouts.unshift({ upperCase, sent: keys, sorted });
	return sorted;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** `sha_sign` in any letter case, or the legacy `SHASIGN`. */
export function isSignatureKey(key: string): boolean {
	// Only 7- and 8-character keys can be SHASIGN or SHA_SIGN: spares an upper-casing per key.
	return (key.length === 7 || key.length === 8) && SIGNATURE_KEYS.has(key.toUpperCase());
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
	const received = Buffer.from(got, 'hex');
	for (const variant of VARIANTS) {
		// The HTML-decoding variants only differ when some value holds an entity.
		if (variant.htmlDecodeValues && !hasEntity(params)) break;
		if (timingSafeEqual(received, digestOf('sha512', canonicalString(params, passphrase, variant)))) return 'valid';
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

function byteOrder(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#039': "'" };

function decodeHtmlEntities(value: string): string {
	if (value.indexOf('&') === -1) return value;
	return value.replace(/&(amp|lt|gt|quot|apos|#0?39);/g, (_, name: string) => ENTITIES[name]);
}
