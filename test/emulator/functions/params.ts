import { apiErrors } from '../errors';
import type { FormObject, FormValue } from '../form';

/** Reading parameters the tolerant way PHP does: text is text, nested values are objects. */
export function text(params: FormObject, name: string): string | undefined {
	const value = params[name];
	return typeof value === 'string' ? value : undefined;
}

/** Comma lists (`product_id=1,2`), trimmed, empty entries dropped. */
export function list(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** Y/N, also accepting what clients tend to send instead (1/0, true/false). */
export function flag(params: FormObject, name: string, fallback = false): boolean {
	const value = text(params, name)?.trim().toLowerCase();
	if (value === undefined || value === '') return fallback;
	return ['y', 'yes', '1', 'true'].includes(value);
}

export function integer(params: FormObject, name: string, fallback: number, min: number): number {
	const value = text(params, name);
	if (value === undefined || value.trim() === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min) throw apiErrors.invalidParameter(name, value, `expected a whole number >= ${min}`);
	return number;
}

export function oneOf<T extends string>(params: FormObject, name: string, allowed: readonly T[], fallback: T): T {
	const value = text(params, name);
	if (value === undefined || value === '') return fallback;
	if (!allowed.includes(value as T)) throw apiErrors.invalidParameter(name, value, `expected one of ${allowed.join(', ')}`);
	return value as T;
}

/** A nested parameter such as `search[...]`; a JSON string is accepted too (some clients send that). */
export function object(params: FormObject, name: string): Record<string, string> {
	let value: FormValue | undefined = params[name];
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			value = JSON.parse(value) as FormObject;
		} catch {
			throw apiErrors.invalidParameter(name, value as string, 'expected bracket notation like search[email]=… or a JSON object');
		}
	}
	const out: Record<string, string> = {};
	for (const [key, entry] of Object.entries(value ?? {})) if (entry !== null && typeof entry !== 'object') out[key] = String(entry);
	return out;
}
