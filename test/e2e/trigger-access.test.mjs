// The trigger's access fields and filters in a real n8n (the packed package, real HTTP, signed
// notifications from the emulator): an e-ticket trigger filtered to "used" runs only for use
// notifications; "first payment only" skips a rebill; an upgrade carries order.deliveryDate and
// order.upgradeType typed. Manual setup, so no registration round trip: one n8n start, bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { triggerWorkflow, READ_ONLY_KEY } from './harness/digistore24.mjs';
import { n8nWithEmulator } from './harness/fixture.mjs';

const PASSPHRASE = 'access-e2e-passphrase';
let n8n;
let emulator;
let ds24;
let credential;

n8nWithEmulator({ credential: { apiKey: READ_ONLY_KEY, ipnPassphrase: PASSPHRASE } }, (f) => ({ n8n, emulator, ds24, credential } = f));

const output = (execution) => execution.data.resultData.runData['Digistore24 Trigger'][0].data.main[0].map((i) => i.json);

/** An active manual-setup trigger with these options; its production URL. */
async function activeTrigger(events, options) {
	const { webhookId, workflow } = triggerWorkflow(credential, { events, setup: 'manual', options });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	return { id: wf.id, url: n8n.webhookUrl(`${webhookId}/ipn`) };
}

/** Sends and expects Digistore24's OK: a filtered notification is answered OK too, so it is never resent. */
async function sendOk(url, event, seq, overrides) {
	const answer = await ds24.send(url, event, PASSPHRASE, { seq, overrides });
	assert.deepEqual([event, overrides.action ?? overrides.pay_sequence_no, answer.status, answer.body], [event, overrides.action ?? overrides.pay_sequence_no, 200, 'OK']);
	return answer.params;
}

/** After the last run arrived, wait a moment more so a run that should not exist would show. */
async function runsAfterSettling(workflowId, expected) {
	const runs = await n8n.waitForExecutions(workflowId, expected);
	await new Promise((r) => setTimeout(r, 1500));
	const all = await n8n.api.listExecutions(workflowId, true);
	assert.equal(all.length, expected, `exactly ${expected} run(s)`);
	return runs;
}

test('an e-ticket trigger filtered to "used" runs only for use notifications', async () => {
	const trigger = await activeTrigger(['eticket'], { eticketActions: ['use'] });
	const eticketId = '12345678901234567890';
	for (const [seq, action] of [[11, 'create'], [12, 'update'], [13, 'use'], [14, 'cancel_use']]) {
		await sendOk(trigger.url, 'eticket', seq, { action, eticket_id: eticketId });
	}
	const runs = await runsAfterSettling(trigger.id, 1);
	const [item] = output(runs[0]);
	assert.equal(item.eticket.action, 'use');
	assert.equal(item.eticket.id, eticketId);
	assert.equal(typeof item.eticket.locationLatitude, 'number', 'location details typed');
	assert.match(n8n.logs(), /answered OK without a run: e-ticket action create not selected/, 'the drop is logged');
	await n8n.api.deactivate(trigger.id);
});

test('"first payment only" skips a rebill; an upgrade payment carries order.deliveryDate and order.upgradeType typed', async () => {
	const trigger = await activeTrigger(['on_payment'], { firstPaymentOnly: true });
	const subscription = { product_id: '512346', billing_type: 'subscription', number_of_installments: '0' };
	const upgrade = {
		...subscription,
		pay_sequence_no: '1',
		order_type: 'upgrade',
		upgrade_type: 'upgrade',
		upgraded_order_id: 'OLDORD12',
		upgraded_product_id: '512345',
		delivery_date: '2026-12-24',
		order_is_paid: 'Y',
		amount_brutto: '19.00',
	};
	await sendOk(trigger.url, 'on_payment', 21, upgrade);
	await sendOk(trigger.url, 'on_payment', 22, { ...subscription, pay_sequence_no: '2' });
	const runs = await runsAfterSettling(trigger.id, 1);
	const [item] = output(runs[0]);
	assert.equal(item.billing.paySequenceNo, 1);
	assert.equal(item.order.deliveryDate, '2026-12-24');
	assert.equal(item.order.upgradeType, 'upgrade');
	assert.equal(item.order.isPaid, true);
	assert.equal(item.upgrade.orderId, 'OLDORD12');
	assert.equal(item.amounts.brutto, 19);
	assert.match(n8n.logs(), /follow-up payment \(pay_sequence_no 2\) while First Payment Only is on/, 'the skipped rebill is logged');
	await n8n.api.deactivate(trigger.id);
});
