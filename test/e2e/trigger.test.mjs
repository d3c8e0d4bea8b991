// The packed package in a real n8n, against the Digistore24 emulator over HTTP: the credential
// test, the trigger's automatic registration and every answer it gives, manual setup, restarts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { credentialBody, answerNotificationNode, executionCounts, postAll, triggerWorkflow, waitForFinishedExecutions, FULL_ACCESS_KEY, READ_ONLY_KEY } from './harness/digistore24.mjs';
import { waitFor } from './harness/n8n.mjs';
import { n8nRuntime } from './harness/runtime.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';

let n8n;
let emulator;
let ds24;

n8nWithEmulator({}, (f) => ({ n8n, emulator, ds24 } = f));

const calls = async (fn) => (await ds24.state()).calls.filter((c) => c.function === fn);
const connections = async () => (await ds24.state()).connections;
const pick = (object, keys) => Object.fromEntries(keys.map((key) => [key, object?.[key]]));
const output = (execution) => execution.data.resultData.runData['Digistore24 Trigger'][0].data.main[0].map((i) => i.json);

test('credential test: passes with a valid key, fails with Digistore24 message for a wrong one', async () => {
	const ok = await n8n.rest.testCredential({ id: '', type: 'digistore24Api', data: { apiKey: READ_ONLY_KEY, baseUrl: emulator.url } });
	assert.equal(ok.status, 'OK', ok.message);
	const bad = await n8n.rest.testCredential({ id: '', type: 'digistore24Api', data: { apiKey: '1-WrongWrongWrongWrongWrongWrongWrongWrongWr', baseUrl: emulator.url } });
	assert.equal(bad.status, 'Error');
	assert.match(bad.message, /Invalid API key: no such key exists.*\(code 2\)/);
});

test('automatic setup: one registration, one run per delivered event, forged and unselected ones refused, restart-safe, removed on deactivation', async () => {
	await ds24.reset();
	const credential = await n8n.api.createCredential(credentialBody(emulator.url));
	const events = ['on_payment', 'on_refund', 'eticket', 'on_affiliation'];
	const { webhookId, workflow } = triggerWorkflow(credential, { events, options: { productIds: '' } });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);

	// n8n routes the webhook first and then runs the node's create(): wait for the registration.
	const setups = await waitFor(async () => (await calls('ipnSetup')).length && calls('ipnSetup'), { message: 'ipnSetup' });
	assert.equal(setups.length, 1, 'exactly one ipnSetup');
	assert.equal(setups[0].params.ipn_url, n8n.webhookUrl(`${webhookId}/ipn`));
	assert.equal(setups[0].params.categories, 'orders,affiliations,e-tickets');
	assert.equal(setups[0].params.transactions, 'payment,refund');
	assert.equal(setups[0].params.product_ids, 'all');
	const probes = (await ds24.state()).ipn.filter((e) => e.type === 'probe');
	assert.deepEqual(probes.map((p) => p.status), [200], 'Digistore24 probed the URL with GET and got 200');
	const [connection] = await connections();
	// create() returns before n8n writes the workflow's static data (which holds the domain_id the
	// passphrase is derived from); Digistore24 sends nothing that early, the test must wait too.
	await waitFor(async () => JSON.stringify((await n8n.api.getWorkflow(wf.id)).staticData ?? {}).includes(connection.domain_id), { message: 'static data saved' });

	const delivered = {};
	for (const event of events) {
		const answer = await ds24.deliver(connection.domain_id, event);
		assert.deepEqual([event, answer.status, answer.body], [event, 200, 'OK']);
		delivered[event] = answer.params;
	}
	const runs = await n8n.waitForExecutions(wf.id, events.length);
	assert.equal(runs.length, events.length);
	const items = runs.map(output).flat();
	assert.deepEqual(items.map((i) => i.event).sort(), [...events].sort());
	const payment = items.find((i) => i.event === 'on_payment');
	assert.equal(typeof payment.amounts.gross, 'number');
	assert.equal(payment.eventName, 'New Payment');
	assert.equal(JSON.stringify(items).includes('sha_sign'), false);

	const url = n8n.webhookUrl(`${webhookId}/ipn`);
	const forged = await ds24.send(url, 'on_payment', 'not-the-passphrase');
	assert.deepEqual([forged.status, forged.body], [403, 'Forbidden']);
	const unselected = await ds24.deliver(connection.domain_id, 'on_chargeback', { force: true });
	assert.deepEqual([unselected.status, unselected.body], [200, 'OK']);
	const get = await fetch(url);
	assert.deepEqual([get.status, await get.text()], [200, 'OK']);
	await new Promise((r) => setTimeout(r, 1500));
	assert.equal((await n8n.api.listExecutions(wf.id)).length, events.length, 'no run for forged, unselected or GET');

	await n8n.restart();
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	assert.equal((await connections()).length, 1, 'still exactly one connection after a restart');
	const [current] = await connections();
	// A redelivery after the restart runs. (Whether it is marked as a repeat depends on whether n8n
	// stored the repeat memory before the restart: it does on answers without a run and on publishing.)
	const redelivery = await ds24.send(url, 'on_payment', current.sha_passphrase, { params: delivered.on_payment });
	assert.deepEqual([redelivery.status, redelivery.body], [200, 'OK']);
	const [latest] = await n8n.waitForExecutions(wf.id, events.length + 1);
	assert.equal(output(latest)[0].order.id, delivered.on_payment.order_id, 'the redelivery after the restart ran');
	console.error(`[e2e] redelivery after a restart: repeat ${JSON.stringify(output(latest)[0].repeat)}`);

	await n8n.api.deactivate(wf.id);
	await waitFor(async () => (await connections()).length === 0, { message: 'the connection to be removed on deactivation' });
	assert.ok((await calls('ipnDelete')).length >= 1, 'ipnDelete called');
	assert.equal(n8n.logs().includes(FULL_ACCESS_KEY), false, 'API key not logged');
});

