// Row 2: the same signed notification against six workflows in one real n8n (the e2e harness:
// pinned n8n on Node 24, our packed package and the floor fixture installed as community
// packages), load from a second process with autocannon on loopback. Every round runs every
// workflow once, in a balanced order (roundOrder), so drift within the instance hits all of them alike.
//
// Throughput counts executions, not answers: a run ends when autocannon stops and every answered
// request's execution has finished (polled through n8n's executions list), and the rate is
// answered requests / (load time + that drain). Each run also records the CPU time n8n's process
// group (main process and task runner) spent: requests per CPU-second does not move with other
// load on a shared machine the way requests per second do.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { credentialBody, READ_ONLY_KEY } from '../e2e/harness/digistore24.mjs';
import { installPackage } from '../e2e/harness/install-package.mjs';
import { startN8n } from '../e2e/harness/n8n.mjs';
import { n8nEnv } from '../e2e/harness/n8n-env.mjs';
import { n8nRuntime, repoRoot } from '../e2e/harness/runtime.mjs';
import { sleep } from '../e2e/harness/util.mjs';
import { benchWorkflows } from './workflows.mjs';

const run = promisify(execFile);
const AUTOCANNON = path.join(repoRoot, 'node_modules/autocannon/autocannon.js');
const FORM = 'application/x-www-form-urlencoded';

/** Settings every bench instance gets on top of the e2e harness's (test/e2e/harness/n8n-env.mjs). */
export function benchEnv(engine) {
	return {
		// The Code node variant needs `require('crypto')`, as users enable it for this check.
		NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
		...(engine === 'default' ? {} : { N8N_EXPRESSION_ENGINE: engine }),
	};
}

/** The settings as stated in RESULTS.md: the harness's fixed ones plus the bench's. */
export function statedSettings(engine) {
	const fixed = n8nEnv({ userFolder: '<temp>', port: '<free>', brokerPort: '<free>' });
	return { ...fixed, ...benchEnv(engine) };
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;

/** /proc/<pid>/stat fields after the command name: [state, ppid, pgrp, …, utime, stime, cutime, cstime, …]. */
function procStat(pid) {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	} catch {
		return undefined; // gone
	}
}

const pids = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name));

/** n8n's process group: the harness starts n8n as a group leader; found by the user folder in its environment. */
function n8nProcessGroup(userFolder) {
	for (const pid of pids()) {
		try {
			if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`N8N_USER_FOLDER=${userFolder}\0`) && procStat(pid)?.[2] === pid) return pid;
		} catch {}
	}
	return undefined;
}

/** CPU seconds used so far by every process of the group (and its reaped children). */
function groupCpuSeconds(pgid) {
	let ticks = 0;
	for (const pid of pids()) {
		const stat = procStat(pid);
		if (stat?.[2] === pgid) ticks += Number(stat[11]) + Number(stat[12]) + Number(stat[13]) + Number(stat[14]);
	}
	return ticks / CLOCK_TICKS;
}

async function autocannon(url, body, { connections, seconds, method = 'POST' }) {
	const request = method === 'GET' ? ['-m', 'GET'] : ['-m', method, '-H', `content-type=${FORM}`, '-b', body];
	const args = [AUTOCANNON, '-c', String(connections), '-d', String(seconds), ...request, '-t', '60', '-j', url];
	const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
	return JSON.parse(stdout);
}

/**
 * @param {object} o
 * @param {'default'|'legacy'} o.engine  'default' leaves N8N_EXPRESSION_ENGINE unset (vm in 2.41.1)
 * @param {string} o.tarball             our packed package
 * @param {string} o.floorTarball        the minimal community trigger (test/bench/fixtures)
 * @param {{formBody: string, passphrase: string}} o.form
 * @param {Function} [o.workflows]       the variants to compare (default: workflows.mjs's five)
 */
