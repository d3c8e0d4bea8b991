// Smoke test against a real n8n: the packed package installs as a community package and n8n
// registers both nodes and the credential type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startN8n } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';
import { readTarballManifest } from './harness/install-package.mjs';

let n8n;

before(async () => {
	const tarball = packPackage();
	const t0 = Date.now();
	n8n = await startN8n({ packageTarball: tarball });
	console.error(`[e2e] n8n ready in ${n8n.startMs} ms (total with owner/API key ${Date.now() - t0} ms)`);
});

after(async () => {
	await n8n?.stop();
});

test('n8n registers the package types', async () => {
	const { name } = n8n.package;
	const nodes = new Set((await n8n.rest.nodeTypes()).map((t) => t.name));
	const creds = new Set((await n8n.rest.credentialTypes()).map((t) => t.name));
	const manifest = readTarballManifest(packPackage());
	// Expected types follow the package's own manifest, so the lab demo package can stand in.
	const expected =
		name === 'n8n-nodes-digistore24'
			? {
					nodes: ['n8n-nodes-digistore24.digistore24', 'n8n-nodes-digistore24.digistore24Trigger'],
					creds: ['digistore24Api'],
				}
			: { nodes: [`${name}.labDemoTrigger`], creds: [] };
	assert.ok(manifest.n8n?.nodes?.length, 'package.json has an n8n.nodes list');
	for (const t of expected.nodes) assert.ok(nodes.has(t), `node type ${t} registered`);
	for (const t of expected.creds) assert.ok(creds.has(t), `credential type ${t} registered`);
	assert.doesNotMatch(n8n.logs(), /ENOTFOUND|Error loading package/i, 'no outbound call or load error in the log');
});

test('public API works with the harness API key', async () => {
	const wf = await n8n.api.createWorkflow({ name: 'smoke', nodes: [], connections: {} });
	assert.ok(wf.id);
	await n8n.api.deleteWorkflow(wf.id);
});
