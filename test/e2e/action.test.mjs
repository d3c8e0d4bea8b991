// The action node in a real n8n: n8n's Webhook node starts a workflow whose Digistore24 node
// makes an API call against the emulator; the answer comes back over HTTP, and an error call
// surfaces Digistore24's message in the execution.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { actionWorkflow, credentialBody, emulatorControl, firstPurchaseId, FULL_ACCESS_KEY } from './harness/digistore24.mjs';
import { startEmulatorProcess } from './harness/emulator.mjs';
import { freePort, startN8n } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';

let n8n;
let emulator;
let ds24;
let credential;

before(async () => {
	emulator = await startEmulatorProcess({ port: await freePort() });
	ds24 = emulatorControl(emulator.url);
	n8n = await startN8n({ packageTarball: packPackage() });
	credential = await n8n.api.createCredential(credentialBody(emulator.url));
});

after(async () => {
	await n8n?.stop();
	await emulator?.stop();
});

async function deploy(path, parameters) {
	const wf = await n8n.api.createWorkflow(actionWorkflow(credential, path, parameters));
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
