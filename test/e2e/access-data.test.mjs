// Access data in the answer to Digistore24, in a real n8n with the packed package: trigger (answer
// after success, manual setup; the connection's timing before the thank-you page) → Code node creating two
// accounts → Answer Notification with access data. The emulator plays Digistore24: it keeps what
// the answer carried with the order, reports a refused run's answer in its IPN log and retries it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { answerNotificationNode, triggerWorkflow, executionCounts } from './harness/digistore24.mjs';
import { waitFor } from './harness/n8n.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';

const PASSPHRASE = 'access-data-e2e-passphrase';
let n8n;
let emulator;
let ds24;
let credential;

n8nWithEmulator({ credential: { ipnPassphrase: PASSPHRASE } }, (f) => ({ n8n, emulator, ds24, credential } = f));

const LOGIN_URL = 'https://members.example.com/login';
const FORUM_URL = 'https://forum.example.com/login';

/** "Your system" creating the buyer's accounts: a member login and a forum login. */
const CREATE_ACCOUNTS = `return $input.all().map((item) => {
  const order = item.json.order;
  return { json: { ...item.json,
    member: { username: item.json.buyer.email, password: 'pw-' + order.id + '-Q7x' },
    forum: { username: 'forum-' + order.id, password: 'fp-' + order.id + '-Z2k' } } };
});`;

/** The same for n8n's Webhook node, which hands over the form fields as they came. */
const CREATE_ACCOUNTS_FROM_FORM = `return $input.all().map((item) => {
  const order = item.json.body.order_id;
  return { json: { member: { username: item.json.body.email, password: 'pw-' + order + '-Q7x' } } };
});`;

const codeNode = (name, position) => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position,
	parameters: { jsCode: CREATE_ACCOUNTS },
});

/** Answer Notification with access data taken from the Code node's output by expressions. */
function answerWithAccessData() {
	const node = answerNotificationNode(credential, { position: [440, 0] });
	node.parameters = {
		...node.parameters,
		accounts: {
			account: [
				{ username: '={{ $json.member.username }}', password: '={{ $json.member.password }}', loginUrl: LOGIN_URL },
				{ username: '={{ $json.forum.username }}', password: '={{ $json.forum.password }}', loginUrl: FORUM_URL },
			],
		},
		accessOptions: { headline: '=Welcome, {{ $json.buyer.firstName }}!', hideOn: ['invoice'] },
		extraLines: { line: [{ key: 'Your order', value: '={{ $json.order.id }}' }] },
	};
	return node;
}

const expectedReply = (params) =>
	[
		'OK',
		`username: ${params.email}`,
		`password: pw-${params.order_id}-Q7x`,
		`loginurl: ${LOGIN_URL}`,
		`username_2: forum-${params.order_id}`,
		`password_2: fp-${params.order_id}-Z2k`,
		`loginurl_2: ${FORUM_URL}`,
		`headline: Welcome, ${params.buyer_first_name}!`,
		'hide_on: invoice',
		`Your order: ${params.order_id}`,
	].join('\n');

const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

let ipnUrl;
let workflowId;
/** Digistore24 sends a payment over the manual connection (timing: before the thank-you page). */
const notify = (orderId, overrides = {}) => ds24.send(ipnUrl, 'on_payment', PASSPHRASE, { timing: 'before_thankyou', overrides: { order_id: orderId, ...overrides } });

