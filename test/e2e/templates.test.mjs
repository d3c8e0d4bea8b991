// The ready-made workflows in examples/ in a real n8n with the packed package: each file is
// imported through n8n's API as it is shipped, given an emulator credential and the URL of a
// local HTTP sink (standing in for the CRM, member area or chat), then driven by the emulator
// (IPNs over the connection the trigger registered) or run once (the schedule). The checks are on
// what reached the sink.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ACTION_TYPE, FULL_ACCESS_KEY, POSTBACK_TYPE, shownPostbackQuery, TRIGGER_TYPE } from './harness/digistore24.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';
import { waitFor } from './harness/n8n.mjs';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const PLACEHOLDER = /^https:\/\/example\.com\/replace-with-[^/]+/;

let n8n;
let emulator;
let ds24;
let credential;
let sink;
let postbackCredential;
const POSTBACK_TOKEN = `e2e-template-postback-${randomUUID()}`;

/** A stand-in for third-party tools: records every request; the member area answers with a login. */
function startSink() {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			let json;
			try {
				json = JSON.parse(body);
			} catch {
				json = undefined;
			}
			requests.push({ method: req.method, path: req.url, json });
			res.writeHead(200, { 'content-type': 'application/json' });
			if (req.url === '/accounts') {
				res.end(JSON.stringify({ username: json.email, password: `pw-${json.orderId}-T3m`, loginUrl: 'https://members.example.com/login' }));
			} else res.end('{"ok":true}');
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${server.address().port}`,
				requests,
				at: (p) => requests.filter((r) => r.path === p),
				stop: () => new Promise((r) => server.close(r)),
			}),
		),
	);
}

n8nWithEmulator({ credential: {} }, async (f) => {
	({ n8n, emulator, ds24, credential } = f);
	sink = await startSink();
	postbackCredential = await n8n.api.createCredential({ name: 'Digistore24 postback token', type: 'digistore24PostbackApi', data: { token: POSTBACK_TOKEN } });
});

after(async () => {
	await sink?.stop();
});

const read = (file) => JSON.parse(readFileSync(path.join(EXAMPLES, `${file}.json`), 'utf8'));

/** What a user does after importing: pick the credential (the import leaves it empty), point the HTTP nodes at their tools. */
async function importTemplate(file) {
	const template = read(file);
	const webhookIds = {};
	const nodes = template.nodes.map((node) => {
		const out = structuredClone(node);
		if (out.type === TRIGGER_TYPE || out.type === ACTION_TYPE) out.credentials = { digistore24Api: { id: credential.id, name: credential.name } };
		if (out.type === POSTBACK_TYPE) out.credentials = { digistore24PostbackApi: { id: postbackCredential.id, name: postbackCredential.name } };
		if (out.type === TRIGGER_TYPE || out.type === POSTBACK_TYPE) out.webhookId = webhookIds[out.name] = randomUUID(); // as the editor adds on import
		if (typeof out.parameters.url === 'string') out.parameters.url = out.parameters.url.replace(PLACEHOLDER, sink.url);
		return out;
	});
	const wf = await n8n.api.createWorkflow({ name: template.name, nodes, connections: template.connections, settings: template.settings });
	return { wf, webhookIds };
}

/** Activates a workflow whose trigger registers itself; resolves with its Digistore24 connection. */
async function activateWithConnection(wf, webhookId) {
	await n8n.api.activate(wf.id);
	const connection = await waitFor(async () => (await ds24.state()).connections.find((c) => c.ipn_url.includes(webhookId)), { message: `ipnSetup for ${wf.name}`, timeoutMs: 120_000 });
	// The passphrase is derived from the domain_id n8n stores in static data after create().
	await waitFor(async () => JSON.stringify((await n8n.api.getWorkflow(wf.id)).staticData ?? {}).includes(connection.domain_id), { message: 'static data saved', timeoutMs: 120_000 });
	return connection;
}

test('every template is a clean editor export: named nodes, sticky notes, no ids of this or any instance', () => {
	const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
	assert.ok(files.length >= 4, `templates in examples/: ${files.join(', ')}`);
	for (const file of files) {
		const template = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8'));
		const text = JSON.stringify(template);
		assert.equal(template.id, undefined, `${file}: no workflow id`);
		assert.ok(template.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote' && n.parameters.content.includes('Set up')), `${file}: a sticky note says what to set`);
		for (const node of template.nodes) {
			assert.equal(node.id ?? node.webhookId, undefined, `${file} ${node.name}: no node or webhook id`);
			assert.ok(!/^(Digistore24|HTTP Request|Code|Edit Fields|Switch)\d*$/.test(node.name), `${file}: "${node.name}" is a default name`);
			for (const c of Object.values(node.credentials ?? {})) assert.deepEqual(Object.keys(c), ['name'], `${file} ${node.name}: credential by name only`);
		}
		assert.ok(!text.includes(FULL_ACCESS_KEY) && !/"id":\s*"\d+"/.test(text), `${file}: no key or credential id`);
	}
});

test('new sale → your tools: one payment posts one mapped record', async () => {
	await ds24.reset();
	const { wf, webhookIds } = await importTemplate('new-sale-to-your-tools');
	const connection = await activateWithConnection(wf, webhookIds['New Sale']);
	const { params } = await ds24.deliver(connection.domain_id, 'on_payment', { overrides: { order_id: 'SALE0001' } });
	const [call] = await waitFor(() => sink.at('/').length && sink.at('/'), { message: 'the CRM call', timeoutMs: 120_000 });
	assert.deepEqual(call.json, {
		email: params.email,
		firstName: params.buyer_first_name,
		lastName: params.buyer_last_name,
		orderId: 'SALE0001',
		productId: params.product_id,
		productName: params.product_name,
		amount: Number(params.amount),
		currency: params.currency,
		isTest: params.api_mode === 'test',
	});
	assert.equal(sink.at('/').length, 1);
	await n8n.api.deactivate(wf.id);
});

test('revoke access: refund and last paid day revoke once each; a cancellation only notes the end; a resume keeps access', async () => {
	await ds24.reset();
	const { wf, webhookIds } = await importTemplate('revoke-access');
	const connection = await activateWithConnection(wf, webhookIds['Access Ends or Changes']);
	const deliver = async (event, orderId) => (await ds24.deliver(connection.domain_id, event, { overrides: { order_id: orderId } })).params;

	const refund = await deliver('on_refund', 'REVOKE001');
	await waitFor(() => sink.at('/revoke').length === 1, { message: 'the revoke call', timeoutMs: 120_000 });
	assert.deepEqual(sink.at('/revoke')[0].json, { action: 'revoke', email: refund.email, orderId: 'REVOKE001', productId: refund.product_id, reason: 'on_refund' });

	const cancelled = await deliver('on_rebill_cancelled', 'SUBSCR001');
	await waitFor(() => sink.at('/cancelled').length === 1, { message: 'the cancellation call', timeoutMs: 120_000 });
	assert.equal(sink.at('/cancelled')[0].json.email, cancelled.email);
	await deliver('on_rebill_resumed', 'SUBSCR001');
	await waitFor(() => sink.at('/resumed').length === 1, { message: 'the resume call', timeoutMs: 120_000 });
	const lastDay = await deliver('last_paid_day', 'SUBSCR002');
	await waitFor(() => sink.at('/revoke').length === 2, { message: 'the second revoke call', timeoutMs: 120_000 });
	assert.deepEqual([sink.at('/revoke')[1].json.email, sink.at('/revoke')[1].json.reason], [lastDay.email, 'last_paid_day']);
	await n8n.waitForExecutions(wf.id, 4, { timeoutMs: 120_000 });
	assert.deepEqual(sink.requests.filter((r) => r.path !== '/' && r.path !== '/accounts').map((r) => r.path), ['/revoke', '/cancelled', '/resumed', '/revoke'], 'a cancellation or resume never revokes');
	await n8n.api.deactivate(wf.id);
});

test('membership access: the member area creates the account and Digistore24 gets the login in the answer', async () => {
	await ds24.reset();
	const { wf, webhookIds } = await importTemplate('membership-access');
	const connection = await activateWithConnection(wf, webhookIds['New Payment']);
	assert.equal(connection.timing, 'before_thankyou');
	const answer = await ds24.deliver(connection.domain_id, 'on_payment', { overrides: { order_id: 'MEMBER001' } });
	assert.deepEqual(sink.at('/accounts').map((r) => r.json.email), [answer.params.email], 'one account created for the buyer');
	assert.equal(
		answer.body,
		`OK\nusername: ${answer.params.email}\npassword: pw-MEMBER001-T3m\nloginurl: https://members.example.com/login\nheadline: Your access to the member area\nhide_on: invoice`,
	);
	const order = await fetch(`${emulator.url}/__emulator/orders/MEMBER001`).then((r) => r.json());
	assert.deepEqual(order.access.accounts, [{ username: answer.params.email, password: 'pw-MEMBER001-T3m', loginurl: 'https://members.example.com/login' }]);
	await n8n.api.deactivate(wf.id);
});

