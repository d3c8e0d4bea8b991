// The action node in a real n8n: n8n's Webhook node starts a workflow whose Digistore24 node
// makes an API call against the emulator; the answer comes back over HTTP, and an error call
// surfaces Digistore24's message in the execution. n8n runs with HTTP_PROXY set to a small
// forwarding proxy, so every call (and the credential test) goes through n8n's own HTTP stack.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { actionWorkflow, credentialBody, emulatorControl, firstPurchaseId, FULL_ACCESS_KEY, READ_ONLY_KEY } from './harness/digistore24.mjs';
import { startEmulatorProcess } from './harness/emulator.mjs';
import { freePort, startN8n } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';
import { startForwardProxy, startRecorder } from './harness/proxy.mjs';

let n8n;
let emulator;
let ds24;
let credential;
let proxy;

before(async () => {
	emulator = await startEmulatorProcess({ port: await freePort() });
	ds24 = emulatorControl(emulator.url);
	proxy = await startForwardProxy();
	n8n = await startN8n({ packageTarball: packPackage(), env: { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '' } });
	credential = await n8n.api.createCredential(credentialBody(emulator.url));
});

after(async () => {
	await n8n?.stop();
	await emulator?.stop();
	await proxy?.stop();
});

async function deploy(path, parameters, settings = {}) {
	const workflow = actionWorkflow(credential, path, parameters);
	Object.assign(workflow.nodes[1], settings);
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(path);
	return wf;
}

test('Make an API call returns Digistore24 data through a real workflow', async () => {
	const purchaseId = await firstPurchaseId(emulator.url);
	await deploy('ds24-get-purchase', {
		resource: 'apiCall',
		operation: 'makeApiCall',
		function: 'getPurchase',
		parameters: { parameter: [{ name: 'purchase_id', value: purchaseId }] },
	});
	const res = await fetch(n8n.webhookUrl('ds24-get-purchase'), { method: 'POST' });
	assert.equal(res.status, 200);
	const body = await res.json();
	assert.equal(body[0].id, purchaseId);
	const state = await ds24.state();
	assert.ok(state.calls.some((c) => c.function === 'getPurchase' && c.params.purchase_id === purchaseId));
});

test('an error call fails the execution with Digistore24 message and code, without the key', async () => {
	const wf = await deploy('ds24-bad-call', { resource: 'apiCall', operation: 'makeApiCall', function: '__custom', customFunction: 'noSuchFunction' });
	const res = await fetch(n8n.webhookUrl('ds24-bad-call'), { method: 'POST' });
	assert.equal(res.status, 500);
	const [execution] = await n8n.waitForExecutions(wf.id, 1);
	assert.equal(execution.status, 'error');
	const error = execution.data.resultData.error;
	assert.match(error.message, /Digistore24 noSuchFunction: Invalid API function called: noSuchFunction\(\) \(code 9\)/);
	assert.equal(JSON.stringify(execution).includes(FULL_ACCESS_KEY), false, 'API key not in execution data');
});

/** Calls the emulator directly (not through n8n), to find test data. */
async function emulatorApi(fn, params) {
	const body = new URLSearchParams(params).toString();
	const answer = await fetch(`${emulator.url}/api/call/${fn}`, {
		method: 'POST',
		headers: { 'X-DS-API-KEY': FULL_ACCESS_KEY, 'content-type': 'application/x-www-form-urlencoded' },
		body,
	}).then((r) => r.json());
	assert.equal(answer.result, 'success', JSON.stringify(answer));
	return answer.data;
}

/** Recent single-payment orders with nothing refunded yet (the refund period is 60 days). */
async function refundablePurchases() {
	const data = await emulatorApi('listPurchases', { from: '-40d', to: 'now', load_transactions: 'Y', page_size: '500' });
	return data.purchase_list.filter((p) => p.billing_type === 'single_payment' && (p.transaction_list ?? p.transactions ?? []).every((t) => t.transaction_type === 'payment'));
}

