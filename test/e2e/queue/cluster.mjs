// n8n in queue mode for end-to-end tests: PostgreSQL + Redis on loopback, a main (`n8n start`,
// via the harness's startN8n), one webhook process (`n8n webhook`) and N workers
// (`n8n worker --concurrency=C`). Every process has a user folder of its own with our packed
// package installed the community way — like separate containers, each with its own
// ~/.n8n/nodes — and they share the database, Redis and N8N_ENCRYPTION_KEY.
//
//   const q = await startQueueCluster({ packageTarball });
//   q.main.api.createWorkflow(...)  ·  q.webhookUrl('<id>/ipn')  ·  q.workerOfExecution()
//   await q.killWorker(0); await q.workers[0].start();  ·  await q.stop();
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installPackage } from '../harness/install-package.mjs';
import { n8nEnv } from '../harness/n8n-env.mjs';
import { startN8n } from '../harness/n8n.mjs';
import { onExitCleanup, spawnGroup, stopGroup } from '../harness/processes.mjs';
import { ensureN8nInstalled } from '../harness/runtime.mjs';
import { freePort, waitFor } from '../harness/util.mjs';
import { startPostgres, startRedis } from './services.mjs';

const log = (m) => console.error(`[queue] ${m}`);

/** Env every process of the cluster shares (queue mode, database, Redis, public webhook URL). */
export function queueEnv({ redis, pg, webhookBaseUrl }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Trigger nodes register this URL: the webhook process, wherever the registration runs (main).
		WEBHOOK_URL: `${webhookBaseUrl}/`,
		// The same on every process, or workers cannot decrypt credentials (n8nEnv sets a fixed one).
		N8N_ENCRYPTION_KEY: 'e2e-not-secret-encryption-key',
	};
}

/**
 * One extra n8n process (`n8n webhook` or `n8n worker`) with its own user folder and the package
 * installed. `start()` can be called again after it died (same folder, same port).
 */
export function n8nProcess({ name, args, port, brokerPort, packageTarball, env, readyLine, healthUrl, echo }) {
	const rt = ensureN8nInstalled();
	const userFolder = mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${name}-`));
	const keep = process.env.E2E_KEEP === '1';
	const removeFolder = () => keep || rmSync(userFolder, { recursive: true, force: true });
	const unregister = onExitCleanup(removeFolder);
	if (packageTarball) installPackage(userFolder, packageTarball);
	const logFile = path.join(userFolder, 'n8n.log');
	let logText = '';
	let proc;
	let generation = 0;

	let currentEnv = env;
	/** Starts the process; `envOverrides` (kept for later starts) change its env, e.g. the expression engine. */
	async function start(envOverrides) {
		const t0 = Date.now();
		generation++;
		if (envOverrides) currentEnv = { ...currentEnv, ...envOverrides };
		const fullEnv = { ...process.env, ...rt.env, ...n8nEnv({ userFolder, port, brokerPort }), ...currentEnv };
		for (const [k, v] of Object.entries(fullEnv)) if (v === undefined) delete fullEnv[k];
		const out = createWriteStream(logFile, { flags: 'a' });
		const { child, exited } = spawnGroup(name, rt.node, [rt.n8nBin, ...args], { env: fullEnv, cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'] });
		const marker = `\n[e2e] ---- ${name} start #${generation} (pid ${child.pid}) ----\n`;
		logText += marker;
		const logFrom = logText.length;
		for (const s of [child.stdout, child.stderr]) {
			s.setEncoding('utf8');
			s.on('data', (d) => {
				logText += d;
				out.write(d);
				if (echo) process.stderr.write(`[${name}] ${d}`);
			});
		}
		const current = { child, exited, dead: false };
		proc = current;
		exited.then(() => {
			current.dead = true;
			out.end();
		});
		await waitFor(
			async () => {
				if (current.dead) throw new Error(`${name} exited during startup; log tail:\n${logText.slice(-3000)}`);
				if (!logText.includes(readyLine, logFrom)) return false;
				if (!healthUrl) return true;
				const r = await fetch(healthUrl).catch(() => undefined);
				return r?.ok;
			},
			{ timeoutMs: 180_000, intervalMs: 200, message: `${name} to become ready` },
		).catch(async (e) => {
			await stopGroup(child.pid, 5_000);
			throw e;
		});
		return Date.now() - t0;
	}

	return {
		name,
		port,
		userFolder,
		logFile,
		start,
		logs: () => logText,
		get pid() {
			return proc?.child.pid;
		},
		get alive() {
			return Boolean(proc && !proc.dead);
		},
		exited: () => proc.exited,
		/** SIGKILL to the whole process group (n8n and its task runner), like a container being killed. */
		kill: async () => {
			if (!proc || proc.dead) return;
			try {
				process.kill(-proc.child.pid, 'SIGKILL');
			} catch {}
			await proc.exited;
		},
		stop: async () => {
			if (proc && !proc.dead) await stopGroup(proc.child.pid, 30_000);
		},
		remove: () => {
			removeFolder();
			unregister();
		},
	};
}