test('manual setup: the passphrase from the credential verifies a signed IPN; no API calls', async () => {
	await ds24.reset();
	const passphrase = 'manual-e2e-passphrase-ÄÖÜ';
	// A read-only key tells this workflow's API calls (there must be none) from the previous test's.
	const credential = await n8n.api.createCredential(credentialBody(emulator.url, { apiKey: READ_ONLY_KEY, ipnPassphrase: passphrase }));
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment'], setup: 'manual' });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	const url = n8n.webhookUrl(`${webhookId}/ipn`);
	const answer = await ds24.send(url, 'on_payment', passphrase);
	assert.deepEqual([answer.status, answer.body], [200, 'OK']);
	const [run] = await n8n.waitForExecutions(wf.id, 1);
	assert.equal(output(run)[0].order.id, answer.params.order_id);
	assert.deepEqual((await ds24.state()).calls.filter((c) => c.permission === 'readonly'), [], 'manual setup makes no API calls');
	assert.equal(n8n.logs().includes(passphrase), false, 'passphrase not logged');
	await n8n.api.deactivate(wf.id);
});

test('answer after success: Answer Notification sends OK at the end; a failed run answers an error so Digistore24 retries', async () => {
	await ds24.reset();
	const passphrase = 'after-success-e2e-passphrase';
	const credential = await n8n.api.createCredential(credentialBody(emulator.url, { apiKey: READ_ONLY_KEY, ipnPassphrase: passphrase }));
	/** Trigger → (a failing step) → Digistore24 · Answer Notification. */
	const afterSuccessWorkflow = (failBeforeAnswer) => {
		const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment'], setup: 'manual', options: { answer: 'afterSuccess' } });
		const chain = ['Digistore24 Trigger'];
		if (failBeforeAnswer) {
			workflow.nodes.push({ id: randomUUID(), name: 'Fail', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'the work failed' } });
			chain.push('Fail');
		}
		workflow.nodes.push(answerNotificationNode(credential));
		chain.push('Answer Digistore24');
		for (let i = 0; i < chain.length - 1; i++) workflow.connections[chain[i]] = { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] };
		return { webhookId, workflow };
	};
	for (const failBeforeAnswer of [false, true]) {
		const { webhookId, workflow } = afterSuccessWorkflow(failBeforeAnswer);
		const wf = await n8n.api.createWorkflow(workflow);
		await n8n.api.activate(wf.id);
		await n8n.waitForWebhook(`${webhookId}/ipn-after-success`);
		const answer = await ds24.send(n8n.webhookUrl(`${webhookId}/ipn-after-success`), 'on_payment', passphrase);
		const [run] = await n8n.waitForExecutions(wf.id, 1);
		if (failBeforeAnswer) {
			assert.notEqual(answer.body, 'OK', 'a failed run must not answer OK');
			// Digistore24 takes any answer but `OK` as failed and resends. A run that ends before the
			// answering node: n8n 2.x answers an error; n8n 1.x an empty 200 (active-executions.js
			// resolves the pending response with {}).
			if (n8n.major >= 2) assert.ok(answer.status >= 500, `a failed run answers an error, got ${answer.status}`);
			else assert.deepEqual([answer.status, answer.body], [200, ''], 'n8n 1.x: a failed run answers an empty 200');
			assert.equal(run.status, 'error');
		} else {
			assert.deepEqual([answer.status, answer.body], [200, 'OK']);
			assert.equal(run.status, 'success');
			assert.equal(run.data.resultData.runData['Answer Digistore24'][0].data.main[0][0].json.order.id, answer.params.order_id);
			// A burst under n8n's default expression engine: each OK waits for its run, so n8n is never
			// handed more than the 10 runs in flight, and every OK stands for a finished run.
			const bodies = await ds24.samples({ event: 'on_payment', passphrase, count: 200 });
			const t0 = Date.now();
			const answers = await postAll(n8n.webhookUrl(`${webhookId}/ipn-after-success`), bodies, 10);
			const seconds = (Date.now() - t0) / 1000;
			const summary = answers.reduce((m, a) => ({ ...m, [`${a.status} ${a.body}`]: (m[`${a.status} ${a.body}`] ?? 0) + 1 }), {});
			console.error(`[e2e] after-success burst: 200 IPNs in ${seconds.toFixed(1)} s (${(200 / seconds).toFixed(1)}/s), answers ${JSON.stringify(summary)}, executions ${JSON.stringify(executionCounts(n8n, wf.id))}`);
			assert.deepEqual(summary, { '200 OK': 200 });
			// The OK leaves when Answer Notification runs; n8n marks the run finished a moment later.
			const atLastOk = executionCounts(n8n, wf.id);
			assert.equal(Object.values(atLastOk).reduce((a, b) => a + b, 0), 201, `every OK stands for a stored run: ${JSON.stringify(atLastOk)}`);
			assert.deepEqual(await waitForFinishedExecutions(n8n, wf.id, 201, { timeoutMs: 120_000 }), { success: 201 }, 'and each of them succeeded');
		}
		await n8n.api.deactivate(wf.id);
	}
});