test("daily numbers: one run sends one message with yesterday's sales and refunds as Digistore24 reports them", async () => {
	await ds24.reset();
	const { wf } = await importTemplate('daily-numbers');
	const before = sink.at('/').length;
	await n8n.rest.post(`/rest/workflows/${wf.id}/run`, { triggerToStartFrom: { name: 'Every Morning' } });
	await waitFor(() => sink.at('/').length === before + 1, { message: 'the message', timeoutMs: 120_000 });
	const { text } = sink.at('/').at(-1).json;
	const date = /^Digistore24 on (\d{4}-\d\d-\d\d):/.exec(text)?.[1];
	assert.ok(date, `the message names the day: ${text}`);
	const api = (fn, body) =>
		fetch(`${emulator.url}/api/call/${fn}`, { method: 'POST', headers: { 'X-DS-API-KEY': FULL_ACCESS_KEY, 'content-type': 'application/x-www-form-urlencoded' }, body }).then((r) => r.json());
	const [day] = (await api('statsDailyAmounts', `from=${date}&to=${date}`)).data.items;
	const reversals = (await api('listTransactions', `from=${date}&to=${date}&search[transaction_type]=refund,chargeback`)).data.transaction_list;
	assert.match(text, new RegExp(`^Digistore24 on ${date}: ${Number(day.sales_count)} sales, revenue ${Number(day.amount).toFixed(2)}, earnings ${Number(day.earning).toFixed(2)} \\(EUR\\)\\.\n${reversals.length} refunds/chargebacks`));
	for (const t of reversals) assert.ok(text.includes(`order ${t.purchase_id}`), `refund of ${t.purchase_id} listed`);
});

