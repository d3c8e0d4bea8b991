/**
 * Digistore24 speaks Berlin wall-clock time: the envelope's `current_time`, every `created_at`
 * and the `from`/`to` parameters are `YYYY-MM-DD HH:MM:SS` in Europe/Berlin (with summer time).
 */
export const TIMEZONE = 'Europe/Berlin';

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIMEZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function wallClock(date: Date): WallClock {
	const parts: Record<string, number> = {};
	for (const part of WALL_CLOCK.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
	return parts as unknown as WallClock;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2026-08-18 08:41:48` in Berlin time. */
export function berlinDateTime(date: Date): string {
	return `${berlinDate(date)} ${berlinTime(date)}`;
}

export function berlinDate(date: Date): string {
	const w = wallClock(date);
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

export function berlinTime(date: Date): string {
	const w = wallClock(date);
	return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** Berlin's offset from UTC at that instant in minutes: 60 in winter, 120 in summer. */
export function berlinOffsetMinutes(date: Date): number {
	const w = wallClock(date);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** `+01:00` / `+02:00`, the envelope's `utc_offset`. */
export function utcOffset(date: Date): string {
	const minutes = berlinOffsetMinutes(date);
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The instant a Berlin wall-clock time denotes. */
export function fromBerlin(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
	const guess = Date.UTC(year, month - 1, day, hour, minute, second);
	// Two rounds settle the offset even next to a summer-time switch.
	let instant = guess - berlinOffsetMinutes(new Date(guess)) * 60_000;
	instant = guess - berlinOffsetMinutes(new Date(instant)) * 60_000;
	return new Date(instant);
}

const RELATIVE = /^-(\d+)\s*([hdw])$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const UNIT_MS: Record<string, number> = { h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS };

/**
 * A `from`/`to` value as Digistore24 documents it: `now`, `start` (account creation), relative
 * `-24h`/`-3d`/`-2w`, Berlin `YYYY-MM-DD[ HH:MM[:SS]]`, or ISO 8601 with an offset.
 * A bare date used as `to` means the end of that day, so `from=to=2026-01-05` is that whole day.
 * Undefined when the text is none of these.
 */
export function parseDateParam(text: string, now: Date, accountStart: Date, edge: 'from' | 'to'): Date | undefined {
	const value = text.trim();
	if (value === 'now') return now;
	if (value === 'start') return accountStart;
	const relative = RELATIVE.exec(value);
	if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]]);
	const local = LOCAL.exec(value);
	if (local) {
		const [, y, m, d, hh, mm, ss] = local;
		if (hh === undefined && edge === 'to') return new Date(fromBerlin(+y, +m, +d + 1).getTime() - 1000);
		return fromBerlin(+y, +m, +d, Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
	}
	if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
		const parsed = Date.parse(value);
		if (!Number.isNaN(parsed)) return new Date(parsed);
	}
	return undefined;
}
