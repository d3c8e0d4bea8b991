/**
 * Turns a raw `application/x-www-form-urlencoded` IPN body into its parameters, exactly as sent.
 * We parse the raw bytes ourselves because n8n's body parser rewrites bracketed keys (`a[b]`),
 * and the signature is computed over the keys and values as Digistore24 sent them.
 */
export type IpnParams = Record<string, string>;

export interface ParsedIpn {
	params: IpnParams;
	/** Keys that appeared more than once; a signed IPN never repeats a key, so these are refused. */
	duplicateKeys: string[];
	/** A percent-escape that is not valid UTF-8: the body cannot be what Digistore24 signed. */
	malformed: boolean;
}

export function parseIpnBody(raw: string): ParsedIpn {
	const params: IpnParams = Object.create(null) as IpnParams;
	const result: ParsedIpn = { params, duplicateKeys: [], malformed: false };
	if (raw.length === 0) return result;
	for (const pair of raw.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const key = decodeFormComponent(eq === -1 ? pair : pair.slice(0, eq));
		const value = eq === -1 ? '' : decodeFormComponent(pair.slice(eq + 1));
		if (key === undefined || value === undefined) {
			result.malformed = true;
			continue;
		}
		if (key in params) result.duplicateKeys.push(key);
		else params[key] = value;
	}
	return result;
}

/** Form decoding (`+` is a space); undefined when a percent-escape is invalid. */
function decodeFormComponent(text: string): string | undefined {
	const spaced = text.indexOf('+') === -1 ? text : text.replace(/\+/g, ' ');
	if (spaced.indexOf('%') === -1) return spaced;
	try {
		return decodeURIComponent(spaced);
	} catch {
		return undefined;
	}
}