test('affiliate conversion: a sale postback posts one purchase conversion with click id, value and currency; a refund postback posts one refund conversion', async () => {
	const { wf, webhookIds } = await importTemplate('affiliate-conversion');
	await n8n.api.activate(wf.id);
	const webhookPath = `${webhookIds['Affiliate Sale or Refund']}/postback`;
	await n8n.waitForWebhook(webhookPath, 'GET');
	// The connection the affiliate pastes at Digistore24: the node's URL plus the query string its panel shows.
	const query = await shownPostbackQuery(n8n, 'affiliate');
	const control = async (route, body) => {
		const res = await fetch(`${emulator.url}/__emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		assert.ok(res.status < 400, `emulator ${route}: ${res.status}`);
		return res.json();
	};
	const connection = await control('postbacks', { role: 'affiliate', url: `${n8n.webhookUrl(webhookPath)}${query.replace('YOUR_TOKEN', POSTBACK_TOKEN)}` });
	const conversions = () => sink.at('/conversions');
	/** The n-th call to the ad platform carries what Digistore24 filled into the postback. */
	const expectConversion = async (n, eventType, v) => {
		await waitFor(() => conversions().length > n, { message: `the ${eventType} conversion call`, timeoutMs: 120_000 });
		assert.deepEqual(conversions()[n].json, {
			eventType,
			clickId: v.cid,
			value: Number(v.amount_affiliate),
			currency: v.currency,
			transactionId: v.transaction_id,
			occurredAt: new Date(Number(v.datetime_unix) * 1000).toISOString(),
		});
	};

	const sale = await control('postback', { connection_id: connection.id, kind: 'sale' });
	assert.deepEqual([sale.status, sale.body], [200, 'OK']);
	await expectConversion(0, 'purchase', sale.values);

	const refund = await control('postback', { connection_id: connection.id, kind: 'refund' });
	assert.deepEqual([refund.status, refund.body], [200, 'OK']);
	await expectConversion(1, 'refund', refund.values);
	await n8n.waitForExecutions(wf.id, 2, { timeoutMs: 120_000 });
	assert.equal(conversions().length, 2, 'one conversion call per postback');
	assert.equal(JSON.stringify(conversions()).includes(POSTBACK_TOKEN), false, 'the token reaches no third party');
	await n8n.api.deactivate(wf.id);
});
