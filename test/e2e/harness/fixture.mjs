// The fixture most e2e files share: the Digistore24 emulator in its own process, a real n8n with
// the packed package installed the community way, optionally a Digistore24 API credential, all
// stopped after the file. Registered as the file's node:test before/after hooks.
import { after, before } from 'node:test';
import { credentialBody, emulatorControl } from './digistore24.mjs';
import { startEmulatorProcess } from './emulator.mjs';
import { freePort, startN8n } from './n8n.mjs';
import { packPackage } from './pack.mjs';

/**
 * `ready({ n8n, emulator, ds24, credential })` is called and awaited once both run, before the first
 * test. A file's own setup that needs n8n goes there: Node 20 does not wait for one top-level
 * `before` hook before starting the next.
 *
 * @param {object} options
 * @param {object} [options.credential] options for credentialBody (apiKey, ipnPassphrase): create one
 * @param {boolean} [options.legacyEngine] run n8n's legacy expression engine (E2E_ENGINE=vm overrides):
 *   for files that send bursts, which the default engine on SQLite and 2 cores does not keep up with
 *   (README "Reliability")
 * @param {Record<string, string>} [options.env] more environment for n8n
 */
export function n8nWithEmulator({ credential, legacyEngine = false, env = {} } = {}, ready) {
	const started = {};
	before(async () => {
		started.emulator = await startEmulatorProcess({ port: await freePort() });
		started.ds24 = emulatorControl(started.emulator.url);
		const engine = legacyEngine ? { N8N_EXPRESSION_ENGINE: process.env.E2E_ENGINE ?? 'legacy' } : {};
		started.n8n = await startN8n({ packageTarball: packPackage(), env: { ...engine, ...env } });
		console.error(`[e2e] n8n ready in ${started.n8n.startMs} ms`);
		if (credential) started.credential = await started.n8n.api.createCredential(credentialBody(started.emulator.url, credential));
		await ready(started);
	});
	after(async () => {
		await started.n8n?.stop();
		await started.emulator?.stop();
	});
}