export async function benchRealN8n({ engine, tarball, floorTarball, form, rounds, seconds, warmupSeconds, connections = 10, log = () => {}, workflows = benchWorkflows }) {
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-'));
	let n8n;
	try {
		installPackage(userFolder, floorTarball);
		n8n = await startN8n({ packageTarball: tarball, userFolder, env: benchEnv(engine) });
		log(`n8n ${n8nRuntime().version} (${engine} engine) ready in ${n8n.startMs} ms`);
		const pgid = n8nProcessGroup(userFolder);
		const cpu = () => (pgid ? groupCpuSeconds(pgid) : NaN);
		const credential = await n8n.api.createCredential(credentialBody('http://127.0.0.1:9', { apiKey: READ_ONLY_KEY, ipnPassphrase: form.passphrase }));
		const postbackCredential = form.postbackToken
			? await n8n.api.createCredential({ name: 'Digistore24 postback token', type: 'digistore24PostbackApi', data: { token: form.postbackToken } })
			: undefined;
		// Attached to the credential floor only, never read (test/bench/fixtures/…/BenchFloorCredentialTrigger.node.js).
		const floorCredential = await n8n.api.createCredential({ name: 'Bench floor credential', type: 'benchFloorApi', data: { token: 'never-read' } });
		const variants = workflows({ credential, passphrase: form.passphrase, postbackCredential, form, floorCredential });
		for (const variant of variants) {
			const created = await n8n.api.createWorkflow({ name: `bench ${variant.key}`, ...variant.workflow });
			variant.id = created.id;
			// A variant with a query string (postbacks) is requested with it, by its own method.
			variant.url = n8n.webhookUrl(variant.path) + (variant.query ?? '');
			await n8n.api.activate(created.id);
			await n8n.waitForWebhook(variant.path, variant.method ?? 'POST');
		}
		await checkBehaviour(variants, form);

		const finished = async (variant) => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: variant.id, status: ['success', 'error', 'crashed'] }));
			for (let attempt = 0; ; attempt++) {
				try {
					return (await n8n.rest.get(`/rest/executions?filter=${filter}&limit=1`)).data.count;
				} catch (error) {
					// n8n closes idle keep-alive sockets while autocannon runs; the next request may hit one.
					if (attempt >= 3) throw error;
				}
			}
		};
		const measure = async (variant, duration) => {
			const before = await finished(variant);
			const cpuBefore = cpu();
			const result = await autocannon(variant.url, form.formBody, { connections, seconds: duration, method: variant.method });
			const answered = result['2xx'];
			const drainStart = Date.now();
			while ((await finished(variant)) - before < answered) {
				if (Date.now() - drainStart > 120_000) throw new Error(`${variant.key}: executions still running 120 s after the load stopped`);
				await sleep(100);
			}
			const drainSeconds = (Date.now() - drainStart) / 1000;
			const cpuSeconds = cpu() - cpuBefore;
			return {
				rps: answered / (result.duration + drainSeconds),
				perCpuSecond: answered / cpuSeconds,
				cpuSeconds,
				answeredRps: answered / result.duration,
				answered,
				failed: result.non2xx + result.errors + result.timeouts,
				p50: result.latency.p50,
				p99: result.latency.p99,
				drainSeconds,
			};
		};

		for (const variant of variants) await measure(variant, warmupSeconds);
		const results = Object.fromEntries(variants.map((v) => [v.key, { label: v.label, runs: [] }]));
		for (let round = 0; round < rounds; round++) {
			for (const variant of roundOrder(variants, round)) {
				// What the previous run left behind (garbage, the task runner, SQLite's write-ahead log) is
				// paid before this run starts, not by it.
				await settle(cpu);
				const m = await measure(variant, seconds);
				results[variant.key].runs.push(m);
				log(`  ${engine} round ${round + 1}/${rounds} ${variant.key.padEnd(8)} ${m.rps.toFixed(1)} req/s, ${m.perCpuSecond.toFixed(1)} req/CPU-s (answered ${m.answeredRps.toFixed(1)}/s, drain ${m.drainSeconds.toFixed(1)} s, p50 ${m.p50} ms, failed ${m.failed})`);
			}
		}
		return { engine, n8nVersion: n8nRuntime().version, nodeVersion: await nodeVersion(), results };
	} finally {
		await n8n?.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/**
 * The order of one round: a Williams design, in which over every n rounds (2n for an odd number of
 * workflows) each workflow runs right after every other one equally often. A plain rotation kept
 * every workflow behind the same one each round: one always ran right after the Code node's
 * workflow and paid for what that left behind (up to 0.3 below its pair in such rounds).
 */
export function roundOrder(variants, round) {
	const n = variants.length;
	// First row 0, 1, n-1, 2, n-2, …; row r adds r to each; odd n: every other block of n reversed.
	const first = Array.from({ length: n }, (_, k) => (k === 0 ? 0 : k % 2 ? (k + 1) / 2 : n - k / 2));
	const order = first.map((i) => variants[(i + round) % n]);
	return n % 2 && Math.floor(round / n) % 2 ? order.reverse() : order;
}

/** Waits (at most 5 s) until n8n's process group used under 10% of a core over 250 ms. */
async function settle(cpu) {
	const deadline = Date.now() + 5000;
	let before = cpu();
	if (!Number.isFinite(before)) return; // n8n's process group not found: nothing to wait for
	while (Date.now() < deadline) {
		await sleep(250);
		const now = cpu();
		if (now - before < 0.025) return;
		before = now;
	}
}

/** Before measuring: every workflow answers the valid notification, and the verifying ones refuse a forged one. */
async function checkBehaviour(variants, form) {
	const forged = form.formBody.replace(/amount=[\d.]+/, 'amount=0.01');
	const post = async (url, body) => {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': FORM }, body });
		return `${res.status} ${(await res.text()).slice(0, 40)}`.trim();
	};
	const get = async (url) => {
		const res = await fetch(url);
		return `${res.status} ${(await res.text()).slice(0, 40)}`.trim();
	};
	// GET variants (postbacks): the real postback, and the same with another token.
	const gets = { postback: ['200 OK', '403 Forbidden'], floorGet: ['200 OK', '200 OK'], floorCredGet: ['200 OK', '200 OK'] };
	for (const variant of variants.filter((v) => v.method === 'GET')) {
		const got = [await get(variant.url), await get(variant.url.replace(form.postbackToken, 'not-the-token-0123456789'))];
		if (JSON.stringify(got) !== JSON.stringify(gets[variant.key])) throw new Error(`${variant.key}: expected ${gets[variant.key].join(', ')}; got ${got.join(', ')}`);
	}
	const expected = {
		trigger: ['200 OK', '403 Forbidden'],
		floor: ['200 OK', '200 OK'],
		floorCred: ['200 OK', '200 OK'],
		webhook: ['200 OK', '200 OK'],
		verify: ['200', /^500/],
		code: ['200', /^500/],
	};
	for (const variant of variants) {
		if (!expected[variant.key] || variant.method === 'GET') continue;
		const got = [await post(variant.url, form.formBody), await post(variant.url, forged)];
		const [valid, invalid] = expected[variant.key];
		if (got[0] !== valid || !(invalid instanceof RegExp ? invalid.test(got[1]) : got[1] === invalid)) {
			throw new Error(`${variant.key}: expected valid → ${valid}, forged → ${invalid}; got ${got.join(', ')}`);
		}
	}
}

async function nodeVersion() {
	const { stdout } = await run(n8nRuntime().node, ['--version']);
	return stdout.trim();
}
