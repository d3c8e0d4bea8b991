import { parseIpnBody } from '../ipn/parse';

/**
 * A postback's parameters: Digistore24 requests the URL with its placeholders filled in (GET), so
 * they are in the query string; a POST may carry more in a form or JSON body. We read the query
 * from the raw URL ourselves (n8n's parsed query rewrites bracketed keys) with the same form
 * decoding as IPN bodies. A key sent twice keeps its first value and is reported, not refused:
 * a postback URL is typed by people, and refusing would lose the conversion.
 */
export interface PostbackRequest {
	/** The request URL as received (path and query). */
	url: string;
	/** The raw body ('' for GET). */
	body: string;
	contentType: string;
}

export interface ParsedPostback {
	params: Record<string, string>;
	duplicateKeys: string[];
	/** A percent-escape that is not valid UTF-8, or a body that is not what its content type says. */
	malformed?: string;
}

export function parsePostback(request: PostbackRequest): ParsedPostback {
	const at = request.url.indexOf('?');
	const query = parseIpnBody(at === -1 ? '' : request.url.slice(at + 1));
	const params = query.params;
	const duplicateKeys = [...query.duplicateKeys];
	if (query.malformed) return { params, duplicateKeys, malformed: 'the query string is not valid URL encoding' };
	if (request.body.trim() === '') return { params, duplicateKeys };
	const fromBody = bodyParams(request.body, request.contentType);
	if (typeof fromBody === 'string') return { params, duplicateKeys, malformed: fromBody };
	duplicateKeys.push(...fromBody.duplicateKeys);
	for (const [key, value] of Object.entries(fromBody.params)) {
		if (key in params) {
			if (params[key] !== value) duplicateKeys.push(key);
		} else {
			params[key] = value;
		}
	}
	return { params, duplicateKeys };
}

/** Form or JSON body parameters, or why the body cannot be read. */
function bodyParams(body: string, contentType: string): { params: Record<string, string>; duplicateKeys: string[] } | string {
	if (/json/i.test(contentType)) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			return 'the body is not valid JSON';
		}
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'the JSON body is not an object';
		const out: Record<string, string> = Object.create(null) as Record<string, string>;
		for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
			if (value === null || value === undefined) out[key] = '';
			else out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
		return { params: out, duplicateKeys: [] };
	}
	const form = parseIpnBody(body);
	if (form.malformed) return 'the body is not valid form encoding';
	return { params: form.params, duplicateKeys: form.duplicateKeys };
}
