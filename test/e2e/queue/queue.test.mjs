// The packed package in n8n's queue mode (issue 8): PostgreSQL + Redis, a main, one webhook
// process and two workers (concurrency 5), each with the package installed the community way.
// One cluster serves every test, in order: registration, 2,000 IPNs, deduplication across
// processes, deactivation, the action node on a worker, a worker killed mid-load in both answer
// modes, and throughput on n8n's default expression engine. About 7–8 minutes on 2 cores.
// Figures go to stderr ([queue] lines) and test/e2e/artifacts/queue-results.json.
//
//   npm run test:queue        (E2E_N8N_LOG=1 echoes every n8n log; E2E_KEEP=1 keeps the folders)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { actionWorkflow, answerNotificationNode, ACTION_TYPE, allExecutions, credentialBody, emulatorControl, firstPurchaseId, TRIGGER_TYPE, triggerWorkflow } from '../harness/digistore24.mjs';
import { startEmulatorProcess } from '../harness/emulator.mjs';
import { packPackage } from '../harness/pack.mjs';
import { repoRoot } from '../harness/runtime.mjs';
import { freePort, sleep, waitFor } from '../harness/util.mjs';
import { startQueueCluster } from './cluster.mjs';

const LOAD = Number(process.env.QUEUE_LOAD ?? 2000); // signed IPNs in the load test
const KILL_LOAD = Number(process.env.QUEUE_KILL_LOAD ?? 300); // IPNs per answer mode in the kill test
const PASSPHRASE = 'queue-mode-passphrase';
// Bull's stall detection, shortened from n8n's defaults (lock 60 s, check every 30 s) so a killed
// worker's jobs are given up within ~25–55 s instead of up to ~2 min. Nothing else differs from
// n8n's defaults except the expression engine below.
const STALL_ENV = { QUEUE_WORKER_LOCK_DURATION: '15000', QUEUE_WORKER_LOCK_RENEW_TIME: '3000', QUEUE_WORKER_STALLED_INTERVAL: '5000' };
// n8n 2.x's default expression engine (`vm`, isolated-vm) costs a community trigger ~200 ms of CPU
// per request in the webhook process (n8n's own Webhook node ~15 ms), i.e. 3–5 IPNs/s on 2 cores:
// 2,000 would take ~10 min alone. The functional checks run on `legacy` (~20 ms, 25–33/s); the last
// test restarts the webhook process and the workers on n8n's default engine and measures it.
// QUEUE_EXPRESSION_ENGINE=vm runs everything on the default engine.
const ENGINE = process.env.QUEUE_EXPRESSION_ENGINE ?? 'legacy';
const DEFAULT_ENGINE_LOAD = Number(process.env.QUEUE_DEFAULT_ENGINE_LOAD ?? 300);

const log = (m) => console.error(`[queue] ${m}`);
const results = {};
let q;
let emulator;
let ds24;
let credential;
let manualCredential;
let automatic; // { wf, webhookId, connection, bodies }

before(async () => {
	const t0 = Date.now();
	emulator = await startEmulatorProcess({ port: await freePort() });
	ds24 = emulatorControl(emulator.url);
	q = await startQueueCluster({ packageTarball: packPackage(), workers: 2, concurrency: 5, env: { ...STALL_ENV, N8N_EXPRESSION_ENGINE: ENGINE } });
	credential = await q.main.api.createCredential(credentialBody(emulator.url));
	manualCredential = await q.main.api.createCredential(credentialBody(emulator.url, { ipnPassphrase: PASSPHRASE }));
	results.setup = { ms: Date.now() - t0, redis: q.redis.version, postgres: q.pg.version, expressionEngine: ENGINE, loadAverage: os.loadavg() };
});

after(async () => {
	await q?.stop();
	await emulator?.stop();
	mkdirSync(path.join(repoRoot, 'test/e2e/artifacts'), { recursive: true });
	writeFileSync(path.join(repoRoot, 'test/e2e/artifacts/queue-results.json'), `${JSON.stringify(results, null, 2)}\n`);
});

