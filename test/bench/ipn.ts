/**
 * Row 1: the trigger's whole receive path in process, `decide(rawBody, settings)` (parse the raw
 * body, verify sha_sign, type the item), against the physical limit: one SHA-512 over the same
 * canonical string with node's crypto. Rounds alternate which side runs first.
 *
 *   npm run build && npx tsx test/bench/ipn.ts [--rounds 7] [--ms 300]   prints JSON on stdout
 */
import { createHash } from 'crypto';
import path from 'path';
import { parseArgs } from 'util';
import type { IpnParams } from '../emulator/ipn-sample';
import type { ReceiveSettings } from '../../nodes/Digistore24/ipn/receive';
import { canonicalString } from '../../nodes/Digistore24/ipn/signature';
import { fullPayment, PASSPHRASE, shortPayment, signed } from './payloads';

// The compiled code n8n runs: the packed package's dist/ (run.mjs), else this checkout's `npm run build`.
const packageDir = process.env.BENCH_PACKAGE_DIR ?? path.resolve(__dirname, '../..');
const { decide } = require(path.join(packageDir, 'dist/nodes/Digistore24/ipn/receive')) as typeof import('../../nodes/Digistore24/ipn/receive');

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, ms: { type: 'string', default: '300' } } });
const ROUNDS = Number(args.rounds);
const SAMPLE_MS = Number(args.ms);
const DISTINCT = 256; // distinct notifications per payload, as Digistore24 sends them: same layout, other values

const settings: ReceiveSettings = { events: ['on_payment'], passphrase: PASSPHRASE, productIds: [], includeConnectionTests: false, rawOnly: false };

/** Operations per second of `op(i)`, called with i = 0, 1, 2, ... for at least `ms`. */
function opsPerSecond(op: (i: number) => void, ms: number): number {
	let i = 0;
	const start = process.hrtime.bigint();
	const deadline = start + BigInt(ms) * 1_000_000n;
	let now = start;
	while (now < deadline) {
		for (let k = 0; k < 64; k++) op(i++);
		now = process.hrtime.bigint();
	}
	return i / (Number(now - start) / 1e9);
}

function sha512(text: string): Buffer {
	return createHash('sha512').update(text, 'utf8').digest();
}

function measurePayload(name: string, make: (seq: number) => IpnParams) {
	const params = Array.from({ length: DISTINCT }, (_, i) => make(i + 1));
	const bodies = params.map((p) => signed(p));
	const canonicals = params.map((p) => canonicalString(p, PASSPHRASE));
	for (const body of bodies) {
		const decision = decide(body, settings);
		if (!decision.run) throw new Error(`${name}: decide() did not accept its notification: ${decision.reason}`);
	}
	let sink = 0;
	const runDecide = (i: number) => {
		const decision = decide(bodies[i % DISTINCT], settings);
		if (decision.run) sink++;
	};
	const runHash = (i: number) => {
		sink += sha512(canonicals[i % DISTINCT])[0];
	};
	opsPerSecond(runDecide, SAMPLE_MS); // warm-up: JIT, the layout memory
	opsPerSecond(runHash, SAMPLE_MS);
	const decideOps: number[] = [];
	const hashOps: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		if (round % 2 === 0) {
			decideOps.push(opsPerSecond(runDecide, SAMPLE_MS));
			hashOps.push(opsPerSecond(runHash, SAMPLE_MS));
		} else {
			hashOps.push(opsPerSecond(runHash, SAMPLE_MS));
			decideOps.push(opsPerSecond(runDecide, SAMPLE_MS));
		}
	}
	if (sink === 0) throw new Error('nothing measured');
	return {
		name,
		fields: Object.keys(params[0]).length + 1, // + sha_sign
		bodyChars: bodies[0].length,
		canonicalChars: canonicals[0].length,
		decideOps,
		hashOps,
		ratios: decideOps.map((ops, round) => ops / hashOps[round]),
	};
}

/**
 * The first notification of a layout sorts its names; every later one of that layout reuses the
 * remembered order. Here every notification has a new layout (one extra, unique parameter): the
 * worst case, for reference.
 */
function measureNewLayouts(make: (seq: number) => IpnParams) {
	const count = Math.max(200, Math.round((ROUNDS * SAMPLE_MS) / 2));
	const bodies = Array.from({ length: count }, (_, i) => signed({ ...make(i + 1), [`bench_unique_${i}`]: 'x' }));
	const start = process.hrtime.bigint();
	for (const body of bodies) if (!decide(body, settings).run) throw new Error('new layout: not accepted');
	return { count, ops: count / (Number(process.hrtime.bigint() - start) / 1e9) };
}

const result = {
	node: process.version,
	payloads: [measurePayload('short', shortPayment), measurePayload('full', fullPayment)],
	newLayouts: measureNewLayouts(fullPayment),
};
process.stdout.write(JSON.stringify(result));
