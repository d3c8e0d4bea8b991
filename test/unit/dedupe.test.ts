import type * as Dedupe from '../../nodes/Digistore24/ipn/dedupe';

/** Each call loads the module afresh: its process memory stands for one n8n process. */
function aProcess(): typeof Dedupe {
	let loaded: typeof Dedupe | undefined;
	jest.isolateModules(() => {
		loaded = jest.requireActual<typeof Dedupe>('../../nodes/Digistore24/ipn/dedupe');
	});
	return loaded!;
}

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

/** Static data as n8n keeps it: saved whole by whoever saves last. */
class StaticData {
	repeats: Dedupe.StoredRepeats | undefined;
}

/** One request at `now`: read static data, record the delivery, write back when due. */
function receive(process: typeof Dedupe, db: StaticData, body: string, now: number, scope = 'wf:node:production') {
	const memory = process.repeatMemory(scope, db.repeats);
	const info = memory.record(process.deliveryKey(body), now);
	const due = memory.dueForStorage(now);
	if (due) db.repeats = due;
	return info;
}

describe('repeats: exact repeats are marked, every delivery counted', () => {
	it('marks only a byte-identical body as a repeat, with when it was first seen and how often', () => {
		const p = aProcess();
		const db = new StaticData();
		expect(receive(p, db, 'event=eticket&action=create&eticket_id=1', T0)).toEqual({ isRepeat: false, firstSeenAt: new Date(T0).toISOString(), count: 1 });
		// The same e-ticket used, then updated: different bodies, new deliveries.
		expect(receive(p, db, 'event=eticket&action=use&eticket_id=1', T0 + 1).isRepeat).toBe(false);
		expect(receive(p, db, 'event=eticket&action=update&eticket_id=1', T0 + 2).isRepeat).toBe(false);
		expect(receive(p, db, 'event=eticket&action=create&eticket_id=1', T0 + 3)).toEqual({ isRepeat: true, firstSeenAt: new Date(T0).toISOString(), count: 2 });
		expect(receive(p, db, 'event=eticket&action=create&eticket_id=1', T0 + 4).count).toBe(3);
	});

	it('keeps test listening and production apart', () => {
		const p = aProcess();
		// The node stores only production's memory: test listening gets no static data.
		expect(p.repeatMemory('wf:node:test', undefined).record('same', T0).isRepeat).toBe(false);
		expect(receive(p, new StaticData(), 'same', T0, 'wf:node:production').isRepeat).toBe(false);
		expect(p.repeatMemory('wf:node:test', undefined).record('same', T0).isRepeat).toBe(true);
	});

	it('writes static data at most every PERSIST_EVERY_MS, and then everything it knows', () => {
		const p = aProcess();
		const db = new StaticData();
		receive(p, db, 'a', T0);
		expect(db.repeats?.entries.map(([key]) => key)).toEqual([p.deliveryKey('a')]);
		receive(p, db, 'b', T0 + 1);
		receive(p, db, 'c', T0 + 2);
		expect(db.repeats?.entries).toHaveLength(1);
		receive(p, db, 'd', T0 + p.PERSIST_EVERY_MS);
		expect(db.repeats?.entries.map(([key]) => key)).toEqual(['a', 'b', 'c', 'd'].map(p.deliveryKey));
	});

	it('lets another process (or n8n after a restart) mark what the first one received', () => {
		const first = aProcess();
		const db = new StaticData();
		for (let i = 0; i < 50; i++) receive(first, db, `k${i}`, T0 + i * first.PERSIST_EVERY_MS);
		const restarted = aProcess();
		const seen = Array.from({ length: 50 }, (_, i) => receive(restarted, db, `k${i}`, T0 + 10_000_000));
		expect(seen.every((info) => info.isRepeat && info.count === 2)).toBe(true);
		expect(seen[0].firstSeenAt).toBe(new Date(T0).toISOString());
	});

	it('merges what two processes write, so neither loses the other’s keys', () => {
		const a = aProcess();
		const b = aProcess();
		const db = new StaticData();
		for (let i = 0; i < 20; i++) {
			receive(a, db, `a${i}`, T0 + 2 * i * a.PERSIST_EVERY_MS);
			receive(b, db, `b${i}`, T0 + (2 * i + 1) * a.PERSIST_EVERY_MS);
		}
		const third = aProcess();
		const keys = Array.from({ length: 20 }, (_, i) => [`a${i}`, `b${i}`]).flat();
		// The last write came from b, which merged a's keys on every request.
		expect(keys.filter((key) => !receive(third, db, key, T0 + 10_000_000).isRepeat)).toEqual([]);
	});

	it('stays bounded and forgets the oldest deliveries first', () => {
		const p = aProcess();
		const memory = p.repeatMemory('wf:bounded', undefined, 3);
		['k1', 'k2', 'k3', 'k4'].forEach((key, i) => memory.record(key, T0 + i));
		expect(memory.dueForStorage(T0 + 10)?.entries.map(([key]) => key)).toEqual(['k2', 'k3', 'k4']);
		expect(memory.record('k1', T0 + 20).isRepeat).toBe(false);
	});

	it('counts dropped repeats into what it stores', () => {
		const p = aProcess();
		const memory = p.repeatMemory('wf:drops', undefined);
		memory.record('x', T0);
		memory.countDrop();
		memory.countDrop();
		expect(memory.dueForStorage(T0)?.dropped).toBe(2);
		const other = aProcess().repeatMemory('wf:drops', { entries: [], dropped: 2, savedAt: T0 });
		other.countDrop();
		expect(other.dueForStorage(T0 + 1)?.dropped).toBe(3);
	});

	it('ignores static data it cannot read instead of failing the notification', () => {
		const p = aProcess();
		const memory = p.repeatMemory('wf:garbage', { entries: [['ok', T0, 1], 'junk', [5]] as never, savedAt: 1 });
		expect(memory.record('ok', T0 + 1).isRepeat).toBe(true);
		expect(memory.record('junk', T0 + 1).isRepeat).toBe(false);
	});
});

describe('repeats: a full memory and an older static data', () => {
	it('keeps the newest keys of this process when static data holds older ones it already forgot', () => {
		const p = aProcess();
		const capacity = 10;
		const stale = { entries: Array.from({ length: 10 }, (_, i): Dedupe.StoredRepeat => [`old${i}`, T0, 1]), dropped: 0, savedAt: 1 };
		const memory = p.repeatMemory('wf:full', stale, capacity);
		for (let i = 0; i < 10; i++) memory.record(`new${i}`, T0 + i);
		// Every later request merges the same stale list (other savedAt): the new keys stay.
		const later = p.repeatMemory('wf:full', { ...stale, savedAt: 2 }, capacity);
		expect(Array.from({ length: 10 }, (_, i) => later.record(`new${i}`, T0 + 100).isRepeat)).toEqual(Array(10).fill(true));
	});
});
