// Publishing a changed active workflow keeps the Digistore24 connection (same domain_id and
// passphrase) while sales go on: the packed package in a real n8n, the emulator making a sale
// every 100 ms, delivering only while a connection exists and retrying what is not answered OK,
// as Digistore24 does (test/emulator/sales.ts).
//
// A publish is driven the way the editor's "Publish" does it in n8n 2.x: the draft is saved
// (PATCH /rest/workflows/:id), then POST /rest/workflows/:id/activate {versionId, expectedChecksum},
// then the editor polls GET /rest/workflows/:id/publication-status until it is no longer in progress.
// n8n applies the publication through its outbox and re-registers a trigger only when the trigger's
// own settings changed (name, type, version, webhookId, credentials, parameters): then it calls the
// trigger's delete() and create(); a publish that changes anything else leaves it alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialBody, tokensInStoredExecutions, triggerWorkflow, waitForFinishedExecutions } from './harness/digistore24.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';
import { waitFor } from './harness/n8n.mjs';
import { n8nRuntime } from './harness/runtime.mjs';

const PUBLISHES = 20;
const SALE_EVERY_MS = 100;
const skip = n8nRuntime().major < 2 ? 'n8n 1.x has no publish (saving an active workflow re-activates it)' : false;

let n8n;
let emulator;
let ds24;
// 10 runs a second: more than n8n's default expression engine runs on 2 shared cores (see
// README, "Bursts"), so, like the load tests, this runs the legacy engine.
if (!skip) n8nWithEmulator({ legacyEngine: true }, (f) => ({ n8n, emulator, ds24 } = f));

/** SALE000030, …, SALE000050, SALE000134 → "SALE000030–SALE000050, SALE000134". */
function ranges(orders) {
	const runs = [];
	for (const order of orders) {
		const last = runs.at(-1);
		if (last && Number(order.slice(4)) === Number(last.at(-1).slice(4)) + 1) last.push(order);
		else runs.push([order]);
	}
	return runs.map((run) => (run.length > 1 ? `${run[0]}–${run.at(-1)}` : run[0])).join(', ');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const connections = async () => (await ds24.state()).connections;

/** n8n's answer to a save or publish the user would simply click again (SQLite busy under load). */
const retriable = (error) => /SqliteWriteConnectionMutex|Database is not ready|SQLITE_BUSY/i.test(String(error?.message));
let userRetries = 0;

async function asAUser(action) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await action();
		} catch (error) {
			if (attempt >= 10 || !retriable(error)) throw error;
			userRetries++;
			await sleep(1000);
		}
	}
}

/** The editor's Publish: save the draft, publish that version, wait until n8n has applied it. */
async function publish(workflowId, change) {
	const { data: current } = await n8n.rest.get(`/rest/workflows/${workflowId}`);
	const nodes = current.nodes.map(change);
	const { data: saved } = await asAUser(() =>
		n8n.rest.request('PATCH', `/rest/workflows/${workflowId}`, { name: current.name, nodes, connections: current.connections, settings: current.settings, versionId: current.versionId, expectedChecksum: current.checksum }),
	);
	await asAUser(() => n8n.rest.post(`/rest/workflows/${workflowId}/activate`, { versionId: saved.versionId, expectedChecksum: saved.checksum }));
	const status = await waitFor(
		async () => {
			const { data } = await n8n.rest.get(`/rest/workflows/${workflowId}/publication-status`);
			return data.status !== 'in_progress' && data;
		},
		{ timeoutMs: 60_000, intervalMs: 100, message: 'publication applied' },
	);
	assert.equal(status.liveVersionId, saved.versionId, `the published version is live (${JSON.stringify(status)})`);
	return saved.versionId;
}

