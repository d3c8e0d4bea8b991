/**
 * Parses an `application/x-www-form-urlencoded` body (or query string) the way PHP does for
 * Digistore24: bracket keys become nested objects (`search[role]=vendor` → `{ search: { role } }`,
 * `addons[]=a` → `{ addons: { 0: 'a' } }`). Parsed by hand so the emulator sees exactly what a
 * client sent, with no framework rewriting keys.
 */
export type FormValue = string | FormObject;
export interface FormObject {
	[key: string]: FormValue;
}

export function parseForm(raw: string, into: FormObject = {}): FormObject {
	for (const pair of raw.split('&')) {
		if (pair === '') continue;
		const eq = pair.indexOf('=');
		const key = decode(eq === -1 ? pair : pair.slice(0, eq));
		const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
		if (key !== '') assign(into, keyPath(key), value);
	}
	return into;
}

function decode(text: string): string {
	const spaced = text.replace(/\+/g, ' ');
	try {
		return decodeURIComponent(spaced);
	} catch {
		return spaced; // PHP keeps bad escapes as they are.
	}
}

/** `a[b][c]` → ['a', 'b', 'c']; `a[]` → ['a', '']; malformed brackets keep the key whole. */
function keyPath(key: string): string[] {
	const open = key.indexOf('[');
	if (open <= 0) return [key];
	const rest = key.slice(open);
	if (!/^(\[[^\]]*\])+$/.test(rest)) return [key];
	return [key.slice(0, open), ...[...rest.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])];
}

function assign(target: FormObject, path: string[], value: string): void {
	let node = target;
	path.forEach((segment, index) => {
		const name = segment === '' ? String(Object.keys(node).length) : segment;
		if (index === path.length - 1) {
			node[name] = value;
			return;
		}
		const next = node[name];
		if (typeof next !== 'object') node[name] = {};
		node = node[name] as FormObject;
	});
}
