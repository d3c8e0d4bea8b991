// Talking to the Digistore24 emulator's test routes and building our workflows for the real n8n.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { n8nRuntime } from './runtime.mjs';
import { waitFor } from './util.mjs';

export const FULL_ACCESS_KEY = '1234-lSh9pg14E9ML9DXBEp5ytDmeM3ExJBst1yzuCVJo';
export const READ_ONLY_KEY = '5678-XSwT2iMcjZS0lVskYjOFkgcScEvMH0lm5PdYnqOL';
export const TRIGGER_TYPE = 'n8n-nodes-digistore24.digistore24Trigger';
export const ACTION_TYPE = 'n8n-nodes-digistore24.digistore24';
export const POSTBACK_TYPE = 'n8n-nodes-digistore24.digistore24PostbackTrigger';

/**
 * The query string the postback trigger's panel shows for `role` ('affiliate' or 'vendor'), read
 * from n8n's node types as the editor reads it. The notice is HTML (n8n renders it so), so its
 * ampersands are written &amp;; a user copies the rendered text, which has plain '&'.
 */
export async function shownPostbackQuery(n8n, role) {
	const type = (await n8n.rest.nodeTypes()).find((t) => t.name === POSTBACK_TYPE);
	const notice = type.properties.find((p) => p.name === `${role}Url`).displayName;
	const query = notice.match(/\?token=YOUR_TOKEN\S+$/)?.[0].replace(/&amp;/g, '&');
	if (!query) throw new Error(`the ${role} notice shows no query string: ${notice}`);
	return query;
}