test('publishing keeps the connection: 20 publishes while a sale happens every 100 ms; one connection with the first domain_id, a run for every sale Digistore24 could deliver', { skip, timeout: 600_000 }, async () => {
	await ds24.reset();
	const credential = await n8n.api.createCredential(credentialBody(emulator.url));
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment'], options: {} });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	const [first] = await waitFor(async () => (await connections()).length && connections(), { message: 'connection' });
	const callsBefore = (await ds24.state()).calls.length;

	await ds24.startSales(SALE_EVERY_MS, 250);
	const t0 = Date.now();
	const publishMs = [];
	const triggerChanged = [];
	for (let i = 1; i <= PUBLISHES; i++) {
		// Odd publishes change the trigger itself (an extra event: n8n calls delete() then create());
		// even ones move it on the canvas (n8n leaves the registration alone).
		const changesTrigger = i % 2 === 1;
		const started = Date.now();
		await publish(wf.id, (node) => {
			if (node.name !== 'Digistore24 Trigger') return node;
			if (!changesTrigger) return { ...node, position: [i * 20, 0] };
			const events = node.parameters.events.includes('on_refund') ? ['on_payment'] : ['on_payment', 'on_refund'];
			return { ...node, parameters: { ...node.parameters, events } };
		});
		publishMs.push(Date.now() - started);
		triggerChanged.push(changesTrigger);
		console.error(`[e2e] publish ${i}${changesTrigger ? ' (trigger changed)' : ''}: ${publishMs.at(-1)} ms`);
		await sleep(300);
	}
	await sleep(1000);
	await ds24.stopSales();
	const salesMs = Date.now() - t0;
	const report = await waitFor(
		async () => {
			const r = await ds24.sales();
			return r.pending === 0 && r;
		},
		{ timeoutMs: 120_000, message: 'every retry finished' },
	);

	const state = await ds24.state();
	const calls = state.calls.slice(callsBefore);
	const count = (fn) => calls.filter((c) => c.function === fn).length;
	const reRegistrations = triggerChanged.filter(Boolean).length;
	assert.equal(state.connections.length, 1, 'one connection at the end');
	assert.deepEqual([state.connections[0].domain_id, state.connections[0].sha_passphrase], [first.domain_id, first.sha_passphrase], 'the first domain_id and passphrase');
	assert.equal(count('ipnDelete'), reRegistrations, 'n8n re-registered the trigger only for the publishes that changed it');
	assert.equal(count('ipnSetup'), reRegistrations, 'one ipnSetup per re-registration');
	assert.ok(calls.every((c) => c.params?.domain_id === undefined || c.params.domain_id === first.domain_id), 'never another domain_id');

	// How long each re-registration left Digistore24 without a connection: from ipnDelete to ipnSetup as the emulator logged them.
	const gaps = [];
	for (const [i, call] of calls.entries()) {
		if (call.function !== 'ipnDelete') continue;
		const setup = calls.slice(i + 1).find((c) => c.function === 'ipnSetup');
		assert.ok(setup, 'every ipnDelete of a publish is followed by an ipnSetup');
		gaps.push(Date.parse(setup.at) - Date.parse(call.at));
	}
	gaps.sort((a, b) => a - b);
	publishMs.sort((a, b) => a - b);

	const counts = await waitForFinishedExecutions(n8n, wf.id, report.delivered, { timeoutMs: 300_000 });
	const runs = Object.values(counts).reduce((a, b) => a + b, 0);
	const stored = tokensInStoredExecutions(n8n, wf.id, report.deliveredOrders);
	const missing = report.deliveredOrders.filter((order) => !stored.has(order));
	const median = (xs) => xs[Math.floor(xs.length / 2)];
	console.error(
		`[e2e] publish: ${PUBLISHES} publishes (${reRegistrations} changed the trigger) in ${salesMs} ms of sales, each ${median(publishMs)} ms median, ${publishMs.at(-1)} ms max (save + publish + applied); ` +
			`no connection per re-registration: median ${median(gaps)} ms, max ${gaps.at(-1)} ms (ipnDelete → ipnSetup); ` +
			`${report.created} sales: ${report.delivered} delivered (${report.failedAttempts} failed attempts retried), ${report.undeliverable.length} undeliverable (no connection at that moment: ${ranges(report.undeliverable) || 'none'}), ${report.gaveUp.length} given up; ` +
			`${runs} runs (${JSON.stringify(counts)}) holding ${stored.size} of the ${report.delivered} delivered sales; ${userRetries} saves/publishes retried as a user would (SQLite busy)`,
	);
	assert.deepEqual(missing, [], 'every sale answered OK has a run');
	assert.deepEqual(report.gaveUp, [], 'no delivery given up');
	assert.equal(report.created, report.delivered + report.undeliverable.length, 'every sale either delivered or counted undeliverable');
	assert.ok(report.delivered > 0, 'sales were delivered during the publishes');

	await n8n.rest.post(`/rest/workflows/${wf.id}/deactivate`, {});
	await waitFor(async () => (await connections()).length === 0, { message: 'no orphan after the real deactivation' });
});
