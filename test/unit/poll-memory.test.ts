import { admit, advance, loadMemory, startMemory, storeMemory } from '../../nodes/Digistore24/poll/memory';
import { toWallClock, wallMinus } from '../../nodes/Digistore24/poll/wallClock';

describe('poll memory: overlapping windows, ids remembered, bounded', () => {
	it('admits a record once, and nothing below the floor', () => {
		const memory = startMemory('2026-11-20 10:00:00');
		expect(admit(memory, '1', '2026-11-20 10:00:00')).toBe(true);
		expect(admit(memory, '1', '2026-11-20 10:00:00')).toBe(false);
		expect(admit(memory, '2', '2026-11-20 09:59:59')).toBe(false);
	});

	it('moves the floor to now minus the late-arrival window, never back, and forgets ids below it', () => {
		const memory = startMemory('2026-11-20 10:00:00');
		admit(memory, 'a', '2026-11-20 10:00:05');
		admit(memory, 'b', '2026-11-20 10:20:00');
		advance(memory, { serverNow: '2026-11-20 10:05:00', lateSeconds: 3600, maxRemembered: 100 });
		expect(memory.floor).toBe('2026-11-20 10:00:00');
		advance(memory, { serverNow: '2026-11-20 11:10:00', lateSeconds: 3600, maxRemembered: 100 });
		expect(memory.floor).toBe('2026-11-20 10:10:00');
		expect([...memory.seen.keys()]).toEqual(['b']);
		// A late record inside the window is new; the one seen before is not.
		expect(admit(memory, 'c', '2026-11-20 10:15:00')).toBe(true);
		expect(admit(memory, 'b', '2026-11-20 10:20:00')).toBe(false);
	});

	it('caps the remembered ids by raising the floor to the oldest one kept (same-second ids stay together)', () => {
		const memory = startMemory('2026-11-20 10:00:00');
		for (let i = 0; i < 10; i++) admit(memory, `t${i}`, `2026-11-20 10:00:0${i}`);
		admit(memory, 'same', '2026-11-20 10:00:07');
		const capped = advance(memory, { serverNow: '2026-11-20 10:01:00', lateSeconds: 3600, maxRemembered: 3 });
		expect(capped).toBe(true);
		expect(memory.floor).toBe('2026-11-20 10:00:07');
		expect([...memory.seen.keys()].sort()).toEqual(['same', 't7', 't8', 't9']);
		expect(admit(memory, 't6', '2026-11-20 10:00:06')).toBe(false);
		expect(admit(memory, 'same', '2026-11-20 10:00:07')).toBe(false);
	});
});

describe('poll memory in static data', () => {
	it('is stored as one string and read back to the same memory', () => {
		const memory = startMemory('2026-11-20 10:00:00');
		admit(memory, '40000001', '2026-11-20 10:00:05');
		admit(memory, 'id "with" \t odd\ncharacters', '2026-11-20 10:00:06');
		const stored = storeMemory(memory);
		expect(typeof stored.seen).toBe('string');
		const loaded = loadMemory(JSON.parse(JSON.stringify(stored)));
		expect(loaded).toEqual(memory);
		expect(admit(loaded, '40000001', '2026-11-20 10:00:05')).toBe(false);
	});

	it('reads an unreadable list as empty, keeping the floor (a record may run twice, none is lost)', () => {
		expect(loadMemory({ floor: '2026-11-20 10:00:00', seen: 'not json' })).toEqual({ floor: '2026-11-20 10:00:00', seen: new Map() });
	});
});

describe('account wall clock', () => {
	it('shifts and converts times on the account clock', () => {
		expect(wallMinus('2026-03-01 00:00:30', 60)).toBe('2026-02-28 23:59:30');
		expect(toWallClock('2026-11-20T10:00:00', undefined)).toBe('2026-11-20 10:00:00');
		expect(toWallClock('2026-11-20', undefined)).toBe('2026-11-20 00:00:00');
		expect(toWallClock('2026-11-20T09:00:00Z', '+01:00')).toBe('2026-11-20 10:00:00');
		expect(toWallClock('2026-07-20T10:00:00+02:00', '+02:00')).toBe('2026-07-20 10:00:00');
		expect(toWallClock('yesterday', '+01:00')).toBeUndefined();
	});
});