test('repeats (shipped defaults): e-ticket create/use/update, cancel/resume/cancel and a resent payment each run; an exact repeat is marked', async () => {
	await ds24.reset();
	const credential = await n8n.api.createCredential(credentialBody(emulator.url));
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment', 'on_refund', 'eticket', 'on_rebill_cancelled', 'on_rebill_resumed'], options: {} });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	const [connection] = await waitFor(async () => (await connections()).length && connections(), { message: 'connection' });
	await waitFor(async () => JSON.stringify((await n8n.api.getWorkflow(wf.id)).staticData ?? {}).includes(connection.domain_id), { message: 'static data saved' });

	const ticket = await ds24.story(connection.domain_id, 'eticket');
	const rebilling = await ds24.story(connection.domain_id, 'rebilling');
	for (const answer of [...ticket.deliveries, ...rebilling.deliveries]) assert.deepEqual([answer.status, answer.body], [200, 'OK']);
	const payment = await ds24.deliver(connection.domain_id, 'on_payment');
	const paymentSeq = (await ds24.state()).ipn.at(-1).seq;
	await ds24.deliver(connection.domain_id, 'on_refund', { overrides: { order_id: payment.params.order_id } });
	// After the refund Digistore24's support sends the payment again so the buyer keeps access.
	const resent = await ds24.resend(paymentSeq);
	assert.deepEqual([resent.status, resent.body], [200, 'OK']);

	const runs = (await n8n.waitForExecutions(wf.id, 9)).map((run) => output(run)[0]);
	assert.equal((await n8n.api.listExecutions(wf.id)).length, 9, 'one run per delivery, none dropped');
	const byOrder = (event) => runs.filter((item) => item.event === event);
	assert.deepEqual(byOrder('eticket').map((item) => item.raw?.action ?? item.eticket?.action).sort(), ['create', 'update', 'use']);
	assert.equal(new Set(byOrder('eticket').map((item) => item.raw?.eticket_id ?? item.eticket?.id)).size, 1, 'one ticket');
	assert.equal(byOrder('on_rebill_cancelled').length, 2, 'cancelled twice for one order, both ran');
	assert.equal(byOrder('on_rebill_resumed').length, 1);
	const payments = byOrder('on_payment');
	assert.deepEqual(payments.map((item) => item.repeat.isRepeat).sort(), [false, true], 'the resent payment ran, marked as an exact repeat');
	assert.equal(payments.find((item) => item.repeat.isRepeat).repeat.count, 2);
	assert.equal(runs.filter((item) => item.repeat.isRepeat).length, 1, 'only the byte-identical resend is a repeat');
	await n8n.api.deactivate(wf.id);
});

