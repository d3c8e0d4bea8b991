/**
 * Digistore24 takes nested parameters in bracket notation (`search[role]=vendor`,
 * `payment_plan[first_amount]=9.99`) and booleans as `Y`/`N`. These helpers turn a plain object
 * into the flat, ordered pairs of a form body.
 */
export type ParameterValue = string | number | boolean | null | undefined | ParameterObject | ParameterValue[];
export interface ParameterObject {
	[key: string]: ParameterValue;
}

export function flattenParameters(parameters: ParameterObject, prefix = ''): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(parameters)) {
		const key = prefix ? `${prefix}[${name}]` : name;
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			value.forEach((entry, index) => {
				if (entry !== null && typeof entry === 'object') pairs.push(...flattenParameters(entry as ParameterObject, `${key}[${index}]`));
				else if (entry !== undefined && entry !== null) pairs.push([`${key}[${index}]`, scalar(entry)]);
			});
		} else if (typeof value === 'object') {
			pairs.push(...flattenParameters(value, key));
		} else {
			pairs.push([key, scalar(value)]);
		}
	}
	return pairs;
}

function scalar(value: string | number | boolean): string {
	if (typeof value === 'boolean') return value ? 'Y' : 'N';
	return String(value);
}

export function encodeForm(pairs: Array<[string, string]>): string {
	return pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}
