/**
 * Row 5: one poll of the Digistore24 Polling Trigger with 10,000 transactions in its window, run by
 * n8n-core's real PollContext against the emulator (own process), against a plain loop of the same
 * page requests with fetch. Two cases: all 10,000 are new (they become 10,000 items), and all were
 * emitted before (the steady state while they sit inside the late-arrival window: no item). API
 * calls are counted in the emulator's call log. Rounds alternate which side runs first.
 *
 *   npm run build && node --expose-gc --import tsx test/bench/poll.ts [--rounds 5] [--transactions 10000]   prints JSON
 */
import path from 'path';
import { parseArgs } from 'util';
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { READ_ONLY_KEY } from '../emulator/keys';
import { additionalData, makeWorkflow } from '../nodes/n8n';
import { runRounds, startEmulatorProcess, timed } from './rounds';

const packageDir = process.env.BENCH_PACKAGE_DIR ?? path.resolve(__dirname, '../..');
const { Digistore24PollTrigger } = require(path.join(packageDir, 'dist/nodes/Digistore24/Digistore24PollTrigger.node.js')) as typeof import('../../nodes/Digistore24/Digistore24PollTrigger.node');

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, transactions: { type: 'string', default: '10000' } } });
const ROUNDS = Number(args.rounds);
const TRANSACTIONS = Number(args.transactions);

async function main() {
	// A small seeded history: the window holds (almost) only the 10,000 made below.
	const emulator = await startEmulatorProcess(['--purchases', '50']);
	const control = async (method: string, route: string, body?: unknown) =>
		(await fetch(`${emulator.url}/__emulator/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })).json() as Promise<IDataObject>;
	const callCount = async () => ((await control('GET', 'state')).calls as unknown[]).length;
	try {
		await control('POST', 'activity', { sales: TRANSACTIONS, pastSeconds: [1800, 120], productIds: ['512345', '512347'], seed: 7 });
		const berlin = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' });
		const floor = berlin.format(new Date(Date.now() - 1900_000));
		const nodeType = new Digistore24PollTrigger();
		const parameters = { events: ['on_payment'], options: { lateMinutes: 120 } };
		const pollWith = async (staticData: IDataObject) => {
			const credentials = { apiKey: READ_ONLY_KEY, baseUrl: emulator.url };
			const { workflow, node } = makeWorkflow({ nodeType, type: 'n8n-nodes-digistore24.digistore24PollTrigger', parameters, credentials, staticData });
			const ctx = new PollContext(workflow, node, additionalData(credentials), 'trigger', 'activate');
			const out = (await nodeType.poll.call(ctx)) as INodeExecutionData[][] | null;
			return { items: out ? out[0].length : 0, staticData: workflow.staticData as IDataObject };
		};
		const fresh = (): IDataObject => ({ 'node:Digistore24': { poll: { transactions: { floor, seen: {} } } } });
		const first = await pollWith(fresh());
		const seenState = JSON.stringify(first.staticData);
		const viaLoop = async () => {
			let records = 0;
			for (let page = 1; ; page++) {
				const body = new URLSearchParams({ from: floor, sort_by: 'date', sort_order: 'asc', 'search[transaction_type]': 'payment', page_no: String(page), page_size: '1000' });
				const res = await fetch(`${emulator.url}/api/call/listTransactions`, {
					method: 'POST',
					headers: { 'X-DS-API-KEY': READ_ONLY_KEY, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
					body,
				});
				const { data } = (await res.json()) as { data: { transaction_list: unknown[]; page_count: number } };
				records += data.transaction_list.length;
				if (page >= data.page_count) return records;
			}
		};
		const result = await runRounds(
			ROUNDS,
			{
				pollNew: async () => (await pollWith(fresh())).items,
				loop: viaLoop,
				pollSeen: async () => (await pollWith(JSON.parse(seenState))).items,
			},
			async (_name, side) => {
				const before = await callCount();
				const { ms, out } = await timed(side);
				return { ms, calls: (await callCount()) - before, out: out as number };
			},
		);
		const inWindow = result.loop[0].out;
		if (inWindow < TRANSACTIONS) throw new Error(`expected ${TRANSACTIONS} in the window, the loop read ${inWindow}`);
		if (result.pollNew.some((m) => m.out !== inWindow)) throw new Error('the poll did not emit every new transaction');
		if (result.pollSeen.some((m) => m.out !== 0)) throw new Error('the poll emitted transactions it had emitted before');
		process.stdout.write(JSON.stringify({ node: process.version, transactions: inWindow, ...result }));
	} finally {
		emulator.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
