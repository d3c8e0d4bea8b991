export const DEFAULT_BASE_URL = 'https://www.digistore24.com';

/**
 * The Base URL the API key is sent to. It must be https, so the key never crosses a network in
 * clear text; plain http is allowed only for this machine (a local emulator or proxy).
 * Returns the URL without trailing slashes, or why it is refused.
 */
export function checkBaseUrl(raw: unknown): { ok: true; url: string } | { ok: false; problem: string } {
	const text = String(raw ?? '').trim() || DEFAULT_BASE_URL;
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return { ok: false, problem: `"${text}" is not a URL` };
	}
	if (parsed.username || parsed.password) return { ok: false, problem: 'the Base URL must not contain a user name or password' };
	if (parsed.protocol === 'https:') return { ok: true, url: text.replace(/\/+$/, '') };
	if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return { ok: true, url: text.replace(/\/+$/, '') };
	if (parsed.protocol === 'http:') return { ok: false, problem: `the Base URL ${parsed.origin} uses http; the API key may only travel over https (plain http is allowed for localhost only)` };
	return { ok: false, problem: `the Base URL must start with https:// (it starts with ${parsed.protocol}//)` };
}

export function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
