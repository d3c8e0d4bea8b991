/**
 * Digistore24 states every time on the account's wall clock: `created_at`, the envelope's
 * `current_time` and the `from`/`to` parameters are `YYYY-MM-DD HH:MM:SS` without a zone. The
 * poll trigger compares and shifts those strings on that same clock, so it never has to know the
 * account's zone; an ISO 8601 time with an offset (Start From) is moved onto it with the
 * envelope's `utc_offset`.
 */
const WALL_CLOCK = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?$/;
const WITH_OFFSET = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)$/;
const DATE_ONLY = /^\d{4}-\d\d-\d\d$/;

/** Seconds since 1970 as if the wall clock were UTC: only for comparing and shifting. */
export function wallSeconds(text: string): number | undefined {
	const match = WALL_CLOCK.exec(text.trim());
	if (!match) return undefined;
	const [, y, m, d, hh, mm, ss] = match;
	return Date.UTC(+y, +m - 1, +d, +hh, +mm, Number(ss ?? 0)) / 1000;
}

export function formatWall(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** `text` moved `seconds` back on the same wall clock. */
export function wallMinus(text: string, seconds: number): string {
	const value = wallSeconds(text);
	if (value === undefined) throw new Error(`"${text}" is not a Digistore24 time (YYYY-MM-DD HH:MM:SS)`);
	return formatWall(value - seconds);
}

const CANONICAL = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** Whether `a` is earlier than `b` on the account's wall clock (both YYYY-MM-DD HH:MM:SS). */
export function isBefore(a: string, b: string): boolean {
	return normalizeWall(a) < normalizeWall(b);
}

/** `YYYY-MM-DD HH:MM:SS`, the form that sorts as text (what Digistore24 sends; others are converted). */
export function normalizeWall(text: string): string {
	if (CANONICAL.test(text)) return text;
	const seconds = wallSeconds(text);
	return seconds === undefined ? text : formatWall(seconds);
}

/** utc_offset `+01:00` → minutes. */
function offsetMinutes(offset: string): number | undefined {
	if (offset === 'Z') return 0;
	const match = /^([+-])(\d\d):?(\d\d)$/.exec(offset.trim());
	if (!match) return undefined;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * A user's date (n8n's dateTime value, a plain date, or ISO 8601 with an offset) on the account's
 * wall clock. Undefined when it is none of these.
 */
export function toWallClock(value: string, accountUtcOffset: string | undefined): string | undefined {
	const text = value.trim();
	if (DATE_ONLY.test(text)) return `${text} 00:00:00`;
	const zoned = WITH_OFFSET.exec(text);
	if (zoned) {
		const instant = Date.parse(text);
		const account = offsetMinutes(accountUtcOffset ?? '+00:00');
		if (Number.isNaN(instant) || account === undefined) return undefined;
		return formatWall(Math.floor(instant / 1000) + account * 60);
	}
	const plain = /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?)(?:\.\d+)?$/.exec(text);
	return plain ? normalizeWall(plain[1]) : undefined;
}
