/**
 * How Digistore24 reads the answer to an IPN (reference §3.1, S9, S13b, S14): delivered when the
 * answer is HTTP 200 and starts with `OK`; the lines after it are `key: value` pairs it keeps with
 * the order (access data: thankyou_url, username/password/loginurl with `_2`, `_3` suffixes,
 * headline, show_on, hide_on, and any other key shown as it is). Lines it cannot read are
 * reported the way its IPN log shows a problem; they do not make the delivery fail.
 */
export interface AccessAccount {
	username?: string;
	password?: string;
	loginurl?: string;
}

export interface OrderAccess {
	thankyou_url?: string;
	headline?: string;
	show_on?: string[];
	hide_on?: string[];
	/** Index 0 is the account without suffix, index 1 the `_2` one, … */
	accounts: AccessAccount[];
	/** Free lines in the order they came. */
	extra: Array<{ key: string; value: string }>;
}

export interface ReadReply {
	/** Whether Digistore24 counts the IPN as delivered. */
	ok: boolean;
	/** Why it is not delivered (the IPN log's error), when not ok. */
	problem?: string;
	/** Lines it could not read (delivered anyway). */
	warnings: string[];
	/** The access data, when ok and the answer had any. */
	access?: OrderAccess;
}

const ACCOUNT_KEY = /^(username|password|loginurl)(?:_(\d+))?$/;
const PLACE_KEYS = new Set(['show_on', 'hide_on']);

export function readIpnReply(status: number | null, body: string | undefined): ReadReply {
	if (status === null) return { ok: false, problem: 'No answer (connection failed or timed out)', warnings: [] };
	const text = body ?? '';
	if (status !== 200) return { ok: false, problem: `HTTP status ${status} (expected 200): ${excerpt(text)}`, warnings: [] };
	const [first, ...rest] = text.replace(/\r\n/g, '\n').split('\n');
	if (!first.trim().startsWith('OK')) return { ok: false, problem: `The answer does not start with "OK": ${excerpt(text)}`, warnings: [] };

	const warnings: string[] = [];
	const access: OrderAccess = { accounts: [], extra: [] };
	let any = false;
	rest.forEach((line, i) => {
		if (line.trim() === '') return;
		const colon = line.indexOf(':');
		if (colon <= 0) {
			warnings.push(`Line ${i + 2} is not "key: value" and was ignored: ${excerpt(line)}`);
			return;
		}
		const key = line.slice(0, colon).trim();
		const value = line.slice(colon + 1).trim();
		if (/<[a-z/][^>]*>/i.test(value)) warnings.push(`Line ${i + 2} contains HTML, which is shown as plain text`);
		any = true;
		const account = ACCOUNT_KEY.exec(key);
		if (account) {
			const index = account[2] === undefined ? 0 : Number(account[2]) - 1;
			if (index < 0) {
				warnings.push(`Line ${i + 2}: "${key}" has no account number 0; ignored`);
				return;
			}
			const slot = (access.accounts[index] ??= {});
			if (slot[account[1] as keyof AccessAccount] !== undefined) warnings.push(`Line ${i + 2}: "${key}" given twice; the last one counts`);
			slot[account[1] as keyof AccessAccount] = value;
		} else if (PLACE_KEYS.has(key)) {
			access[key as 'show_on' | 'hide_on'] = value.split(',').map((p) => p.trim()).filter(Boolean);
		} else if (key === 'thankyou_url' || key === 'headline') {
			access[key] = value;
		} else {
			access.extra.push({ key, value });
		}
	});
	// Accounts are numbered from 1 without gaps; a gap (username_3 without _2) leaves a hole.
	access.accounts = Array.from(access.accounts, (account, i) => {
		if (account === undefined) warnings.push(`Account ${i + 1} is missing (later accounts are numbered past it)`);
		return account ?? {};
	});
	return { ok: true, warnings, ...(any ? { access } : {}) };
}

function excerpt(text: string): string {
	const oneLine = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
	return oneLine;
}

/** Where access data can appear (Digistore24's IPN receiver example, S9). */
export const PLACES = ['receipt_page', 'order_confirmation_email', 'invoice'] as const;
export type Place = (typeof PLACES)[number];

/**
 * Which places show the access data. Digistore24 mails them (and shows them on its thank-you page
 * while the buyer waits) only when the connection's timing is before_thankyou; a delayed IPN
 * arrives after the buyer left the order, so only the order's receipt page shows them then (S9).
 * show_on lists where (all when absent or "all"); hide_on removes places ("none" removes nothing).
 */
export function placesShown(access: OrderAccess, timing: string): Place[] {
	const shown = !access.show_on || access.show_on.includes('all') ? [...PLACES] : PLACES.filter((p) => access.show_on!.includes(p));
	const hidden = access.hide_on?.includes('all') ? [...PLACES] : (access.hide_on ?? []);
	const inTime = timing === 'before_thankyou' ? shown : shown.filter((p) => p === 'receipt_page');
	return inTime.filter((p) => !hidden.includes(p));
}

/** The access block as the buyer reads it, plain text. */
export function renderAccess(access: OrderAccess): string {
	const lines = [access.headline || 'Your access data'];
	access.accounts.forEach((account, i) => {
		if (access.accounts.length > 1) lines.push(`Account ${i + 1}`);
		if (account.username !== undefined) lines.push(`Username: ${account.username}`);
		if (account.password !== undefined) lines.push(`Password: ${account.password}`);
		if (account.loginurl !== undefined) lines.push(`Login: ${account.loginurl}`);
	});
	for (const { key, value } of access.extra) lines.push(`${key}: ${value}`);
	return lines.join('\n');
}
