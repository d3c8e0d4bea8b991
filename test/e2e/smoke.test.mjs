// Smoke test against a real n8n: the packed package installs as a community package and n8n
// registers both nodes and the credential type, without load errors or outbound calls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startN8n } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';

let n8n;

before(async () => {
	n8n = await startN8n({ packageTarball: packPackage() });
	console.error(`[e2e] n8n ready in ${n8n.startMs} ms`);
});

after(async () => {
	await n8n?.stop();
});

test('n8n registers the Digistore24 nodes and credential type', async () => {
	assert.equal(n8n.package.name, 'n8n-nodes-digistore24');
	const nodes = new Set((await n8n.rest.nodeTypes()).map((t) => t.name));
	const creds = new Set((await n8n.rest.credentialTypes()).map((t) => t.name));
	for (const t of ['n8n-nodes-digistore24.digistore24', 'n8n-nodes-digistore24.digistore24Trigger']) {
		assert.ok(nodes.has(t), `node type ${t} registered`);
	}
	assert.ok(creds.has('digistore24Api'), 'credential type digistore24Api registered');
	const problems = n8n.logs().match(/.*(Failed to load package|Error loading package|ENOTFOUND|EAI_AGAIN).*/g);
	assert.equal(problems, null, `no load error or outbound call in the n8n log:\n${problems?.join('\n')}`);
});

test('restart keeps the data and n8n shuts down cleanly', async () => {
	const wf = await n8n.api.createWorkflow({ name: 'smoke', nodes: [], connections: {} });
	const ms = await n8n.restart();
	console.error(`[e2e] n8n restarted in ${ms} ms`);
	assert.equal((await n8n.api.getWorkflow(wf.id)).name, 'smoke', 'workflow survives, API key still valid');
	// A killed n8n leaves crash.journal behind and then sleeps 10 s at the next start.
	assert.doesNotMatch(n8n.logs(), /Last session crashed/);
	await n8n.api.deleteWorkflow(wf.id);
});