/** The workflow's finished executions, newest first, once there are `count`. */
async function executions(wf, count) {
	const list = await n8n.waitForExecutions(wf.id, count);
	return [...list].sort((a, b) => Number(b.id) - Number(a.id));
}

const callsAfter = async (seq, fn) => (await ds24.state()).calls.filter((c) => c.seq > seq && c.function === fn);
const lastSeq = async () => (await ds24.state()).calls.length;

let anyCall;
/** One workflow that calls the function and parameters it is given in the webhook body. */
async function callThroughN8n(fn, params, { retryOnFail = false } = {}) {
	const path = retryOnFail ? 'ds24-any-retry' : 'ds24-any';
	anyCall ??= {};
	if (!anyCall[path]) {
		anyCall[path] = {
			wf: await deploy(
				path,
				{ resource: 'apiCall', operation: 'makeApiCall', function: '__custom', customFunction: '={{ $json.body.fn }}', parametersMode: 'json', parametersJson: '={{ JSON.stringify($json.body.params) }}', options: { timeout: 10 } },
				retryOnFail ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 } : {},
			),
			runs: 0,
		};
	}
	const entry = anyCall[path];
	const res = await fetch(n8n.webhookUrl(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn, params }) });
	entry.runs += 1;
	const [execution] = await executions(entry.wf, entry.runs);
	return { status: res.status, execution };
}

test('processed, answer lost: each write reaches Digistore24 once and the execution says the outcome is unknown', async () => {
	const [toRefund, toRefundPartially] = await refundablePurchases();
	assert.ok(toRefund && toRefundPartially, 'two refundable purchases in the emulator');
	const subscription = (await emulatorApi('listPurchases', { from: 'start', to: 'now', page_size: '200' })).purchase_list.find((p) => p.billing_type !== 'single_payment');
	const ticket = (await emulatorApi('listEtickets', { 'search[is_used]': 'N' })).etickets.find((t) => t.is_blocked === 'N');
	const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	const writes = [
		['refundPurchase', { purchase_id: toRefund.id }],
		['refundPartially', { purchase_id: toRefundPartially.id, amount: '1.00' }],
		['addBalanceToPurchase', { purchase_id: subscription.id, amount: '10.00' }],
		['createEticket', { product_id: '512349', location_id: '3103', template_id: '4202', date: future, buyer: { email: 'once@example.com' } }],
		['validateEticket', { eticket_id: ticket.id, location_id: ticket.location_id, template_id: ticket.template_id, date: ticket.date }],
	];
	for (const [fn, params] of writes) {
		const seq = await lastSeq();
		await ds24.fault({ type: 'lost', times: 1, function: fn });
		const { status, execution } = await callThroughN8n(fn, params);
		assert.equal(status, 500, fn);
		assert.equal(execution.status, 'error', fn);
		assert.match(execution.data.resultData.error.message, new RegExp(`^Digistore24 ${fn}: outcome unknown \\(.+\\)\\. Digistore24 may have carried out the call; it was not sent again\\.$`), fn);
		assert.match(execution.data.resultData.error.description, /^Check with /, fn);
		const calls = await callsAfter(seq, fn);
		assert.deepEqual(calls.map((c) => [c.result, c.fault]), [['success', 'lost']], `${fn}: exactly one call, carried out`);
	}
	// The calls were carried out: the balance is there, the ticket is used.
	assert.equal((await emulatorApi('getPurchase', { purchase_id: subscription.id })).balance, '10.00');
	assert.notEqual((await emulatorApi('getEticket', { eticket_id: ticket.id })).eticket.used_at, '');
});

