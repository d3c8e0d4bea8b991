// The postback trigger in a real n8n with the packed package: Digistore24 (the emulator) sends S2S
// postbacks over connections built from the URL the node shows, GET and POST; requests without
// the right token get 403 and no run; 1,000 postbacks at concurrency 10 give exactly 1,000 runs.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { executionCounts, POSTBACK_TYPE, shownPostbackQuery, waitForFinishedExecutions } from './harness/digistore24.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';

const TYPE = POSTBACK_TYPE;
const NAME = 'Digistore24 Postback Trigger';
const TOKEN = `e2e-postback-${randomUUID()}`;
const EVENTS = ['affiliate_sale', 'affiliate_reversal', 'vendor_sale', 'vendor_reversal'];
let n8n;
let emulator;
let credential;

// Answers wait until n8n has stored the execution, but the runs finish later; the default engine
// on SQLite loses runs to write-lock timeouts under such bursts here (see reliability.test.mjs),
// so this file runs the legacy engine like that one. E2E_ENGINE=vm runs the default.
n8nWithEmulator({ legacyEngine: true }, async (f) => {
	({ n8n, emulator } = f);
	credential = await n8n.api.createCredential({ name: 'Digistore24 postback token', type: 'digistore24PostbackApi', data: { token: TOKEN } });
});

async function ds24(route, body) {
	const res = await fetch(`${emulator.url}/__emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status >= 400) throw new Error(`emulator ${route}: ${res.status} ${JSON.stringify(json)}`);
	return json;
}

async function postbackWorkflow(parameters) {
	const webhookId = randomUUID();
	const wf = await n8n.api.createWorkflow({
		name: `Digistore24 postbacks ${webhookId.slice(0, 8)}`,
		nodes: [{ id: randomUUID(), name: NAME, type: TYPE, typeVersion: 1, position: [0, 0], webhookId, parameters, credentials: { digistore24PostbackApi: { id: credential.id, name: credential.name } } }],
		connections: {},
	});
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/postback`, 'GET');
	return { wf, url: n8n.webhookUrl(`${webhookId}/postback`) };
}

const items = (execution) => execution.data.resultData.runData[NAME][0].data.main[0].map((i) => i.json);

test('a sale, an upsell, a refund and a chargeback over connections built from the shown URL → 4 typed runs; GET and POST', async () => {
	const { wf, url } = await postbackWorkflow({ events: EVENTS });
	const affiliateQuery = (await shownPostbackQuery(n8n, 'affiliate')).replace('YOUR_TOKEN', TOKEN);
	const vendorQuery = (await shownPostbackQuery(n8n, 'vendor')).replace('YOUR_TOKEN', TOKEN);
	const affiliate = await ds24('postbacks', { role: 'affiliate', url: `${url}${affiliateQuery}` });
	const vendor = await ds24('postbacks', { role: 'vendor', url: `${url}${vendorQuery}`, method: 'POST' });
	const sent = [];
	for (const [connection, kind] of [[affiliate, 'sale'], [affiliate, 'upsell'], [affiliate, 'refund'], [vendor, 'chargeback']]) {
		const answer = await ds24('postback', { connection_id: connection.id, kind });
		assert.deepEqual([kind, answer.status, answer.body], [kind, 200, 'OK']);
		sent.push(answer.values);
	}
	// n8n 2.x sends each OK after it stored the execution: all four are there at once. (n8n 1.x
	// answers before it stores, for every on-receipt webhook: README, Compatibility.)
	if (n8n.major >= 2) {
		const counted = executionCounts(n8n, wf.id);
		assert.equal(Object.values(counted).reduce((a, b) => a + b, 0), 4, `4 executions stored when the last OK arrived: ${JSON.stringify(counted)}`);
	}
	const runs = await n8n.waitForExecutions(wf.id, 4);
	const byTransaction = new Map(runs.flatMap(items).map((item) => [item.transaction.id, item]));
	const [sale, upsell, refund, chargeback] = sent.map((values) => byTransaction.get(values.transaction_id));
	assert.deepEqual([sale, upsell, refund, chargeback].map((i) => i?.event), ['affiliate_sale', 'affiliate_sale', 'affiliate_reversal', 'vendor_reversal']);
	assert.deepEqual(sale.tracking, { cid: sent[0].cid, sid1: sent[0].sid1, sid2: sent[0].sid2, sid3: sent[0].sid3, campaignKey: sent[0].campaignkey });
	assert.deepEqual(sale.amounts, { affiliate: Number(sent[0].amount_affiliate), gross: Number(sent[0].amount_brutto), net: Number(sent[0].amount_netto), currency: sent[0].currency });
	assert.equal(sale.isTest, false);
	assert.equal(sale.occurredAt, new Date(Number(sent[0].datetime_unix) * 1000).toISOString());
	assert.deepEqual(upsell.order, { type: 'upsell', upsellNo: 1, country: sent[1].country });
	assert.deepEqual([refund.transaction.type, chargeback.transaction.type], ['refund', 'chargeback']);
	assert.equal(chargeback.buyer.email, sent[3].email, 'a vendor postback (sent as POST) carries the buyer');
	assert.equal(chargeback.role, 'vendor');
	assert.equal(typeof chargeback.amounts.vendor, 'number');
	assert.equal(JSON.stringify(runs).includes(TOKEN), false, 'the token is in no execution');
	await n8n.api.deactivate(wf.id);
});

