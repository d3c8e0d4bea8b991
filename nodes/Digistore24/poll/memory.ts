import { isBefore, normalizeWall, wallMinus } from './wallClock';

/**
 * Exactly once across polls, per source (transactions, status changes). Each poll reads the window
 * from `floor` to now, so records that turn up late (booked with an earlier time than when they
 * became visible) are still found as long as they are no older than the late-arrival window.
 * Everything already emitted at or after `floor` is remembered by id, so overlapping windows never
 * emit a record twice; ids older than `floor` are forgotten, which bounds the memory.
 *
 * Invariant: every record emitted with created_at ≥ floor is in `seen`.
 */
export interface SourceMemory {
	/** Account wall clock `YYYY-MM-DD HH:MM:SS`: the next window starts here. */
	floor: string;
	/** id → created_at of emitted records at or after floor. */
	seen: Map<string, string>;
}

/**
 * A SourceMemory as it is kept in the workflow's static data. `seen` is one string, the JSON of
 * `[id, created_at, id, created_at, …]`: n8n wraps every object in static data in a proxy and
 * saves it as JSON after each poll, and one string is read, copied and saved far quicker than
 * 10,000 keys (what a busy late-arrival window holds).
 */
export interface StoredMemory {
	floor: string;
	seen: string;
}

export interface AdvanceOptions {
	/** The server's time at the start of this poll (envelope current_time). */
	serverNow: string;
	/** How late a record may turn up and still be caught. */
	lateSeconds: number;
	/** At most this many remembered ids; beyond it the floor moves up (and the log says so). */
	maxRemembered: number;
}

export function startMemory(floor: string): SourceMemory {
	return { floor: normalizeWall(floor), seen: new Map() };
}

export function loadMemory(stored: StoredMemory): SourceMemory {
	const memory: SourceMemory = { floor: String(stored.floor), seen: new Map() };
	const flat = parseList(stored.seen);
	for (let i = 0; i + 1 < flat.length; i += 2) memory.seen.set(String(flat[i]), String(flat[i + 1]));
	return memory;
}

/** The stored list; an unreadable one counts as empty (a record may then run twice, none is lost). */
function parseList(text: unknown): unknown[] {
	try {
		const value = JSON.parse(String(text || '[]')) as unknown;
		return Array.isArray(value) ? value : [];
	} catch {
		return [];
	}
}

export function storeMemory(memory: SourceMemory): StoredMemory {
	const flat: string[] = [];
	for (const [id, at] of memory.seen) flat.push(id, at);
	return { floor: memory.floor, seen: JSON.stringify(flat) };
}

/** Whether a record must be emitted now; remembers it. */
export function admit(memory: SourceMemory, id: string, createdAt: string): boolean {
	if (memory.seen.has(id)) return false;
	const at = normalizeWall(createdAt);
	// Below the floor it was either emitted in an earlier window or is older than the user asked for.
	if (at < memory.floor) return false;
	memory.seen.set(id, at);
	return true;
}

/**
 * After a successful poll: the floor moves to serverNow − late-arrival window (never back), and ids
 * below it are forgotten. Returns true when the id cap forced the floor higher than that.
 */
export function advance(memory: SourceMemory, options: AdvanceOptions): boolean {
	// Times are kept in the canonical form, so they compare as text.
	const wanted = wallMinus(options.serverNow, options.lateSeconds);
	memory.floor = isBefore(memory.floor, wanted) ? wanted : memory.floor;
	forgetBelowFloor(memory);
	if (memory.seen.size <= options.maxRemembered) return false;
	// Keep the newest ids; the floor goes up to the oldest kept time (ids of that same second stay
	// too), so the invariant holds.
	const times = [...memory.seen.values()].sort();
	memory.floor = times[times.length - options.maxRemembered];
	forgetBelowFloor(memory);
	return true;
}

function forgetBelowFloor(memory: SourceMemory): void {
	for (const [id, at] of memory.seen) if (at < memory.floor) memory.seen.delete(id);
}
