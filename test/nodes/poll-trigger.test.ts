import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';
import { Digistore24PollTrigger } from '../../nodes/Digistore24/Digistore24PollTrigger.node';
import { Digistore24Trigger } from '../../nodes/Digistore24/Digistore24Trigger.node';
import { findEvent } from '../../nodes/Digistore24/ipn/events';
import { normalizeIpn } from '../../nodes/Digistore24/ipn/normalize';
import { startActivity } from '../emulator/activity';
import { buildSampleIpn } from '../emulator/ipn-sample';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from '../emulator/keys';
import { startEmulator, type Emulator } from '../emulator/server';
import { additionalData, makeWorkflow } from './n8n';

/**
 * The polling trigger's poll() in n8n's real PollContext against the emulator over HTTP, with the
 * emulator's clock moved by the test: a moving account, late (back-dated) records, restarts
 * (a new context on the same static data), paging, 429s, first activation and backfill.
 */
let clock = Date.parse('2026-11-20T10:00:00Z');
let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ purchases: 1500, now: () => new Date(clock) });
});
afterAll(() => emulator.stop());
beforeEach(() => {
	emulator.state.reset();
	emulator.state.faults.length = 0;
});

const nodeType = new Digistore24PollTrigger();
const ALL = ['on_payment', 'on_refund', 'on_chargeback', 'on_rebill_cancelled', 'on_rebill_resumed'];

function poller(parameters: IDataObject, staticData: IDataObject, apiKey = READ_ONLY_KEY) {
	return async (mode: WorkflowExecuteMode = 'trigger'): Promise<IDataObject[] | null> => {
		const { workflow, node } = makeWorkflow({ nodeType, type: 'n8n-nodes-digistore24.digistore24PollTrigger', parameters, credentials: { apiKey, baseUrl: emulator.url }, staticData, workflowId: 'wf-poll' });
		const ctx = new PollContext(workflow, node, additionalData({ apiKey, baseUrl: emulator.url }), mode, 'activate');
		const out = (await nodeType.poll!.call(ctx)) as INodeExecutionData[][] | null;
		// n8n keeps static data on the workflow; hand the same object to the next "process".
		Object.assign(staticData, workflow.staticData);
		return out ? out[0].map((i) => i.json) : null;
	};
}
const advance = (seconds: number) => (clock += seconds * 1000);
const calls = (fn: string) => emulator.state.calls.filter((c) => c.function === fn);

