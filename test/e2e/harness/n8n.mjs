// A real n8n (the version N8N_VERSION picks, see runtime.mjs) for end-to-end tests: fresh user folder, our packed package
// installed as a community package, owner + API key set up, clients for REST and the public API.
//
//   const n8n = await startN8n({ packageTarball });
//   await n8n.api.createWorkflow(...); await n8n.waitForWebhook('abc/ipn');
//   await n8n.stop();
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiKey, OWNER, publicApi, restApi, setupOwnerAndLogin } from './clients.mjs';
import { installPackage } from './install-package.mjs';
import { n8nQuirks } from './n8n-quirks.mjs';
import { n8nEnv } from './n8n-env.mjs';
import { onExitCleanup, spawnGroup, stopGroup } from './processes.mjs';
import { ensureN8nInstalled } from './runtime.mjs';
import { freePort, waitFor } from './util.mjs';

export { OWNER, freePort, waitFor };

/**
 * @param {object} o
 * @param {number} [o.port]            editor/webhook port (default: a free one)
 * @param {string} [o.packageTarball]  `npm pack` output to install as a community package
 * @param {object} [o.env]             extra/overriding n8n env vars
 * @param {string} [o.userFolder]      keep data here (default: a temp folder, removed by stop())
 * @param {string} [o.listen]          listen address (default 127.0.0.1)
 * @param {boolean} [o.echoLogs]       also write n8n's output to our stderr (default: E2E_N8N_LOG=1)
 * @param {boolean} [o.apiKey]         create an API key for `api` (default true)
 */
export async function startN8n(o = {}) {
	const rt = ensureN8nInstalled();
	const ownFolder = !o.userFolder;
	const userFolder = o.userFolder ?? mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	mkdirSync(userFolder, { recursive: true });
	const keep = !ownFolder || process.env.E2E_KEEP === '1';
	const removeFolder = () => keep || rmSync(userFolder, { recursive: true, force: true });
	const unregister = onExitCleanup(removeFolder); // also after a crash or Ctrl-C
	const pkg = o.packageTarball ? installPackage(userFolder, o.packageTarball) : undefined;
	const port = o.port ?? (await freePort());
	const brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const echo = o.echoLogs ?? process.env.E2E_N8N_LOG === '1';
	const logFile = path.join(userFolder, 'n8n.log');
	let logText = '';
	let proc;
	let apiKey;
	const quirks = n8nQuirks(rt.major);
	const api = publicApi(baseUrl, () => apiKey, quirks);
	const rest = restApi(baseUrl, quirks, api);

	async function start() {
		const t0 = Date.now();
		const env = {
			...process.env,
			...rt.env,
			...n8nEnv({ userFolder, port, brokerPort, host: o.listen }),
			...o.env,
		};
		const out = createWriteStream(logFile, { flags: 'a' });
		const { child, exited } = spawnGroup('n8n', rt.node, [rt.n8nBin, 'start'], {
			env,
			cwd: userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		for (const s of [child.stdout, child.stderr]) {
			s.setEncoding('utf8');
			s.on('data', (d) => {
				logText += d;
				out.write(d);
				if (echo) process.stderr.write(d);
			});
		}
		exited.then(() => out.end());
		const current = { child, exited, dead: false };
		proc = current;
		exited.then(() => (current.dead = true));
		const logFrom = logText.length; // a restart must not see the previous run's startup line

		// /healthz answers before migrations; readiness = DB ready; the log line = workflows activated.
		// An n8n that exits during startup fails at once (waitFor would retry until its timeout).
		const died = exited.then(() => {
			throw new Error(`n8n exited during startup; log tail:\n${logText.slice(-3000)}`);
		});
		died.catch(() => {});
		const ready = waitFor(
			async () => {
				if (current.dead) return true; // `died` has already failed the start; stop polling
				const r = await fetch(`${baseUrl}/healthz/readiness`).catch(() => undefined);
				return r?.ok && logText.includes('Editor is now accessible', logFrom);
			},
			{ timeoutMs: o.readyTimeoutMs ?? 180_000, message: `n8n on ${baseUrl} to become ready` },
		);
		await Promise.race([ready, died]).catch(async (e) => {
			await stopGroup(child.pid, 5_000);
			throw e;
		});
		const startMs = Date.now() - t0;
		await setupOwnerAndLogin(rest);
		if (o.apiKey !== false) apiKey ??= await createApiKey(rest);
		return startMs;
	}

	async function stopProcess() {
		if (proc && !proc.dead) await stopGroup(proc.child.pid, 30_000);
	}

	const startMs = await start();

	return {
		baseUrl,
		port,
		userFolder,
		logFile,
		package: pkg,
		owner: OWNER,
		/** The n8n version running (N8N_VERSION, default the newest in versions.sh) and its major. */
		version: rt.version,
		major: rt.major,
		startMs,
		get apiKey() {
			return apiKey;
		},
		/** PID of the running n8n main process (for memory readings). */
		get pid() {
			return proc?.child.pid;
		},
		api,
		rest,
		webhookUrl: (p) => `${baseUrl}/webhook/${p.replace(/^\//, '')}`,
		webhookTestUrl: (p) => `${baseUrl}/webhook-test/${p.replace(/^\//, '')}`,
		/**
		 * Activation is asynchronous in 2.x (publication outbox): wait until the production webhook is
		 * registered. A CORS preflight answers 204 then (500/404 before) and runs no execution.
		 */
		waitForWebhook: (p, method = 'POST', timeoutMs = 30_000) =>
			waitFor(
				async () => {
					const r = await fetch(`${baseUrl}/webhook/${p.replace(/^\//, '')}`, {
						method: 'OPTIONS',
						headers: { origin: baseUrl, 'access-control-request-method': method },
					});
					return r.status === 204;
				},
				{ timeoutMs, intervalMs: 100, message: `webhook ${method} /webhook/${p}` },
			),
		/** Waits until the workflow has at least `count` finished executions; returns them (newest first). */
		waitForExecutions: (workflowId, count = 1, { includeData = true, timeoutMs = 30_000 } = {}) =>
			waitFor(
				async () => {
					const list = await api.listExecutions(workflowId, includeData);
					const done = list.filter((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status));
					return done.length >= count && done;
				},
				{ timeoutMs, message: `${count} execution(s) of workflow ${workflowId}` },
			),
		logs: () => logText,
		/** Resolves with {code, signal} when the current n8n process ends (for callers that must notice a crash). */
		exited: () => proc.exited,
		/** Stops n8n (SIGTERM: webhook delete hooks run) and starts it again on the same folder/port. */
		restart: async () => {
			await stopProcess();
			return start();
		},
		/** Stops n8n; removes the temp user folder unless E2E_KEEP=1 (or the caller owns it). */
		stop: async () => {
			await stopProcess();
			removeFolder();
			unregister();
		},
	};
}
