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
	seen: Record<string, string>;
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
	return { floor: normalizeWall(floor), seen: {} };
}

/** Whether a record must be emitted now; remembers it. */
export function admit(memory: SourceMemory, id: string, createdAt: string): boolean {
	if (id in memory.seen) return false;
	const at = normalizeWall(createdAt);
	// Below the floor it was either emitted in an earlier window or is older than the user asked for.
	if (at < memory.floor) return false;
	memory.seen[id] = at;
	return true;
}

/**
 * After a successful poll: the floor moves to serverNow − late-arrival window (never back), and ids
 * below it are forgotten. Returns true when the id cap forced the floor higher than that.
 */
export function advance(memory: SourceMemory, options: AdvanceOptions): boolean {
	// Times are kept in the canonical form, so they compare as text.
	const wanted = wallMinus(options.serverNow, options.lateSeconds);
	let floor = isBefore(memory.floor, wanted) ? wanted : memory.floor;
	const kept = Object.entries(memory.seen).filter(([, at]) => at >= floor);
	let capped = false;
	if (kept.length > options.maxRemembered) {
		// Keep the newest ids; the floor goes up to the oldest kept time, so the invariant holds.
		kept.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
		floor = kept[options.maxRemembered - 1][1];
		capped = true;
	}
	memory.floor = floor;
	if (capped || kept.length < Object.keys(memory.seen).length) memory.seen = Object.fromEntries(kept.filter(([, at]) => at >= floor));
	return capped;
}
