// The Digistore24 Polling Trigger in a real n8n against a moving emulator account: first
// activation on a large account starts no run, backfill from a date runs exactly that range, and
// while sales, rebills, refunds, chargebacks and cancellations keep coming (some back-dated into a
// window already polled, a 429 on the way, n8n restarted in the middle) every one runs exactly once.
//
// Poll interval: n8n 2.41.1 refuses any Poll Times entry that fires more than once a minute
// (isSubMinuteCron: a 6-field cron must name one fixed second), but takes several entries; six
// custom crons at seconds 0, 10, …, 50 poll every 10 s, the shortest n8n allows, so this file runs
// in about four minutes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { allExecutions, FULL_ACCESS_KEY, READ_ONLY_KEY } from './harness/digistore24.mjs';
import { waitFor } from './harness/n8n.mjs';
import { sleep } from './harness/util.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';

const POLL_TYPE = 'n8n-nodes-digistore24.digistore24PollTrigger';
const NODE_NAME = 'Digistore24 Polling Trigger';
const EVERY_10_SECONDS = { item: [0, 10, 20, 30, 40, 50].map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })) };

let n8n;
let emulator;
let ds24;
let credential;

n8nWithEmulator({ credential: { apiKey: READ_ONLY_KEY } }, (f) => ({ n8n, emulator, ds24, credential } = f));

