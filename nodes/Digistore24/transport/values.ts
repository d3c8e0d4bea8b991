/**
 * Digistore24 answers booleans as the strings "Y"/"N" (both truthy in JavaScript) and amounts as
 * strings. `simplifyValues` turns them into booleans and numbers so workflows can compare them.
 */
const AMOUNT_KEY = /(^|_)(amount|amounts|price|earning|fee|vat|total|sum|balance|payout|commission)(_|$)/;
const DECIMAL = /^-?\d+\.\d{1,4}$/;

/** Field names repeat on every record of a list, so whether one holds amounts is asked once. */
const amountKeys = new Map<string, boolean>();
const MAX_CACHED_KEYS = 10_000;

function isAmountKey(key: string): boolean {
	let known = amountKeys.get(key);
	if (known === undefined) {
		known = AMOUNT_KEY.test(key);
		if (amountKeys.size < MAX_CACHED_KEYS) amountKeys.set(key, known);
	}
	return known;
}

function simplifyString(value: string, key: string): unknown {
	if (value.length === 1) return value === 'Y' ? true : value === 'N' ? false : value;
	return isAmountKey(key) && DECIMAL.test(value) ? Number(value) : value;
}

/**
 * Converts in place and returns the value: objects and arrays are changed, not copied (Return All
 * runs this over every record, so it allocates nothing). Give it data the caller owns, such as a
 * freshly parsed answer.
 */
export function simplifyValues(value: unknown, key = ''): unknown {
	if (typeof value === 'string') return simplifyString(value, key);
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = simplifyValues(value[i], key);
		return value;
	}
	const record = value as Record<string, unknown>;
	for (const name in record) {
		if (!Object.prototype.hasOwnProperty.call(record, name)) continue;
		const entry = record[name];
		if (typeof entry === 'string') {
			const simplified = simplifyString(entry, name);
			if (simplified !== entry) record[name] = simplified;
		} else if (entry !== null && typeof entry === 'object') {
			simplifyValues(entry, name);
		}
	}
	return record;
}