describe('Digistore24 Polling Trigger', () => {
	it('first activation starts from now: an account with history starts no run', async () => {
		const poll = poller({ events: ALL }, {});
		expect(emulator.state.data.transactions.length).toBeGreaterThan(1500);
		expect(await poll()).toBeNull();
		advance(30);
		expect(await poll()).toBeNull();
	});

	it('runs each new sale, rebill, refund, chargeback and cancellation exactly once, late ones included, across restarts', async () => {
		const staticData: IDataObject = {};
		expect(await poller({ events: ALL, options: { lateMinutes: 10 } }, staticData)()).toBeNull();
		// Back-dated records land after the activation (before it they are history, not new).
		advance(400);
		const seen: IDataObject[] = [];
		const expected = new Set<string>();
		for (let round = 0; round < 8; round++) {
			advance(20);
			const run = startActivity(emulator.state, { sales: 15, rebills: 2, refunds: 2, chargebacks: 1, cancellations: 1, backdatedShare: 0.3, backdateSeconds: [10, 300], seed: round + 1 });
			for (const record of run.records) expected.add(`${record.source}:${record.id}`);
			advance(5);
			// Every poll is a fresh context (as after an n8n restart) on the stored static data.
			const items = await poller({ events: ALL, options: { lateMinutes: 10 } }, staticData)();
			seen.push(...(items ?? []));
		}
		const keys = seen.map((item) => (item.source === 'poll' && (item.transaction as IDataObject)?.id ? `transaction:${(item.transaction as IDataObject).id}` : `rebillingChange:${(item.raw as IDataObject).id}`));
		expect(new Set(keys).size).toBe(keys.length);
		expect(new Set(keys)).toEqual(expected);
		expect(expected.size).toBe(8 * 21);
		// Memory holds only what is inside the late-arrival window: once that has passed, nothing.
		const remembered = () => JSON.parse((staticData['node:Digistore24'] as { poll: { transactions: { seen: string } } }).poll.transactions.seen).length / 2;
		expect(remembered()).toBeGreaterThan(100);
		advance(700);
		expect(await poller({ events: ALL, options: { lateMinutes: 10 } }, staticData)()).toBeNull();
		expect(remembered()).toBe(0);
	});

	it('a record back-dated further than the late-arrival window is not caught (documented limit)', async () => {
		const staticData: IDataObject = {};
		const poll = poller({ events: ['on_payment'], options: { lateMinutes: 2 } }, staticData);
		await poll();
		advance(60);
		const run = startActivity(emulator.state, { sales: 2, backdatedShare: 1, backdateSeconds: [600, 600], seed: 9 });
		expect(run.records).toHaveLength(2);
		advance(5);
		expect(await poll()).toBeNull();
	});

	it('items have the IPN trigger\'s shape for the same facts, plus source "poll"', async () => {
		const staticData: IDataObject = {};
		const poll = poller({ events: ['on_payment', 'on_rebill_cancelled'] }, staticData);
		await poll();
		advance(10);
		startActivity(emulator.state, { sales: 1, cancellations: 1, productIds: ['512345'], seed: 3 });
		advance(1);
		const items = (await poll())!;
		const payment = items.find((i) => i.event === 'on_payment')!;
		const ipn = normalizeIpn(buildSampleIpn('on_payment', { productId: '512345', now: new Date(clock) }), findEvent('on_payment')!) as unknown as IDataObject;
		expect(payment).toMatchObject({ event: 'on_payment', eventName: 'New Payment', source: 'poll', isTest: false });
		// Every typed property the poll fills is one the IPN trigger has, with the same type.
		for (const group of ['order', 'transaction', 'billing', 'amounts', 'product', 'buyer']) {
			for (const [key, value] of Object.entries(payment[group] as IDataObject)) {
				expect([group, key, typeof (ipn[group] as IDataObject)[key]]).toEqual([group, key, typeof value]);
			}
		}
		expect(typeof (payment.amounts as IDataObject).gross).toBe('number');
		const cancelled = items.find((i) => i.event === 'on_rebill_cancelled')!;
		expect(cancelled).toMatchObject({ eventName: 'Rebilling Cancelled', source: 'poll', billing: { status: 'aborted', stopReason: 'by_buyer', changeType: 'stopped' } });
		expect(JSON.stringify(items)).not.toContain(READ_ONLY_KEY);
		// The IPN trigger's Events offer the same values.
		const ipnValues = new Digistore24Trigger().description.properties[0].options!.map((o) => (o as { value: string }).value);
		expect(ipnValues).toEqual(expect.arrayContaining(['on_payment', 'on_refund', 'on_chargeback', 'on_rebill_cancelled', 'on_rebill_resumed']));
	});

	it('backfill from a date runs exactly the records since then, once', async () => {
		const history = startActivity(emulator.state, { sales: 30, refunds: 3, pastSeconds: [7200, 600], seed: 5 });
		const startFrom = new Date(clock - 3600_000);
		const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' }).format(startFrom);
		const staticData: IDataObject = {};
		const poll = poller({ events: ['on_payment', 'on_refund'], options: { startFrom: wall.replace(' ', 'T') } }, staticData);
		const items = (await poll())!;
		const listed = emulator.state.data.transactions.filter((t) => t.created.getTime() >= Math.floor(startFrom.getTime() / 1000) * 1000 && t.type !== 'chargeback');
		expect(items.map((i) => (i.transaction as IDataObject).id).sort()).toEqual(listed.map((t) => t.id).sort());
		expect(history.records.filter((r) => Date.parse(r.created) >= startFrom.getTime()).length).toBeGreaterThan(5);
		advance(30);
		expect(await poll()).toBeNull();
	});

	it('pages through a window of 2,500 transactions in 3 calls, each emitted once', async () => {
		const staticData: IDataObject = {};
		const poll = poller({ events: ['on_payment'], options: { lateMinutes: 600 } }, staticData);
		await poll();
		advance(5);
		startActivity(emulator.state, { sales: 2_500, pastSeconds: [4, 1], productIds: ['512345', '512347'], seed: 11 });
		const before = calls('listTransactions').length;
		const items = (await poll())!;
		expect(items).toHaveLength(2_500);
		expect(calls('listTransactions').length - before).toBe(3);
		expect(new Set(items.map((i) => (i.transaction as IDataObject).id)).size).toBe(2_500);
		advance(5);
		expect(await poll()).toBeNull();
	});

	it('a later page failing (asked for while the one before is typed) fails the poll: nothing stored, the next poll emits every record once', async () => {
		const staticData: IDataObject = {};
		const poll = poller({ events: ['on_payment'], options: { lateMinutes: 600 } }, staticData);
		await poll();
		advance(5);
		startActivity(emulator.state, { sales: 2_500, pastSeconds: [4, 1], productIds: ['512345', '512347'], seed: 12 });
		const stored = JSON.stringify(staticData);
		// Once page 1 is served, every further listTransactions call fails (beyond the transport's retries).
		const state = emulator.state;
		const logCall = state.logCall;
		state.logCall = (entry) => {
			logCall.call(state, entry);
			if (entry.function === 'listTransactions' && entry.result === 'success' && state.faults.length === 0) state.faults.push({ type: '503', times: 100, function: 'listTransactions' });
		};
		try {
			await expect(poll()).rejects.toThrow(/503/);
		} finally {
			state.logCall = logCall;
			state.faults.length = 0;
		}
		expect(calls('listTransactions').filter((c) => c.result === 'success').map((c) => c.params.page_no)).toEqual(['1', '1']);
		expect(JSON.stringify(staticData)).toBe(stored);
		const items = (await poll())!;
		expect(new Set(items.map((i) => (i.transaction as IDataObject).id)).size).toBe(2_500);
		expect(items).toHaveLength(2_500);
	});

	it('a 429 with Retry-After is waited out by the transport; beyond its retries the poll fails and the next one catches up', async () => {
		const staticData: IDataObject = {};
		const poll = poller({ events: ['on_payment'] }, staticData);
		await poll();
		advance(10);
		startActivity(emulator.state, { sales: 3, seed: 21 });
		emulator.state.faults.push({ type: '429', times: 1, retryAfter: 0, function: 'listTransactions' });
		expect(await poll()).toHaveLength(3);
		advance(10);
		startActivity(emulator.state, { sales: 2, seed: 22 });
		emulator.state.faults.push({ type: '429', times: 10, retryAfter: 0, function: 'listTransactions' });
		await expect(poll()).rejects.toThrow(/429|rate|Too Many/i);
		emulator.state.faults.length = 0;
		expect(await poll()).toHaveLength(2);
	});

	it('Fetch Test Event returns the most recent matching item and leaves the cursor alone', async () => {
		const staticData: IDataObject = {};
		startActivity(emulator.state, { sales: 2, refunds: 1, seed: 31 });
		const items = (await poller({ events: ['on_refund'] }, staticData)('manual'))!;
		expect(items).toHaveLength(1);
		const newest = emulator.state.data.transactions.filter((t) => t.type === 'refund').sort((a, b) => b.created.getTime() - a.created.getTime() || Number(b.id) - Number(a.id))[0];
		expect(items[0]).toMatchObject({ event: 'on_refund', transaction: { id: newest.id } });
		expect(JSON.stringify(staticData)).not.toContain('poll');
	});

	it('a full-access key works the same; no write function is ever called', async () => {
		const poll = poller({ events: ALL }, {}, FULL_ACCESS_KEY);
		await poll();
		advance(10);
		startActivity(emulator.state, { sales: 2, cancellations: 1, seed: 41 });
		expect(await poll()).toHaveLength(3);
		const used = new Set(emulator.state.calls.map((c) => c.function));
		expect([...used].sort()).toEqual(['listRebillingStatusChanges', 'listTransactions']);
	});
});