test('without or with a wrong token: 403 and no run; the test button: OK without a run', async () => {
	const { wf, url } = await postbackWorkflow({ events: EVENTS });
	const query = await shownPostbackQuery(n8n, 'affiliate');
	const wrong = await ds24('postbacks', { role: 'affiliate', url: `${url}${query.replace('YOUR_TOKEN', `${TOKEN}x`)}` });
	const none = await ds24('postbacks', { role: 'affiliate', url: `${url}${query.replace('token=YOUR_TOKEN&', '')}` });
	const typedAsShown = await ds24('postbacks', { role: 'affiliate', url: `${url}${query}` });
	const answers = [];
	for (const connection of [wrong, none, typedAsShown]) answers.push(await ds24('postback', { connection_id: connection.id, kind: 'sale' }));
	const post = await fetch(`${url}?token=nope-nope-nope-nope&postback=affiliate&transaction_type=payment`, { method: 'POST' });
	answers.push({ status: post.status, body: await post.text() });
	assert.deepEqual(answers.map((a) => [a.status, a.body]), Array(4).fill([403, 'Forbidden']));
	const good = await ds24('postbacks', { role: 'affiliate', url: `${url}${query.replace('YOUR_TOKEN', TOKEN)}` });
	const testButton = await ds24('postback-test', { connection_id: good.id });
	assert.deepEqual([testButton.status, testButton.body], [200, 'OK']);
	await new Promise((r) => setTimeout(r, 1500));
	assert.deepEqual(executionCounts(n8n, wf.id), {}, 'no run for any of them');
	assert.equal(n8n.logs().includes(TOKEN), false, 'the token is not logged');
	await n8n.api.deactivate(wf.id);
});

test('1,000 postbacks at concurrency 10 → exactly 1,000 runs', async () => {
	const { wf, url } = await postbackWorkflow({ events: ['affiliate_sale'] });
	const connection = await ds24('postbacks', { role: 'affiliate', url: `${url}${(await shownPostbackQuery(n8n, 'affiliate')).replace('YOUR_TOKEN', TOKEN)}` });
	const t0 = Date.now();
	const answers = {};
	// In four calls, so no single control request waits for minutes.
	for (let part = 0; part < 4; part++) {
		const burst = await ds24('postback-burst', { connection_id: connection.id, kind: 'sale', count: 250, concurrency: 10 });
		for (const [key, n] of Object.entries(burst.answers)) answers[key] = (answers[key] ?? 0) + n;
	}
	const seconds = (Date.now() - t0) / 1000;
	console.error(`[e2e] postbacks: 1000 in ${seconds.toFixed(1)} s (${(1000 / seconds).toFixed(1)}/s), answers ${JSON.stringify(answers)}`);
	assert.deepEqual(answers, { '200 OK': 1000 });
	const counts = await waitForFinishedExecutions(n8n, wf.id, 1000);
	console.error(`[e2e] postbacks: executions ${JSON.stringify(counts)} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	assert.deepEqual(counts, { success: 1000 });
	await n8n.api.deactivate(wf.id);
});
