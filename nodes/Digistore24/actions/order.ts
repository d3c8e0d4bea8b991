/** Alphabetical, ignoring case: the order n8n's lint rules expect for ASCII option names. */
export function caseInsensitiveOrder(a: string, b: string): number {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}