test("with n8n's Retry On Fail, the lost write is still sent once; getPurchase recovers by retrying", async () => {
	const [purchase] = await refundablePurchases();
	let seq = await lastSeq();
	await ds24.fault({ type: 'lost', times: 1, function: 'refundPurchase' });
	const refund = await callThroughN8n('refundPurchase', { purchase_id: purchase.id }, { retryOnFail: true });
	assert.equal(refund.execution.status, 'error');
	assert.match(refund.execution.data.resultData.error.message, /^Digistore24 refundPurchase: outcome unknown/);
	assert.equal((await callsAfter(seq, 'refundPurchase')).length, 1, 'n8n re-ran the node, the refund was not sent again');

	for (const retryOnFail of [false, true]) {
		seq = await lastSeq();
		await ds24.fault({ type: 'lost', times: 1, function: 'getPurchase' });
		const read = await callThroughN8n('getPurchase', { purchase_id: purchase.id }, { retryOnFail });
		assert.equal(read.status, 200, `getPurchase, Retry On Fail ${retryOnFail}`);
		assert.equal(read.execution.status, 'success');
		assert.deepEqual((await callsAfter(seq, 'getPurchase')).map((c) => c.fault ?? 'answered'), ['lost', 'answered']);
	}
});

test('refundTransaction answering status: refused fails the execution with Digistore24 reason', async () => {
	const [purchase] = await refundablePurchases();
	const paymentId = (purchase.transaction_list ?? purchase.transactions)[0].id;
	await emulatorApi('refundTransaction', { transaction_id: paymentId });
	const { status, execution } = await callThroughN8n('refundTransaction', { transaction_id: paymentId });
	assert.equal(status, 500);
	assert.equal(execution.data.resultData.error.message, `Digistore24 refundTransaction refused: Transaction ${paymentId} is already refunded.`);
});

test('the API calls and the credential test go through the proxy; a refusing proxy fails the test clearly', async () => {
	const through = proxy.seen.filter((r) => r.url.startsWith(`${emulator.url}/api/call/`) && !r.refused);
	assert.ok(through.length >= 10, `node calls went through the proxy (${through.length})`);
	assert.ok(through.every((r) => r.apiKeyHeader));

	const before = proxy.seen.length;
	const ok = await n8n.rest.testCredential({ id: '', type: 'digistore24Api', data: { apiKey: READ_ONLY_KEY, baseUrl: emulator.url } });
	assert.equal(ok.status, 'OK', JSON.stringify(ok));
	assert.deepEqual(proxy.seen.slice(before).map((r) => r.url), [`${emulator.url}/api/call/getUserInfo`]);

	proxy.refuse(true);
	try {
		const refused = await n8n.rest.testCredential({ id: '', type: 'digistore24Api', data: { apiKey: READ_ONLY_KEY, baseUrl: emulator.url } });
		assert.equal(refused.status, 'Error');
		assert.match(refused.message, /^No answer from Digistore24 at http:\/\/127\.0\.0\.1:\d+: Digistore24 answered HTTP 403\. A proxy or firewall between n8n and Digistore24/);
		assert.equal(refused.message.includes(READ_ONLY_KEY), false);
	} finally {
		proxy.refuse(false);
	}
});

test('a redirect is never followed: the key does not reach the redirect target', async () => {
	const target = await startRecorder();
	try {
		await ds24.fault({ type: 'redirect', location: `${target.url}/api/call/getUserInfo`, times: 1, function: 'getUserInfo' });
		const { execution } = await callThroughN8n('getUserInfo', {});
		assert.equal(execution.status, 'error');
		assert.match(execution.data.resultData.error.message, /^Digistore24 getUserInfo: the server answered HTTP 307 \(redirect to http:\/\/127\.0\.0\.1:\d+\/api\/call\/getUserInfo\); not followed/);
		await ds24.fault({ type: 'redirect', location: `${target.url}/api/call/getUserInfo`, times: 1, function: 'getUserInfo' });
		const test = await n8n.rest.testCredential({ id: '', type: 'digistore24Api', data: { apiKey: READ_ONLY_KEY, baseUrl: emulator.url } });
		assert.match(test.message, /answered with a redirect \(HTTP 307/);
		assert.deepEqual(target.seen, [], 'nothing reached the redirect target');
	} finally {
		await target.stop();
	}
});
