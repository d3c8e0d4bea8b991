/**
 * Row 3: Purchase → Get Many with Return All over All Time (20,000 purchases) through the action
 * node, run by n8n-core's real ExecuteContext (test/nodes/n8n.ts), against a plain loop of the
 * same page requests with fetch. The emulator runs in its own process so that each side's heap
 * holds only its own work. Rounds alternate which side runs first.
 *
 *   npm run build && node --expose-gc --import tsx test/bench/return-all.ts [--rounds 5] [--purchases 20000]   prints JSON
 */
import path from 'path';
import { parseArgs } from 'util';
import { READ_ONLY_KEY } from '../emulator/keys';
import { runAction } from '../nodes/n8n';
import { gc, runRounds, startEmulatorProcess } from './rounds';

// The compiled node n8n runs: the packed package's dist/ (run.mjs), else this checkout's `npm run build`.
// (tsx would also resolve the source's `Digistore24.node` to the .json beside it.)
const packageDir = process.env.BENCH_PACKAGE_DIR ?? path.resolve(__dirname, '../..');
const { Digistore24 } = require(path.join(packageDir, 'dist/nodes/Digistore24/Digistore24.node.js')) as typeof import('../../nodes/Digistore24/Digistore24.node');

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, purchases: { type: 'string', default: '20000' } } });
const ROUNDS = Number(args.rounds);
const PURCHASES = Number(args.purchases);
const PAGE_SIZE = 1000; // what the node asks for (its operation's page size)
let keep: unknown; // the last result, held until its retained size is read

/** Runs `work` and samples the heap while it runs: time, peak heap growth and what stays reachable (bytes). */
async function measure(work: () => Promise<number>): Promise<{ ms: number; records: number; peak: number; retained: number }> {
	keep = undefined;
	gc();
	const base = process.memoryUsage().heapUsed;
	let peak = base;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
	const start = process.hrtime.bigint();
	let records = 0;
	let retained = 0;
	try {
		records = await work();
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		gc();
		retained = process.memoryUsage().heapUsed - base; // `keep` still holds the result
		return { ms, records, peak: peak - base, retained };
	} finally {
		clearInterval(sampler);
	}
}

async function main() {
	const emulator = await startEmulatorProcess(['--purchases', String(PURCHASES)]);
	const nodeType = new Digistore24();
	const viaNode = async () => {
		const items = await runAction({
			nodeType,
			type: 'n8n-nodes-digistore24.digistore24',
			credentials: { apiKey: READ_ONLY_KEY, baseUrl: emulator.url },
			parameters: { resource: 'purchase', operation: 'getMany', dateRange: 'start', returnAll: true },
		});
		keep = items;
		return items.length;
	};
	const viaLoop = async () => {
		const records: unknown[] = [];
		for (let page = 1; ; page++) {
			const body = new URLSearchParams({ from: 'start', to: 'now', sort_by: 'date', sort_order: 'asc', page_no: String(page), page_size: String(PAGE_SIZE), language: 'en' });
			const res = await fetch(`${emulator.url}/api/call/listPurchases`, {
				method: 'POST',
				headers: { 'X-DS-API-KEY': READ_ONLY_KEY, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
				body,
			});
			const { data } = (await res.json()) as { data: { purchase_list: unknown[]; page_count: number } };
			for (const record of data.purchase_list) records.push(record);
			if (page >= data.page_count) break;
		}
		keep = records;
		return records.length;
	};
	try {
		const { viaNode: node, viaLoop: loop } = await runRounds(ROUNDS, { viaNode, viaLoop }, async (_name, side) => {
			const m = await measure(side as () => Promise<number>);
			if (m.records !== PURCHASES) throw new Error(`expected ${PURCHASES} purchases, got ${m.records}`);
			return m;
		});
		process.stdout.write(JSON.stringify({ node: process.version, purchases: PURCHASES, pageSize: PAGE_SIZE, viaNode: node, viaLoop: loop }));
	} finally {
		emulator.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