export function emulatorControl(url) {
	const call = async (method, route, body) => {
		const res = await fetch(`${url}/__emulator/${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = await res.json();
		if (res.status >= 500) throw new Error(`emulator ${route}: ${JSON.stringify(json)}`);
		return json;
	};
	return {
		state: () => call('GET', 'state'),
		reset: () => call('POST', 'reset'),
		/** Digistore24 delivers an IPN over a registered connection: {status, body, params}. */
		deliver: (domain_id, event, extra = {}) => call('POST', 'deliver', { domain_id, event, ...extra }),
		/** A signed IPN of `event` to any URL (manual-setup connections, forgeries). */
		send: (targetUrl, event, passphrase, extra = {}) => call('POST', 'send', { url: targetUrl, event, passphrase, ...extra }),
		fault: (fault) => call('POST', 'faults', fault),
		/** Digistore24 sends an earlier delivery again, byte for byte (a retry or a support resend). */
		resend: (seq) => call('POST', 'resend', { seq }),
		/** Repeated events for one thing, each a new delivery: `eticket` (create, use, update) or `rebilling` (cancel, resume, cancel). */
		story: (domain_id, story) => call('POST', 'story', { domain_id, story }),
		/** A sale every `every_ms`, notified to every connection that exists at that moment; failed deliveries retried every `retry_ms` and more. */
		startSales: (every_ms, retry_ms) => call('POST', 'sales', { every_ms, retry_ms }),
		stopSales: () => call('DELETE', 'sales'),
		sales: () => call('GET', 'sales'),
		/** Signed form bodies: `count` distinct samples of `event`, or exactly `params` signed. */
		samples: async (request) => (await call('POST', 'samples', { count: 1, ...request })).bodies,
	};
}

export function credentialBody(emulatorUrl, { apiKey = FULL_ACCESS_KEY, ipnPassphrase } = {}) {
	return {
		name: `Digistore24 ${apiKey.slice(0, 4)} ${randomUUID().slice(0, 6)}`,
		type: 'digistore24Api',
		data: { apiKey, baseUrl: emulatorUrl, ...(ipnPassphrase ? { ipnPassphrase } : {}) },
	};
}

/** A workflow with only the Digistore24 Trigger; its production URL is `<webhookId>/ipn`. */
export function triggerWorkflow(credential, parameters) {
	const webhookId = randomUUID();
	return {
		webhookId,
		workflow: {
			name: `Digistore24 trigger ${webhookId.slice(0, 8)}`,
			nodes: [
				{
					id: randomUUID(),
					name: 'Digistore24 Trigger',
					type: TRIGGER_TYPE,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters,
					credentials: { digistore24Api: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
		},
	};
}

/** The id of the emulator's first purchase, asked over its API like any client would. */
export async function firstPurchaseId(emulatorUrl) {
	const listed = await fetch(`${emulatorUrl}/api/call/listPurchases`, {
		method: 'POST',
		headers: { 'X-DS-API-KEY': FULL_ACCESS_KEY, 'content-type': 'application/x-www-form-urlencoded' },
		body: 'from=start&page_size=1',
	}).then((r) => r.json());
	return listed.data.purchase_list[0].id;
}

/** The Digistore24 node answering an after-success trigger's notification with OK. */
export function answerNotificationNode(credential, { name = 'Answer Digistore24', position = [400, 0] } = {}) {
	return {
		id: randomUUID(),
		name,
		type: ACTION_TYPE,
		typeVersion: 1,
		position,
		parameters: { resource: 'notification', operation: 'answer' },
		credentials: { digistore24Api: { id: credential.id, name: credential.name } },
	};
}

/** n8n's Webhook node → Digistore24 action node; the webhook answers with the action's output. */
export function actionWorkflow(credential, path, actionParameters) {
	return {
		name: `Digistore24 action ${path}`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Digistore24',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: actionParameters,
				credentials: { digistore24Api: { id: credential.id, name: credential.name } },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Digistore24', type: 'main', index: 0 }]] } },
	};
}

/** Every execution of a workflow, following the public API's cursor (250 a page). */
export async function allExecutions(n8n, workflowId) {
	const out = [];
	let cursor = '';
	do {
		const page = await n8n.api.call('GET', `/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`);
		out.push(...page.data);
		cursor = page.nextCursor ?? '';
	} while (cursor);
	return out;
}

/** POSTs form bodies to `url` with `concurrency` requests in flight; returns [{status, body}] in order. */
export async function postAll(url, bodies, concurrency = 10) {
	const answers = new Array(bodies.length);
	let next = 0;
	const worker = async () => {
		while (next < bodies.length) {
			const i = next++;
			try {
				const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: bodies[i] });
				answers[i] = { status: res.status, body: await res.text() };
			} catch (error) {
				answers[i] = { status: 0, body: String(error) };
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return answers;
}

/**
 * Executions of a workflow by status, counted in n8n's SQLite database (the public API's list
 * leaves out executions still queued or running, so it cannot tell "slow" from "lost").
 */
export function executionCounts(n8n, workflowId) {
	const script = `const s=require('sqlite3');const d=new s.Database(process.argv[1],s.OPEN_READONLY);d.all("select status, count(*) as n from execution_entity where workflowId=? and deletedAt is null group by status",[process.argv[2]],(e,r)=>{if(e){console.error(e.message);process.exit(1)}console.log(JSON.stringify(Object.fromEntries(r.map(x=>[x.status,x.n]))));d.close()})`;
	return readN8nDatabase(n8n, script, workflowId);
}

/**
 * Runs `script` with n8n's own Node and sqlite3 on its database (argv[1]) for a workflow
 * (argv[2]), `input` on stdin; the script prints JSON, returned parsed.
 */
function readN8nDatabase(n8n, script, workflowId, input = '') {
	const rt = n8nRuntime();
	const db = path.join(n8n.userFolder, '.n8n/database.sqlite');
	const out = execFileSync(rt.node, ['-e', script, db, workflowId], {
		cwd: rt.homeDir,
		input,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, NODE_PATH: path.join(rt.homeDir, 'node_modules') },
	});
	return JSON.parse(out);
}

/**
 * Which of `tokens` (strings such as transaction ids) occur in the stored data of the workflow's
 * executions, read from n8n's SQLite database: proof that a notification is held by a stored run.
 */
export function tokensInStoredExecutions(n8n, workflowId, tokens) {
	const script = `const s=require('sqlite3');const want=new Set(JSON.parse(require('fs').readFileSync(0,'utf8')));const found=new Set();const d=new s.Database(process.argv[1],s.OPEN_READONLY);d.each("select d.data from execution_entity e join execution_data d on d.executionId=e.id where e.workflowId=? and e.deletedAt is null",[process.argv[2]],(e,r)=>{if(e)throw e;for(const m of r.data.matchAll(/[A-Za-z0-9_-]+/g))if(want.has(m[0]))found.add(m[0])},(e)=>{if(e){console.error(e.message);process.exit(1)}console.log(JSON.stringify([...found]));d.close()})`;
	return new Set(readN8nDatabase(n8n, script, workflowId, JSON.stringify(tokens)));
}

/** Waits until no execution of the workflow is queued or running and the count has not moved for `quietMs`; the counts by status. */
export async function waitForSettledExecutions(n8n, workflowId, { quietMs = 15_000, timeoutMs = 1_800_000, intervalMs = 5000 } = {}) {
	let last = '';
	let since = Date.now();
	return await waitFor(
		async () => {
			const c = executionCounts(n8n, workflowId);
			const key = JSON.stringify(c);
			if (key !== last) [last, since] = [key, Date.now()];
			return !c.new && !c.running && Date.now() - since >= quietMs && c;
		},
		{ timeoutMs, intervalMs, message: 'executions settled' },
	);
}

/** Waits until `count` executions of the workflow are recorded and none is queued or running; their counts by status. */
export async function waitForFinishedExecutions(n8n, workflowId, count, { timeoutMs = 900_000, intervalMs = 3000 } = {}) {
	return await waitFor(
		async () => {
			const c = executionCounts(n8n, workflowId);
			return !c.new && !c.running && Object.values(c).reduce((a, b) => a + b, 0) >= count && c;
		},
		{ timeoutMs, intervalMs, message: `${count} finished executions` },
	);
}