const calls = async (fn) => (await ds24.state()).calls.filter((c) => !fn || c.function === fn);
const countBy = (list, key) => list.reduce((m, x) => ((m[key(x)] = (m[key(x)] ?? 0) + 1), m), {});
const orderOf = (body) => new URLSearchParams(body).get('order_id');

/** POSTs form bodies with `concurrency` in flight and a per-request timeout; `onAnswer(n)` after each. */
async function post(url, bodies, { concurrency = 10, timeoutMs = 120_000, onAnswer = () => {} } = {}) {
	const answers = new Array(bodies.length);
	let next = 0;
	let done = 0;
	const worker = async () => {
		while (next < bodies.length) {
			const i = next++;
			const t = Date.now();
			try {
				const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: bodies[i], signal: AbortSignal.timeout(timeoutMs) });
				answers[i] = { status: res.status, body: await res.text(), ms: Date.now() - t };
			} catch (error) {
				answers[i] = { status: 0, body: error.name === 'TimeoutError' ? 'timeout' : String(error.cause?.code ?? error.message), ms: Date.now() - t };
			}
			onAnswer(++done);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return answers;
}
const ok = (a) => a.status === 200 && a.body === 'OK';
const answerSummary = (answers) => countBy(answers, (a) => (ok(a) ? 'OK' : `${a.status} ${a.body.slice(0, 40)}`));

