/**
 * The reply Digistore24 reads after an IPN (reference §3.1, S13b, S9): `OK`, then one
 * `key: value` line each, plain text. With the connection's timing "before the thank-you page"
 * Digistore24 shows these lines to the buyer on the thank-you page and in the order confirmation
 * e-mail (and the invoice unless hidden). Accounts after the first carry `_2`, `_3`, … suffixes.
 * Every value is one line: a value that could start another line (line breaks and other control
 * or separator characters) is refused, never sent, because it could forge a login or a link.
 */

export interface AccessAccount {
	username?: string;
	password?: string;
	loginUrl?: string;
}

export interface AccessData {
	accounts: AccessAccount[];
	thankyouUrl?: string;
	headline?: string;
	/** Digistore24's places: receipt_page, order_confirmation_email, invoice (or all / none). */
	showOn?: string[];
	hideOn?: string[];
	extraLines: Array<{ key: string; value: string }>;
}

export type AccessReply = { ok: true; body: string; lines: string[] } | { ok: false; field: string; reason: string };

/** Where Digistore24 can show the data (comments of its IPN receiver example, S9). */
export const PLACES = ['receipt_page', 'order_confirmation_email', 'invoice'] as const;

/** Keys Digistore24 gives a meaning to; free lines must not reuse them (with or without `_n`). */
const RESERVED = /^(thankyou_url|username|password|loginurl|headline|show_on|hide_on)(_\d+)?$/i;

/**
 * Characters that end a line for some reader: C0/C1 controls (CR, LF, VT, FF, NEL, …), DEL and
 * Unicode's line and paragraph separators. Tabs are refused too: plain text only.
 */
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function describeChar(char: string): string {
	const names: Record<string, string> = { '\n': 'a line break (LF)', '\r': 'a carriage return (CR)', '\t': 'a tab', '\u2028': 'a line separator (U+2028)', '\u2029': 'a paragraph separator (U+2029)' };
	return names[char] ?? `the control character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a value cannot be one line, or undefined. Never quotes the value (it may be a password). */
function lineProblem(value: string): string | undefined {
	const match = LINE_BREAKING.exec(value);
	if (match) return `contains ${describeChar(match[0])} at position ${match.index + 1}; a value must be a single line, or it could add lines of its own`;
	return undefined;
}

const suffix = (index: number) => (index === 0 ? '' : `_${index + 1}`);

export function buildAccessReply(data: AccessData): AccessReply {
	const lines: string[] = [];
	const add = (field: string, key: string, raw: string | undefined, { trim = true } = {}): AccessReply | undefined => {
		if (raw === undefined || raw === null) return undefined;
		const value = trim ? String(raw).trim() : String(raw);
		if (value === '') return undefined;
		const problem = lineProblem(value);
		if (problem) return { ok: false, field, reason: problem };
		if (!trim && value !== value.trim()) return { ok: false, field, reason: 'starts or ends with a space, which the buyer could not tell from the value shown' };
		lines.push(`${key}: ${value}`);
		return undefined;
	};

	const steps: Array<() => AccessReply | undefined> = [() => add('Thank-You URL', 'thankyou_url', data.thankyouUrl)];
	data.accounts.forEach((account, i) => {
		const n = i === 0 ? '' : ` ${i + 1}`;
		steps.push(
			() => add(`Account${n} Username`, `username${suffix(i)}`, account.username, { trim: false }),
			() => add(`Account${n} Password`, `password${suffix(i)}`, account.password, { trim: false }),
			() => add(`Account${n} Login URL`, `loginurl${suffix(i)}`, account.loginUrl),
		);
	});
	steps.push(
		() => add('Headline', 'headline', data.headline),
		() => add('Show On', 'show_on', data.showOn?.join(',')),
		() => add('Hide On', 'hide_on', data.hideOn?.join(',')),
	);
	data.extraLines.forEach((line, i) => {
		steps.push(() => {
			const key = String(line.key ?? '').trim();
			const field = `Extra Line ${i + 1}`;
			if (key === '') return String(line.value ?? '').trim() === '' ? undefined : { ok: false, field, reason: 'has a value but no key' };
			const problem = lineProblem(key);
			if (problem) return { ok: false, field: `${field} key`, reason: problem };
			if (key.includes(':')) return { ok: false, field: `${field} key`, reason: 'contains ":", which Digistore24 reads as the end of the key' };
			if (RESERVED.test(key)) return { ok: false, field: `${field} key`, reason: `"${key}" is a key Digistore24 reads itself; use the field made for it` };
			return add(field, key, line.value);
		});
	});
	for (const step of steps) {
		const failure = step();
		if (failure) return failure;
	}
	return { ok: true, body: ['OK', ...lines].join('\n'), lines };
}

/** The reply as it may be shown: each password value replaced. */
export function redactedLines(lines: string[]): string[] {
	return lines.map((line) => line.replace(/^(password(?:_\d+)?): .*$/, '$1: ********'));
}

/**
 * A copy of `value` with every occurrence of `secrets` in its strings replaced (very short ones
 * only where they are the whole string), so the node's output
 * does not carry the password it sent (the item coming in may hold it from an earlier node).
 */
export function withoutSecrets<T>(value: T, secrets: string[]): T {
	if (secrets.length === 0) return value;
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return secrets.reduce((text, secret) => (secret.length >= 4 ? text.split(secret).join('********') : text === secret ? '********' : text), v);
		if (Array.isArray(v)) return v.map(walk);
		if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
		return v;
	};
	return walk(value) as T;
}
