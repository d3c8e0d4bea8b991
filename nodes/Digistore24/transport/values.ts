/**
 * Digistore24 answers booleans as the strings "Y"/"N" (both truthy in JavaScript) and amounts as
 * strings. `simplifyValues` turns them into booleans and numbers so workflows can compare them.
 */
const AMOUNT_KEY = /(^|_)(amount|amounts|price|earning|fee|vat|total|sum|balance|payout|commission)(_|$)/;
const DECIMAL = /^-?\d+\.\d{1,4}$/;

export function simplifyValues(value: unknown, key = ''): unknown {
	if (value === 'Y') return true;
	if (value === 'N') return false;
	if (typeof value === 'string' && DECIMAL.test(value) && AMOUNT_KEY.test(key)) return Number(value);
	if (Array.isArray(value)) return value.map((entry) => simplifyValues(entry, key));
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [name, entry] of Object.entries(value)) out[name] = simplifyValues(entry, name);
		return out;
	}
	return value;
}
