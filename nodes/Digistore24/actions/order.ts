import type { INodeProperties } from 'n8n-workflow';

/** Alphabetical, ignoring case: the order n8n's lint rules expect for ASCII option names. */
export function caseInsensitiveOrder(a: string, b: string): number {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}

/** Collection options sorted by label, as n8n's lint rules want them. */
export function sortedByDisplayName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => caseInsensitiveOrder(a.displayName, b.displayName));
}