/** CPU seconds (user + system) used so far by a process group: n8n and its task runner. */
function cpuSeconds(pgid) {
	let pids = [];
	try {
		pids = execFileSync('pgrep', ['-g', String(pgid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
	} catch {}
	let ticks = 0;
	for (const pid of pids) {
		try {
			const f = execFileSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).split(') ')[1].split(' ');
			ticks += Number(f[11]) + Number(f[12]);
		} catch {}
	}
	return ticks / 100; // USER_HZ
}
const cpuSnapshot = () => Object.fromEntries([q.webhook, ...q.workers].map((p) => [p.name, cpuSeconds(p.pid)]));
const cpuPerRequestMs = (before, after, n) => Object.fromEntries(Object.keys(after).map((k) => [k, Math.round(((after[k] - before[k]) * 1000) / n)]));

/** Executions per worker name ("none" for one no worker started, "a+b" for one started twice). */
function workerSplit(runs) {
	const byWorker = q.workerOfExecution();
	return countBy(runs, (e) => (byWorker.get(e.id) ?? ['none']).join('+'));
}

/** What one load run measured: rates, answer latency, executions per worker, CPU per IPN. */
function loadFigures({ answers, postSeconds, drainSeconds, split, cpu0, cpu1 }) {
	const n = answers.length;
	const latency = answers.map((a) => a.ms).sort((a, b) => a - b);
	return {
		ipns: n,
		postSeconds,
		answeredPerSecond: n / postSeconds,
		drainSeconds,
		executionsPerSecond: n / drainSeconds,
		answerMs: { p50: latency[Math.floor(n * 0.5)], p90: latency[Math.floor(n * 0.9)], p99: latency[Math.floor(n * 0.99)] },
		perWorker: split,
		cpuMsPerIpn: cpuPerRequestMs(cpu0, cpu1, n),
		loadAverage: os.loadavg(),
	};
}

/** Every execution of a workflow with its data (the trigger's output holds the order_id). */
async function executionsWithData(workflowId) {
	const out = [];
	let cursor = '';
	do {
		const page = await q.main.api.call('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
		out.push(...page.data);
		cursor = page.nextCursor ?? '';
	} while (cursor);
	return out.map((e) => ({
		id: e.id,
		status: e.status,
		order: JSON.stringify(e.data ?? {}).match(/"order_id":"([^"]+)"/)?.[1],
		error: e.data?.resultData?.error?.message,
	}));
}

const FINAL = ['success', 'error', 'crashed', 'canceled'];
/** Executions of a workflow by status, from the database: the public API lists no queued ones. */
function dbCounts(workflowId) {
	const rows = q.pg.psql(`select status, count(*) from execution_entity where "workflowId" = '${workflowId}' and "deletedAt" is null group by status`);
	return Object.fromEntries(rows.split('\n').filter(Boolean).map((r) => [r.split('|')[0], Number(r.split('|')[1])]));
}
/**
 * Waits until the workflow has `count` executions, all in a final state; returns the API's list.
 * With `lenient`, goes on with what there is after `timeoutMs` (the kill test counts it).
 */
async function settle(workflowId, count, { timeoutMs = 600_000, lenient = false } = {}) {
	let counts = {};
	await waitFor(
		() => {
			counts = dbCounts(workflowId);
			const total = Object.values(counts).reduce((a, b) => a + b, 0);
			return total >= count && Object.keys(counts).every((s) => FINAL.includes(s));
		},
		{ timeoutMs, intervalMs: 1000, message: `${count} finished executions of workflow ${workflowId}` },
	).catch((error) => {
		if (!lenient) throw new Error(`${error.message}; database: ${JSON.stringify(counts)}`);
		log(`settle: ${error.message}; going on with ${JSON.stringify(counts)}`);
	});
	return allExecutions(q.main, workflowId);
}

test('every process loads the community package; the main reports the node types', async () => {
	const types = await q.main.rest.nodeTypes();
	const names = (Array.isArray(types) ? types : types.data).map((t) => t.name);
	assert.ok(names.includes(TRIGGER_TYPE) && names.includes(ACTION_TYPE), 'both node types known to the main');
	for (const p of [q.main, q.webhook, ...q.workers]) {
		assert.equal(/Unrecognized node type|Failed to load|could not be loaded/i.test(p.logs()), false, `${p.name ?? 'main'} loaded the package without errors`);
	}
	log(`setup: cluster up in ${results.setup.ms} ms (redis ${results.setup.redis}, postgres ${results.setup.postgres}); processes: main ${q.main.baseUrl}, webhook ${q.webhookBaseUrl}, ${q.workers.map((w) => w.name).join(', ')}`);
});

test('automatic setup registers once, from the main, with the webhook process URL', async () => {
	await ds24.reset();
	const { webhookId, workflow } = triggerWorkflow(credential, { events: ['on_payment', 'on_refund'] });
	const wf = await q.main.api.createWorkflow(workflow);
	await q.main.api.activate(wf.id);
	await q.waitForWebhook(`${webhookId}/ipn`);
	const setups = await waitFor(async () => (await calls('ipnSetup')).length && calls('ipnSetup'), { message: 'ipnSetup' });
	const [connection] = (await ds24.state()).connections;
	await waitFor(async () => JSON.stringify((await q.main.api.getWorkflow(wf.id)).staticData ?? {}).includes(connection.domain_id), { message: 'static data saved' });
	await sleep(3000); // webhook process and workers had time to (wrongly) register too
	assert.equal((await calls('ipnSetup')).length, 1, 'exactly one ipnSetup');
	assert.equal((await ds24.state()).connections.length, 1, 'exactly one connection');
	assert.equal(setups[0].params.ipn_url, q.webhookUrl(`${webhookId}/ipn`), 'registered URL = the webhook process');
	const probes = (await ds24.state()).ipn.filter((e) => e.type === 'probe');
	assert.deepEqual(probes.map((p) => p.status), [200], 'Digistore24 probe (GET) answered by the webhook process');
	// Delivered by "Digistore24" over the connection, through the webhook process, run by a worker.
	const first = await ds24.deliver(connection.domain_id, 'on_payment');
	assert.deepEqual([first.status, first.body], [200, 'OK']);
	const [run] = await settle(wf.id, 1, { timeoutMs: 60_000 });
	assert.equal(run.status, 'success');
	automatic = { wf, webhookId, connection };
	results.registration = { ipnSetup: 1, url: setups[0].params.ipn_url, callsByFunction: countBy(await calls(), (c) => c.function) };
	log(`registration: ${JSON.stringify(results.registration)}`);
});

test(`load: ${LOAD} signed IPNs to the webhook process (concurrency 10) → exactly ${LOAD} successful executions on both workers`, async () => {
	const { wf, webhookId, connection } = automatic;
	const earlier = new Set((await allExecutions(q.main, wf.id)).map((e) => e.id));
	const bodies = await ds24.samples({ event: 'on_payment', passphrase: connection.sha_passphrase, count: LOAD });
	const cpu0 = cpuSnapshot();
	const t0 = Date.now();
	const answers = await post(q.webhookUrl(`${webhookId}/ipn`), bodies, { concurrency: 10 });
	const postSeconds = (Date.now() - t0) / 1000;
	assert.deepEqual(answerSummary(answers), { OK: LOAD }, 'every IPN answered OK');
	await settle(wf.id, earlier.size + LOAD);
	const drainSeconds = (Date.now() - t0) / 1000;
	await sleep(2000);
	const runs = (await allExecutions(q.main, wf.id)).filter((e) => !earlier.has(e.id));
	assert.deepEqual(dbCounts(wf.id), { success: earlier.size + LOAD }, 'database: only successful executions, exactly one per IPN');
	assert.equal(runs.length, LOAD, `exactly ${LOAD} executions`);
	assert.deepEqual(countBy(runs, (e) => e.status), { success: LOAD });

	const split = workerSplit(runs);
	assert.equal(split.none, undefined, 'every execution was started by a worker');
	assert.deepEqual(Object.keys(split).sort(), q.workers.map((w) => w.name).sort(), 'each execution ran on exactly one worker; both workers ran some');
	results.load = { ...loadFigures({ answers, postSeconds, drainSeconds, split, cpu0, cpu1: cpuSnapshot() }), ipnSetupCalls: (await calls('ipnSetup')).length };
	assert.equal(results.load.ipnSetupCalls, 1, 'the load did not make anyone register again');
	log(`load: ${JSON.stringify(results.load)}`);
});

test('repeats across processes: every delivery runs, exact repeats included, whichever process receives it', async () => {
	const { wf, webhookId, connection } = automatic;
	const path_ = `${webhookId}/ipn`;
	await q.waitForWebhook(path_, { base: q.main.baseUrl }); // the main serves production webhooks too
	const total = () => Object.values(dbCounts(wf.id)).reduce((x, y) => x + y, 0);
	const before = total();
	// 300 new notifications (on_refund) + 30 exact repeats mixed in, all to the webhook process, concurrency 10.
	const distinct = await ds24.samples({ event: 'on_refund', passphrase: connection.sha_passphrase, count: 300 });
	const mixed = [...distinct];
	for (let i = 0; i < 30; i++) {
		const original = (i * 97) % 300;
		mixed.splice(Math.min(mixed.length, original + i + (i % 4) + 1), 0, distinct[original]); // soon after it
	}
	const a1 = await post(q.webhookUrl(path_), mixed, { concurrency: 10 });
	assert.deepEqual(answerSummary(a1), { OK: 330 });
	await settle(wf.id, before + 330);
	const sameProcessRuns = total() - before;

	// 100 of them again, one at a time, to another process (the main), as after a failover.
	const mark = total();
	const a2 = await post(q.mainWebhookUrl(path_), distinct.slice(0, 100), { concurrency: 1 });
	assert.deepEqual(answerSummary(a2), { OK: 100 });
	await settle(wf.id, mark + 100, { timeoutMs: 60_000 });
	const crossProcessRuns = total() - mark;

	results.repeats = {
		sameProcess: { deliveries: 330, exactRepeats: 30, runs: sameProcessRuns },
		crossProcess: { deliveries: 100, runs: crossProcessRuns },
	};
	log(`repeats: ${JSON.stringify(results.repeats)}`);
	assert.equal(sameProcessRuns, 330, 'every delivery ran, exact repeats included (marked in their item)');
	assert.equal(crossProcessRuns, 100, 'another process runs them too');
});

test('deactivating removes the registration; the webhook process stops routing the URL', async () => {
	const { wf, webhookId, connection } = automatic;
	await q.main.api.deactivate(wf.id);
	await waitFor(async () => (await ds24.state()).connections.length === 0, { message: 'the connection to be removed' });
	await waitFor(async () => (await fetch(q.webhookUrl(`${webhookId}/ipn`), { method: 'POST', body: 'a=1' })).status === 404, { message: 'webhook process to answer 404' });
	await sleep(2000);
	// n8n 2.41.1 runs the trigger's delete() twice on deactivation (in regular mode too): two
	// ipnDelete calls for the one domain_id, the second a no-op. Never another connection's.
	const deletes = await calls('ipnDelete');
	assert.ok(deletes.length >= 1 && deletes.length <= 2, `1–2 ipnDelete calls, got ${deletes.length}`);
	assert.ok(deletes.every((c) => c.params.domain_id === connection.domain_id), 'only our connection was deleted');
	assert.equal((await calls('ipnSetup')).length, 1, 'still the one ipnSetup');
	results.deactivation = { ipnDelete: deletes.length, connectionsLeft: 0, webhookProcessAnswer: 404 };
	log(`deactivation: ${JSON.stringify(results.deactivation)}`);
});

test('the action node runs on a worker: Webhook → Digistore24 Make an API Call', async () => {
	const purchaseId = await firstPurchaseId(emulator.url);
	const wf = await q.main.api.createWorkflow(
		actionWorkflow(credential, 'ds24-queue-action', { resource: 'apiCall', operation: 'makeApiCall', function: 'getPurchase', parameters: { parameter: [{ name: 'purchase_id', value: purchaseId }] } }),
	);
	await q.main.api.activate(wf.id);
	await q.waitForWebhook('ds24-queue-action');
	const res = await fetch(q.webhookUrl('ds24-queue-action'), { method: 'POST' });
	assert.equal(res.status, 200);
	const body = await res.json();
	assert.equal(body[0].id, purchaseId, 'the worker’s API call answer came back through the webhook process');
	const [execution] = await settle(wf.id, 1, { timeoutMs: 60_000 });
	assert.equal(execution.status, 'success');
	const ranOn = q.workerOfExecution().get(execution.id);
	assert.equal(ranOn?.length, 1, 'started by exactly one worker');
	assert.ok((await calls('getPurchase')).some((c) => c.params.purchase_id === purchaseId));
	results.action = { executionId: execution.id, worker: ranOn[0] };
	log(`action: execution ${execution.id} ran on ${ranOn[0]}`);
	await q.main.api.deactivate(wf.id);
});

const WORK_MS = 300;
/** Jobs a worker has started and not finished, from its log since its last start. */
function activeJobs(worker) {
	const text = worker.logs().split('[e2e] ---- ').pop();
	const started = new Set([...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
	for (const m of text.matchAll(/Worker (?:finished|errored while running) execution (\d+)/g)) started.delete(m[1]);
	return started.size;
}

/**
 * KILL_LOAD signed IPNs at concurrency 10 to the webhook process; after a third of them are
 * answered and worker1 has jobs in hand, it gets SIGKILL (with its task runner) and is started again. The workflow's work
 * is a Digistore24 API call (ping, with the order id) that the emulator logs, so "done" is counted
 * outside n8n. In after-success mode the action node's Answer Notification follows the work, and every delivery
 * not answered OK is posted again (as Digistore24 does) until all are OK.
 */
async function killRun({ answer }) {
	const afterSuccess = answer === 'afterSuccess';
	const { webhookId, workflow } = triggerWorkflow(manualCredential, { events: ['on_payment'], setup: 'manual', options: { answer } });
	workflow.nodes.push({
		id: randomUUID(),
		name: 'Work',
		type: ACTION_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: { resource: 'apiCall', operation: 'makeApiCall', function: 'ping', parameters: { parameter: [{ name: 'order', value: '={{ $json.raw.order_id }}' }] } },
		credentials: { digistore24Api: { id: manualCredential.id, name: manualCredential.name } },
	});
	workflow.connections = { 'Digistore24 Trigger': { main: [[{ node: 'Work', type: 'main', index: 0 }]] } };
	if (afterSuccess) {
		workflow.nodes.push(answerNotificationNode(manualCredential, { name: 'Respond OK', position: [440, 0] }));
		workflow.connections.Work = { main: [[{ node: 'Respond OK', type: 'main', index: 0 }]] };
	}
	const wf = await q.main.api.createWorkflow(workflow);
	await q.main.api.activate(wf.id);
	const route = `${webhookId}/${afterSuccess ? 'ipn-after-success' : 'ipn'}`;
	await q.waitForWebhook(route);
	const url = q.webhookUrl(route);
	const bodies = await ds24.samples({ event: 'on_payment', passphrase: PASSPHRASE, count: KILL_LOAD });
	const callsBefore = (await calls()).length;
	// The work takes WORK_MS (the emulator answers ping that late), so each worker has jobs in hand.
	await ds24.fault({ function: 'ping', type: 'slow', delayMs: WORK_MS, times: 1_000_000 });
	const victim = q.workers[0];
	let restart;
	let killedAt;
	let activeAtKill;
	const t0 = Date.now();
	const answers = await post(url, bodies, {
		concurrency: 10,
		onAnswer: (n) => {
			// From a third of the load on, kill as soon as the victim has jobs in hand (at two thirds anyway).
			if (restart || n < Math.floor(KILL_LOAD / 3)) return;
			activeAtKill = activeJobs(victim);
			if (activeAtKill === 0 && n < Math.floor((2 * KILL_LOAD) / 3)) return;
			killedAt = Date.now() - t0;
			restart = victim.kill().then(async () => {
				log(`${answer}: ${victim.name} killed (SIGKILL) after ${n} answers, ${killedAt} ms into the load, ${activeAtKill} job(s) in hand`);
				await sleep(2000);
				return victim.start();
			});
		},
	});
	const restartMs = await restart;
	await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
	const firstPass = answerSummary(answers);
	// Every delivery made an execution; the killed worker's are given up once Bull notices the
	// stall (see STALL_ENV).
	await settle(wf.id, KILL_LOAD, { timeoutMs: 180_000, lenient: true });
	let rounds = 0;
	const retried = [];
	const deliveries = answers.map((a) => [a]);
	if (afterSuccess) {
		let pending = bodies.map((b, i) => i).filter((i) => !ok(answers[i]));
		while (pending.length && rounds < 5) {
			rounds++;
			const again = await post(url, pending.map((i) => bodies[i]), { concurrency: 10 });
			again.forEach((a, k) => deliveries[pending[k]].push(a));
			retried.push(pending.length);
			pending = pending.filter((i, k) => !ok(again[k]));
		}
	}
	await settle(wf.id, KILL_LOAD + retried.reduce((x, y) => x + y, 0), { timeoutMs: 180_000, lenient: true });
	const executions = await executionsWithData(wf.id);
	// The work done, per order id, from the emulator's log of this run's API calls.
	const workNow = countBy((await calls()).slice(callsBefore).filter((c) => c.function === 'ping' && c.params.order), (c) => c.params.order);
	const succeededOrders = new Set(executions.filter((e) => e.status === 'success').map((e) => e.order));
	const lost = bodies.filter((b) => !workNow[orderOf(b)]);
	const lostAnsweredOk = lost.filter((b) => deliveries[bodies.indexOf(b)].some(ok));
	const result = {
		ipns: KILL_LOAD,
		killedAfterMs: killedAt,
		victimJobsInHandAtKill: activeAtKill,
		workerRestartMs: restartMs,
		firstPassAnswers: firstPass,
		firstPassNotOkAfterMs: answers.filter((a) => !ok(a)).map((a) => a.ms).sort((x, y) => x - y),
		retryRounds: rounds,
		retriedPerRound: retried,
		executions: { total: executions.length, ...countBy(executions, (e) => e.status) },
		database: dbCounts(wf.id),
		errors: countBy(executions.filter((e) => e.status !== 'success'), (e) => `${e.status}: ${(e.error ?? '-').slice(0, 80)}`),
		notificationsWithSuccessfulExecution: succeededOrders.size,
		answeredOkWithoutSuccessfulExecution: bodies.filter((b, i) => deliveries[i].some(ok) && !succeededOrders.has(orderOf(b))).length,
		notificationsWorkDone: Object.keys(workNow).length,
		lost: lost.length,
		lostButAnsweredOk: lostAnsweredOk.length,
		workDoneTwice: Object.values(workNow).filter((n) => n > 1).length,
	};
	await q.main.api.deactivate(wf.id);
	return result;
}

test(`worker killed mid-load, answer on receipt: counts (${KILL_LOAD} IPNs)`, async () => {
	const r = await killRun({ answer: 'onReceipt' });
	results.killOnReceipt = r;
	log(`kill / onReceipt: ${JSON.stringify(r)}`);
	assert.deepEqual(r.firstPassAnswers, { OK: KILL_LOAD }, 'the webhook process answered every delivery OK');
	assert.equal(r.executions.total, KILL_LOAD, 'one execution per notification (none missing from the database)');
	assert.equal(r.lost, r.lostButAnsweredOk, 'whatever is lost was already answered OK: Digistore24 will not resend it');
	// A run killed after its work but before n8n recorded success is not lost, only marked failed.
	assert.ok(r.lost <= KILL_LOAD - (r.executions.success ?? 0), 'nothing lost beyond the executions that did not succeed');
});

test(`worker killed mid-load, answer after success + Digistore24 retries: nothing lost (${KILL_LOAD} IPNs)`, async () => {
	const r = await killRun({ answer: 'afterSuccess' });
	results.killAfterSuccess = r;
	log(`kill / afterSuccess: ${JSON.stringify(r)}`);
	assert.equal(r.lost, 0, 'the work ran for every notification');
	assert.equal(r.notificationsWorkDone, KILL_LOAD);
});

test(`n8n's default expression engine: ${DEFAULT_ENGINE_LOAD} IPNs through the webhook process and both workers`, async () => {
	const procs = [q.webhook, ...q.workers];
	if (ENGINE !== 'vm') {
		const t = Date.now();
		await Promise.all(procs.map((p) => p.kill())); // idle: every workflow above is settled and deactivated
		await Promise.all(procs.map((p) => p.start({ N8N_EXPRESSION_ENGINE: undefined })));
		log(`webhook process and workers restarted on n8n's default expression engine in ${Date.now() - t} ms`);
	}
	const { webhookId, workflow } = triggerWorkflow(manualCredential, { events: ['on_refund'], setup: 'manual' });
	const wf = await q.main.api.createWorkflow(workflow);
	await q.main.api.activate(wf.id);
	await q.waitForWebhook(`${webhookId}/ipn`);
	const bodies = await ds24.samples({ event: 'on_refund', passphrase: PASSPHRASE, count: DEFAULT_ENGINE_LOAD });
	const cpu0 = cpuSnapshot();
	const t0 = Date.now();
	const answers = await post(q.webhookUrl(`${webhookId}/ipn`), bodies, { concurrency: 10 });
	const postSeconds = (Date.now() - t0) / 1000;
	assert.deepEqual(answerSummary(answers), { OK: DEFAULT_ENGINE_LOAD });
	const runs = await settle(wf.id, DEFAULT_ENGINE_LOAD);
	const drainSeconds = (Date.now() - t0) / 1000;
	const cpu1 = cpuSnapshot();
	assert.equal(runs.length, DEFAULT_ENGINE_LOAD);
	assert.deepEqual(countBy(runs, (e) => e.status), { success: DEFAULT_ENGINE_LOAD });
	const split = workerSplit(runs);
	assert.deepEqual(Object.keys(split).sort(), q.workers.map((w) => w.name).sort(), 'both workers ran some, each execution on one');
	results.defaultEngine = loadFigures({ answers, postSeconds, drainSeconds, split, cpu0, cpu1 });
	log(`default engine: ${JSON.stringify(results.defaultEngine)}`);
	await q.main.api.deactivate(wf.id);
});
