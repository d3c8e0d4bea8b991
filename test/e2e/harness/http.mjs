// Minimal JSON-over-fetch clients for n8n: one for the cookie session (/rest, /types) and one
// for the public API (/api/v1, X-N8N-API-KEY). Both throw on non-2xx with the response text.

export class HttpError extends Error {
	constructor(method, url, status, body) {
		super(`${method} ${url} -> ${status}: ${body.slice(0, 500)}`);
		this.status = status;
		this.body = body;
	}
}

async function send(method, url, { headers = {}, body } = {}) {
	const res = await fetch(url, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new HttpError(method, url, res.status, text);
	return { res, json: text ? JSON.parse(text) : undefined };
}

/** Cookie-session client. n8n's auth cookie is `n8n-auth`; we keep every cookie it sets. */
export function sessionClient(baseUrl) {
	const jar = new Map();
	const request = async (method, path, body) => {
		const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
		const { res, json } = await send(method, baseUrl + path, { headers: cookie ? { cookie } : {}, body });
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const i = pair.indexOf('=');
			jar.set(pair.slice(0, i).trim(), pair.slice(i + 1));
		}
		return json;
	};
	return {
		request,
		get: (path) => request('GET', path),
		post: (path, body) => request('POST', path, body ?? {}),
		/** Cookies for a browser context (Playwright's addCookies shape). */
		cookies: () => [...jar].map(([name, value]) => ({ name, value, url: baseUrl })),
	};
}

/** Public API client (/api/v1). */
export function apiClient(baseUrl, getKey) {
	return async (method, path, body) =>
		(await send(method, `${baseUrl}/api/v1${path}`, { headers: { 'X-N8N-API-KEY': getKey() }, body })).json;
}