test('the answer carries two accounts; Digistore24 keeps exactly that block with the order; no password in output or logs', async () => {
	await ds24.reset();
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment'], setup: 'manual', options: { answer: 'afterSuccess' } });
	workflow.nodes.push(codeNode('Create Accounts', [220, 0]), answerWithAccessData());
	workflow.connections = {
		'Digistore24 Trigger': { main: [[{ node: 'Create Accounts', type: 'main', index: 0 }]] },
		'Create Accounts': { main: [[{ node: 'Answer Digistore24', type: 'main', index: 0 }]] },
	};
	const wf = await n8n.api.createWorkflow(workflow);
	workflowId = wf.id;
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn-after-success`, 'POST', 120_000);
	ipnUrl = n8n.webhookUrl(`${webhookId}/ipn-after-success`);

	const answer = await notify('ACCESS0001');
	assert.equal(answer.status, 200);
	assert.equal(answer.body, expectedReply(answer.params));

	const order = await fetch(`${emulator.url}/__emulator/orders/ACCESS0001`).then((r) => r.json());
	const { params } = answer;
	assert.deepEqual(order.access, {
		headline: `Welcome, ${params.buyer_first_name}!`,
		hide_on: ['invoice'],
		accounts: [
			{ username: params.email, password: `pw-${params.order_id}-Q7x`, loginurl: LOGIN_URL },
			{ username: `forum-${params.order_id}`, password: `fp-${params.order_id}-Z2k`, loginurl: FORUM_URL },
		],
		extra: [{ key: 'Your order', value: 'ACCESS0001' }],
	});
	assert.equal(order.timing, 'before_thankyou');
	assert.deepEqual(Object.keys(order.buyer_sees), ['receipt_page', 'order_confirmation_email'], 'shown on the thank-you page and in the e-mail, hidden on the invoice');
	assert.match(order.buyer_sees.order_confirmation_email, new RegExp(`Account 2\nUsername: forum-ACCESS0001\nPassword: fp-ACCESS0001-Z2k\nLogin: ${FORUM_URL}`));
	const delivery = (await ds24.state()).ipn.find((e) => e.order_id === 'ACCESS0001');
	assert.deepEqual([delivery.ok, delivery.attempt, delivery.warnings], [true, 1, undefined], 'Digistore24 read every line');

	const [run] = await n8n.waitForExecutions(wf.id, 1, { timeoutMs: 120_000 });
	assert.equal(run.status, 'success');
	const answerOutput = JSON.stringify(run.data.resultData.runData['Answer Digistore24'][0].data.main[0]);
	assert.equal(answerOutput.includes(`pw-${params.order_id}-Q7x`) || answerOutput.includes(`fp-${params.order_id}-Z2k`), false, 'no password in the node output');
	assert.match(answerOutput, /"password: \*\*\*\*\*\*\*\*"/);
	assert.equal(n8n.logs().includes('-Q7x'), false, 'no password in n8n logs');
});

test('an injected line break: no reply sent, the run fails with the reason, Digistore24 retries', async () => {
	assert.ok(ipnUrl, 'needs the workflow of the previous test');
	const forged = 'Max\nloginurl: https://evil.example/phish';
	const answer = await notify('FORGED0001', { buyer_first_name: forged });
	assert.ok(answer.status >= 500, `a refused answer fails the run (got ${answer.status})`);
	assert.equal(answer.body.includes('evil.example'), false, 'nothing of the forged value is answered');
	assert.equal(answer.body.startsWith('OK'), false);

	const failed = await waitFor(async () => (await n8n.api.listExecutions(workflowId, true)).find((e) => e.status === 'error'), { message: 'the failed run', timeoutMs: 120_000 });
	assert.match(failed.data.resultData.error.message, /^Access data refused: Headline contains a line break \(LF\) at position 13/);
	assert.match(failed.data.resultData.error.message, /Nothing was sent to Digistore24/);

	let state = await ds24.state();
	const logged = state.ipn.filter((e) => e.order_id === 'FORGED0001');
	assert.deepEqual(logged.map((e) => [e.attempt, e.ok]), [[1, false]]);
	assert.match(logged[0].problem, /^HTTP status 5\d\d/);
	assert.deepEqual(state.retries.map((r) => [r.order_id, r.attempts]), [['FORGED0001', 1]], 'queued for a retry (first after 3 minutes)');
	assert.equal((await fetch(`${emulator.url}/__emulator/orders/FORGED0001`)).status, 404, 'the order holds no access data');

	const retried = await fetch(`${emulator.url}/__emulator/retries`, { method: 'POST' }).then((r) => r.json());
	assert.deepEqual(retried, { attempted: 1, ok: 0, pending: 1 }, 'the retry reached n8n and failed the same way');
	await waitFor(async () => executionCounts(n8n, workflowId).error === 2, { message: 'the retried run', timeoutMs: 120_000 });
	state = await ds24.state();
	assert.deepEqual(state.ipn.filter((e) => e.order_id === 'FORGED0001').map((e) => [e.attempt, e.ok]), [[1, false], [2, false]]);
});

test('answer latency from notification to reply: access-data workflow vs the same work in n8n core nodes', async () => {
	assert.ok(ipnUrl, 'needs the workflow of the first test');
	// The floor: n8n's own Webhook → the same Code node → Respond to Webhook with the same text.
	const path = `floor-${randomUUID().slice(0, 8)}`;
	const floor = await n8n.api.createWorkflow({
		name: 'Latency floor (n8n core nodes)',
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} } },
			{ ...codeNode('Create Accounts', [220, 0]), parameters: { jsCode: CREATE_ACCOUNTS_FROM_FORM } },
			{
				id: randomUUID(),
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: { respondWith: 'text', responseBody: '=OK\nusername: {{ $json.member.username }}\npassword: {{ $json.member.password }}\nloginurl: ' + LOGIN_URL, options: {} },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Create Accounts', type: 'main', index: 0 }]] },
			'Create Accounts': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
	});
	await n8n.api.activate(floor.id);
	await n8n.waitForWebhook(path, "POST", 120_000);

	const ours = [];
	const core = [];
	const rounds = 30;
	for (let i = 0; i < rounds; i++) {
		const orderId = `LAT${String(i).padStart(6, '0')}`;
		const a = await notify(orderId);
		assert.equal(a.body, expectedReply(a.params));
		ours.push(a.duration_ms);
		const b = await ds24.send(n8n.webhookUrl(path), 'on_payment', 'floor', { overrides: { order_id: orderId } });
		assert.match(b.body, /^OK\nusername: /);
		core.push(b.duration_ms);
	}
	const fmt = (v) => `${v.toFixed(1)} ms`;
	const figures = {
		oursP50: percentile(ours, 50),
		oursP95: percentile(ours, 95),
		coreP50: percentile(core, 50),
		coreP95: percentile(core, 95),
	};
	console.error(
		`[e2e] answer latency over ${rounds} notifications each: access-data workflow p50 ${fmt(figures.oursP50)} p95 ${fmt(figures.oursP95)}; ` +
			`n8n core nodes doing the same p50 ${fmt(figures.coreP50)} p95 ${fmt(figures.coreP95)}; added by the package p50 ${fmt(figures.oursP50 - figures.coreP50)}`,
	);
	assert.equal(ours.length, rounds);
	assert.ok(ours.every((ms) => ms > 0) && core.every((ms) => ms > 0), 'every reply was timed');
	await n8n.api.deactivate(floor.id);
	await n8n.api.deactivate(workflowId);
});