/**
 * @param {object} o
 * @param {string} o.packageTarball
 * @param {number} [o.workers=2]
 * @param {number} [o.concurrency=5]   `n8n worker --concurrency`
 * @param {object} [o.env]             extra env for every process
 */
export async function startQueueCluster({ packageTarball, workers = 2, concurrency = 5, env = {}, echoLogs = process.env.E2E_N8N_LOG === '1' } = {}) {
	const t0 = Date.now();
	const started = [];
	const [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
	const webhookPort = await freePort();
	const webhookBaseUrl = `http://127.0.0.1:${webhookPort}`;
	const shared = { ...queueEnv({ redis, pg, webhookBaseUrl }), ...env };
	const cleanup = async () => {
		await Promise.all(started.map((p) => p.stop()));
		await Promise.all([redis.stop(), pg.stop()]);
	};
	try {
		// The main runs the migrations; the others start after it so they never race them.
		const main = await startN8n({ packageTarball, env: shared, echoLogs });
		started.push(main);
		log(`main (n8n start) ready in ${main.startMs} ms on ${main.baseUrl}`);

		const webhook = n8nProcess({
			name: 'webhook',
			args: ['webhook'],
			port: webhookPort,
			brokerPort: await freePort(),
			packageTarball,
			env: shared,
			readyLine: 'Webhook listener waiting for requests.',
			healthUrl: `${webhookBaseUrl}/healthz/readiness`,
			echo: echoLogs,
		});
		const workerProcs = [];
		for (let i = 0; i < workers; i++) {
			const healthPort = await freePort();
			workerProcs.push(
				n8nProcess({
					name: `worker${i + 1}`,
					args: ['worker', `--concurrency=${concurrency}`],
					port: healthPort,
					brokerPort: await freePort(),
					packageTarball,
					env: {
						...shared,
						// The worker's own health server (/healthz/readiness) on a port of its own.
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
					readyLine: 'n8n worker is now ready',
					healthUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
					echo: echoLogs,
				}),
			);
		}
		const others = [webhook, ...workerProcs];
		started.push(...others);
		const times = await Promise.all(others.map((p) => p.start()));
		log(`${others.map((p, i) => `${p.name} ${times[i]} ms`).join(', ')}; cluster up in ${Date.now() - t0} ms`);

		const toUrl = (base, p) => `${base}/webhook/${p.replace(/^\//, '')}`;
		return {
			redis,
			pg,
			main,
			webhook,
			workers: workerProcs,
			webhookBaseUrl,
			/** Production URL on the webhook process (what triggers register). */
			webhookUrl: (p) => toUrl(webhookBaseUrl, p),
			/** The same path on the main, which in queue mode also serves production webhooks. */
			mainWebhookUrl: (p) => toUrl(main.baseUrl, p),
			/** Waits until `base` (default: the webhook process) routes the production webhook (CORS preflight → 204). */
			waitForWebhook: (p, { method = 'POST', base = webhookBaseUrl, timeoutMs = 30_000 } = {}) =>
				waitFor(
					async () => {
						const r = await fetch(toUrl(base, p), { method: 'OPTIONS', headers: { origin: base, 'access-control-request-method': method } });
						return r.status === 204;
					},
					{ timeoutMs, intervalMs: 100, message: `webhook ${method} ${toUrl(base, p)}` },
				),
			/** executionId → worker name, from the workers' "Worker started execution <id>" log lines. */
			workerOfExecution: () => {
				const map = new Map();
				for (const w of workerProcs) {
					for (const m of w.logs().matchAll(/Worker started execution (\d+)/g)) map.set(m[1], [...(map.get(m[1]) ?? []), w.name]);
				}
				return map;
			},
			stop: async () => {
				await Promise.all([webhook, ...workerProcs].map((p) => p.stop()));
				await main.stop();
				for (const p of [webhook, ...workerProcs]) p.remove();
				await Promise.all([redis.stop(), pg.stop()]);
			},
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}
