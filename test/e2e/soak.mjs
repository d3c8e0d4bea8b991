// `npm run soak`: 10,000 signed notifications into a real n8n (manual-setup trigger, concurrency
// 10), recording n8n's memory over time. Not part of `npm test` (about 10–15 minutes here).
// Prints a table and writes test/e2e/artifacts/soak.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allExecutions, credentialBody, emulatorControl, postAll, triggerWorkflow } from './harness/digistore24.mjs';
import { startEmulatorProcess } from './harness/emulator.mjs';
import { freePort, startN8n, waitFor } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';
import { repoRoot } from './harness/runtime.mjs';

const TOTAL = Number(process.env.SOAK_TOTAL ?? 10_000);
const BATCH = 500;
const PASSPHRASE = 'soak-passphrase';

const rssMb = (pid) => {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
	return line ? Math.round(Number(line[1]) / 1024) : NaN;
};

const emulator = await startEmulatorProcess({ port: await freePort() });
const ds24 = emulatorControl(emulator.url);
const n8n = await startN8n({ packageTarball: packPackage() });
try {
	const credential = await n8n.api.createCredential(credentialBody(emulator.url, { ipnPassphrase: PASSPHRASE }));
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment'], setup: 'manual' });
	const wf = await n8n.api.createWorkflow(workflow);
	await n8n.api.activate(wf.id);
	await n8n.waitForWebhook(`${webhookId}/ipn`);
	const url = n8n.webhookUrl(`${webhookId}/ipn`);
	const bodies = await ds24.samples({ event: 'on_payment', passphrase: PASSPHRASE, count: TOTAL });
	const samples = [{ sent: 0, seconds: 0, rssMb: rssMb(n8n.pid) }];
	const statuses = {};
	const t0 = Date.now();
	for (let i = 0; i < TOTAL; i += BATCH) {
		for (const r of await postAll(url, bodies.slice(i, i + BATCH), 10)) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
		samples.push({ sent: Math.min(TOTAL, i + BATCH), seconds: (Date.now() - t0) / 1000, rssMb: rssMb(n8n.pid) });
		console.error(`[soak] ${samples.at(-1).sent} sent, ${samples.at(-1).seconds.toFixed(0)} s, n8n RSS ${samples.at(-1).rssMb} MB`);
	}
	const runs = await waitFor(async () => {
		const list = await allExecutions(n8n, wf.id);
		return list.filter((e) => e.status === 'success').length >= TOTAL && list;
	}, { timeoutMs: 1_800_000, intervalMs: 5000, message: `${TOTAL} successful executions` });
	const seconds = (Date.now() - t0) / 1000;
	const result = { total: TOTAL, answers: statuses, successful: runs.filter((e) => e.status === 'success').length, seconds, perSecond: TOTAL / seconds, samples };
	mkdirSync(path.join(repoRoot, 'test/e2e/artifacts'), { recursive: true });
	writeFileSync(path.join(repoRoot, 'test/e2e/artifacts/soak.json'), JSON.stringify(result, null, 2));
	console.log(`soak: ${TOTAL} notifications, answers ${JSON.stringify(statuses)}, ${result.successful} successful executions in ${seconds.toFixed(0)} s (${result.perSecond.toFixed(1)}/s)`);
	console.log(`n8n RSS (MB) by notifications sent: ${samples.map((s) => `${s.sent}:${s.rssMb}`).join(' ')}`);
} finally {
	await n8n.stop();
	await emulator.stop();
}