// n8n 1.x's "Listen for test event" call (POST /rest/workflows/:id/run) wants the whole workflow in
// its body; this test drives 2.x's form, so it runs on 2.x only for now.
const listenForTestEventForm = n8nRuntime().major >= 2 ? false : 'n8n 1.x takes another body for "Listen for test event" (POST /rest/workflows/:id/run); not yet driven here';
test('exact repeats set to drop: no run and one log line per drop; test listening keeps its own memory, so production still runs', { skip: listenForTestEventForm }, async () => {
	await ds24.reset();
	const passphrase = 'drop-e2e-passphrase';
	const credential = await n8n.api.createCredential(credentialBody(emulator.url, { apiKey: READ_ONLY_KEY, ipnPassphrase: passphrase }));
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment'], setup: 'manual', options: { repeats: 'drop' } });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	const [body] = await ds24.samples({ event: 'on_payment', passphrase, count: 1 });
	const post = async (url) => (await postAll(url, [body], 1))[0];

	// "Listen for test event" on the active workflow: the same body first reaches the test URL.
	const listening = await n8n.rest.post(`/rest/workflows/${wf.id}/run`, { triggerToStartFrom: { name: 'Digistore24 Trigger' } });
	assert.equal(listening.data?.waitingForWebhook, true, JSON.stringify(listening));
	assert.deepEqual(await post(n8n.webhookTestUrl(`${webhookId}/ipn`)), { status: 200, body: 'OK' });

	const production = n8n.webhookUrl(`${webhookId}/ipn`);
	assert.deepEqual(await post(production), { status: 200, body: 'OK' });
	const logLinesBefore = n8n.logs().split('\n').filter((line) => line.includes('Digistore24 Trigger dropped a notification')).length;
	assert.deepEqual(await post(production), { status: 200, body: 'OK' }, 'a dropped repeat is answered OK (Digistore24 must not retry it)');
	await new Promise((r) => setTimeout(r, 1500));
	const productionRuns = (await n8n.api.listExecutions(wf.id, true)).filter((run) => run.mode === 'webhook');
	assert.equal(productionRuns.length, 1, 'the production delivery ran once, the exact repeat did not');
	assert.equal(output(productionRuns[0])[0].repeat.isRepeat, false, 'the test copy did not count for production');
	const dropLines = n8n.logs().split('\n').filter((line) => line.includes('Digistore24 Trigger dropped a notification'));
	assert.equal(dropLines.length - logLinesBefore, 1, 'one log line for the drop');
	assert.match(dropLines.at(-1), /event on_payment, order \w+, transaction \d+: exact repeat/);
	assert.equal(n8n.logs().includes(passphrase), false, 'passphrase not logged');
	await n8n.api.deactivate(wf.id);
});