const control = async (method, route, body) =>
	(await fetch(`${emulator.url}/__emulator/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) })).json();
const polls = async () => (await ds24.state()).calls.filter((c) => c.function === 'listTransactions').length;
const berlinWall = (ms) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(ms));

async function activatePoller(parameters) {
	const wf = await n8n.api.createWorkflow({
		name: `Digistore24 polling ${randomUUID().slice(0, 8)}`,
		nodes: [
			{
				id: randomUUID(),
				name: NODE_NAME,
				type: POLL_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: EVERY_10_SECONDS, ...parameters },
				credentials: { digistore24Api: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
	});
	const before = await polls();
	await n8n.api.activate(wf.id);
	// Activation polls once at once; wait for it (and its state) before the account moves.
	await waitFor(async () => (await polls()) > before, { timeoutMs: 60_000, message: 'the first poll' });
	return wf;
}

/** Every item the trigger emitted, over all executions of the workflow. */
async function emitted(workflowId) {
	const items = [];
	for (const { id } of await allExecutions(n8n, workflowId)) {
		const execution = await n8n.api.getExecution(id, true);
		assert.equal(execution.status, 'success', `execution ${id} ${execution.status}`);
		items.push(...execution.data.resultData.runData[NODE_NAME][0].data.main[0].map((i) => i.json));
	}
	return items;
}
const keyOf = (item) => (item.transaction?.id ? `transaction:${item.transaction.id}` : `rebillingChange:${item.raw.id}`);

async function listAll(fn, listKey, params) {
	const rows = [];
	for (let page = 1; ; page++) {
		const body = new URLSearchParams({ ...params, page_no: String(page), page_size: '1000' });
		const answer = await (await fetch(`${emulator.url}/api/call/${fn}`, { method: 'POST', headers: { 'X-DS-API-KEY': FULL_ACCESS_KEY }, body })).json();
		rows.push(...answer.data[listKey]);
		if (page >= answer.data.page_count) return rows;
	}
}

test('first activation on an account with 10,000 old transactions starts no run', async () => {
	await control('POST', 'activity', { sales: 10_000, pastSeconds: [30 * 86_400, 120], seed: 1 });
	const { counts } = await ds24.state();
	assert.ok(counts.transactions >= 10_000, `${counts.transactions} transactions`);
	const wf = await activatePoller({ events: ['on_payment', 'on_refund', 'on_chargeback', 'on_rebill_cancelled'] });
	const start = await polls();
	await waitFor(async () => (await polls()) >= start + 3, { timeoutMs: 60_000, message: 'three more polls' });
	assert.equal((await allExecutions(n8n, wf.id)).length, 0);
	await n8n.api.deactivate(wf.id);
});

test('backfill from a date starts exactly the runs in that range', async () => {
	await control('POST', 'activity', { sales: 40, refunds: 4, pastSeconds: [7200, 600], seed: 2 });
	const startFrom = berlinWall(Date.now() - 3600_000);
	const expected = (await listAll('listTransactions', 'transaction_list', { from: startFrom, 'search[transaction_type]': 'payment,refund' })).map((t) => `transaction:${t.id}`);
	assert.ok(expected.length >= 20, `${expected.length} in range`);
	const wf = await activatePoller({ events: ['on_payment', 'on_refund'], options: { startFrom: startFrom.replace(' ', 'T') } });
	const start = await polls();
	await waitFor(async () => (await polls()) >= start + 2, { timeoutMs: 60_000, message: 'two more polls' });
	const keys = (await emitted(wf.id)).map(keyOf);
	assert.equal(keys.length, new Set(keys).size, 'none twice');
	assert.deepEqual(keys.sort(), expected.sort());
	await n8n.api.deactivate(wf.id);
});

test('a moving account: every sale, rebill, refund, chargeback and cancellation runs exactly once, late ones and an n8n restart included (read-only key)', { timeout: 600_000 }, async () => {
	const events = ['on_payment', 'on_refund', 'on_chargeback', 'on_rebill_cancelled'];
	const wf = await activatePoller({ events, options: { lateMinutes: 10 } });
	// Back-dated records land 15-45 s back; start after that much polling so none predates activation.
	await sleep(50_000);
	const activity = { sales: 200, rebills: 5, refunds: 20, chargebacks: 5, cancellations: 10, durationMs: 60_000, backdatedShare: 0.15, backdateSeconds: [15, 45], seed: 3 };
	await control('POST', 'activity', activity);
	await sleep(20_000);
	// Digistore24 limits the rate for a moment: the transport waits Retry-After and goes on.
	await ds24.fault({ type: '429', function: 'listTransactions', times: 2, retryAfter: 1 });
	await sleep(10_000);
	const restartMs = await n8n.restart();
	console.error(`[e2e] n8n restarted in ${restartMs} ms`);
	const run = await waitFor(async () => (await control('GET', 'activity')).runs.at(-1).done && (await control('GET', 'activity')).runs.at(-1), { timeoutMs: 120_000, message: 'the activity to finish' });
	const expected = run.records.map((r) => `${r.source}:${r.id}`);
	assert.equal(expected.length, 240, 'all planned records were made');
	const backdated = run.records.filter((r) => r.backdated).length;
	assert.ok(backdated >= 10, `${backdated} back-dated records`);
	// Two more polls after the last record.
	const start = await polls();
	await waitFor(async () => (await polls()) >= start + 2, { timeoutMs: 60_000, message: 'two more polls' });
	let items = await emitted(wf.id);
	items = await waitFor(async () => ((items = await emitted(wf.id)).length >= expected.length ? items : undefined), { timeoutMs: 60_000, message: `${expected.length} items` }).catch(() => items);
	const keys = items.map(keyOf);
	const counts = Object.fromEntries(events.map((e) => [e, items.filter((i) => i.event === e).length]));
	console.error(`[e2e] poll: ${items.length} items (${JSON.stringify(counts)}), ${backdated} back-dated, ${(await allExecutions(n8n, wf.id)).length} executions`);
	assert.equal(keys.length, new Set(keys).size, 'none twice');
	assert.deepEqual([...keys].sort(), [...expected].sort(), 'none missing, none extra');
	assert.deepEqual(counts, { on_payment: 205, on_refund: 20, on_chargeback: 5, on_rebill_cancelled: 10 });
	assert.ok(items.every((i) => i.source === 'poll'));
	assert.equal(JSON.stringify(items).includes(READ_ONLY_KEY), false);
	const writes = (await ds24.state()).calls.filter((c) => c.permission === 'readonly' && c.result === 'error');
	assert.deepEqual(writes, [], 'the read-only key was never refused');
	await n8n.api.deactivate(wf.id);
});
