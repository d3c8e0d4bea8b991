import type * as Dedupe from '../../nodes/Digistore24/ipn/dedupe';

/** Each call loads the module afresh: its process memory stands for one n8n process. */
function aProcess(): typeof Dedupe {
	let loaded: typeof Dedupe | undefined;
	jest.isolateModules(() => {
		loaded = jest.requireActual<typeof Dedupe>('../../nodes/Digistore24/ipn/dedupe');
	});
	return loaded!;
}

/** Static data as n8n keeps it: saved whole by whoever saves last. */
class StaticData {
	keys: string[] = [];
	load = () => [...this.keys];
	save = (keys: string[]) => (this.keys = [...keys]);
}

/** One request: load static data, decide, write the list back when it ran. */
function receive(process: typeof Dedupe, db: StaticData, key: string, loaded = db.load()) {
	const dedupe = process.createDeduplicator('wf:node', loaded);
	const duplicate = dedupe.isDuplicate(key);
	return { duplicate, save: () => !duplicate && db.save(dedupe.storedKeys()) };
}

describe('deduplication', () => {
	it('catches a redelivery in the same process', () => {
		const p = aProcess();
		const db = new StaticData();
		expect(receive(p, db, 'a').duplicate).toBe(false);
		expect(receive(p, db, 'a').duplicate).toBe(true);
	});

	it('keeps every key in static data although concurrent saves land out of order', () => {
		const p = aProcess();
		const db = new StaticData();
		// Ten requests load static data at the same moment (empty), then save in reverse order.
		const loadedAtOnce = db.load();
		const requests = Array.from({ length: 10 }, (_, i) => receive(p, db, `k${i}`, loadedAtOnce));
		requests.at(-1)!.save();
		requests.slice(0, -1).forEach((r) => r.save());
		// The last save came from the first request, which only knew its own key then. The next
		// accepted notification writes everything this process has seen.
		receive(p, db, 'k10').save();
		expect(new Set(db.keys)).toEqual(new Set(Array.from({ length: 11 }, (_, i) => `k${i}`)));
	});

	it('lets another process catch what the first one answered', () => {
		const webhookProcess = aProcess();
		const main = aProcess();
		const db = new StaticData();
		for (let i = 0; i < 50; i++) receive(webhookProcess, db, `k${i}`).save();
		const redelivered = Array.from({ length: 50 }, (_, i) => receive(main, db, `k${i}`).duplicate);
		expect(redelivered.every(Boolean)).toBe(true);
	});

	it('merges what two processes write, so neither loses the other’s keys', () => {
		const a = aProcess();
		const b = aProcess();
		const db = new StaticData();
		for (let i = 0; i < 20; i++) {
			receive(a, db, `a${i}`).save();
			receive(b, db, `b${i}`).save();
		}
		const third = aProcess();
		const seen = [...Array.from({ length: 20 }, (_, i) => `a${i}`), ...Array.from({ length: 20 }, (_, i) => `b${i}`)];
		expect(seen.filter((key) => !receive(third, db, key).duplicate)).toEqual([]);
	});

	it('stays bounded and forgets the oldest keys first', () => {
		const p = aProcess();
		const db = new StaticData();
		const dedupe = p.createDeduplicator('wf:bounded', [], 3);
		['k1', 'k2', 'k3', 'k4'].forEach((key) => dedupe.isDuplicate(key));
		db.save(dedupe.storedKeys());
		expect(db.keys).toEqual(['k2', 'k3', 'k4']);
		expect(dedupe.isDuplicate('k1')).toBe(false);
	});

	it('keys a redelivery by event and ids, not by the rest of the payload', () => {
		const { redeliveryKey } = aProcess();
		const original = { event: 'on_payment', order_id: 'A1', transaction_id: '7', amount: '10.00' };
		expect(redeliveryKey({ ...original, amount: '10.00', sha_sign: 'x' })).toBe(redeliveryKey(original));
		expect(redeliveryKey({ ...original, transaction_id: '8' })).not.toBe(redeliveryKey(original));
		expect(redeliveryKey({ ...original, event: 'on_refund' })).not.toBe(redeliveryKey(original));
	});
});

describe('deduplication: a full memory and an older static data', () => {
	it('keeps the newest keys of this process when static data holds older ones it already forgot', () => {
		const p = aProcess();
		const db = new StaticData();
		const capacity = 10;
		const receiveBounded = (key: string, loaded = db.load()) => {
			const dedupe = p.createDeduplicator('wf:full', loaded, capacity);
			const duplicate = dedupe.isDuplicate(key);
			return { duplicate, save: () => !duplicate && db.save(dedupe.storedKeys()) };
		};
		// Fill past capacity; static data saved once, early: it holds keys the process has since forgotten.
		for (let i = 0; i < 10; i++) receiveBounded(`old${i}`).save();
		const stale = db.load();
		for (let i = 0; i < 10; i++) receiveBounded(`new${i}`, stale); // answered, saves still in flight
		// Every new key is still known, although each request merged the stale list in.
		expect(Array.from({ length: 10 }, (_, i) => receiveBounded(`new${i}`, stale).duplicate)).toEqual(Array(10).fill(true));
	});
});

describe('deduplication: requests in flight at the same time', () => {
	it('shares one memory, so a key recorded by one request is known to every later one', () => {
		const p = aProcess();
		const db = new StaticData();
		db.save(['older']);
		// Two requests read static data and create their deduplicators before either decides
		// (n8n awaits the credential read in between).
		const first = p.createDeduplicator('wf:flight', db.load());
		const second = p.createDeduplicator('wf:flight', db.load());
		expect(first.isDuplicate('k1')).toBe(false);
		expect(second.isDuplicate('k2')).toBe(false);
		const later = p.createDeduplicator('wf:flight', ['older']);
		expect(['k1', 'k2', 'older'].map((key) => later.isDuplicate(key))).toEqual([true, true, true]);
		expect(later.storedKeys()).toEqual(['older', 'k1', 'k2']);
	});
});
