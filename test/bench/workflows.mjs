// The workflows row 2 of the benchmark compares, all in one n8n. Every one really does its job:
// the Digistore24 variants verify the signature, the Code node variant verifies it too, the floor
// and the plain Webhook node only answer.
import { randomUUID } from 'node:crypto';
import { ACTION_TYPE, TRIGGER_TYPE } from '../e2e/harness/digistore24.mjs';

export const POSTBACK_TYPE = 'n8n-nodes-digistore24.digistore24PostbackTrigger';

export const FLOOR_TYPE = 'n8n-nodes-bench-floor.benchFloorTrigger';
/** The same floor with a credential attached that it never reads (see its file for why). */
export const FLOOR_CREDENTIAL_TYPE = 'n8n-nodes-bench-floor.benchFloorCredentialTrigger';
const WEBHOOK = { type: 'n8n-nodes-base.webhook', typeVersion: 2.1 };

const node = (name, type, typeVersion, position, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [position * 220, 0],
	parameters,
	...extra,
});

const chain = (...nodes) => ({
	nodes,
	connections: Object.fromEntries(nodes.slice(0, -1).map((n, i) => [n.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }])),
});

const noOp = () => node('NoOp', 'n8n-nodes-base.noOp', 1, 1, {});
const credentialRef = (credential) => ({ digistore24Api: { id: credential.id, name: credential.name } });

/** The floor with a credential attached (never read), as a variant under `key`. */
function credentialFloor(key, floorCredential, extra) {
	const id = randomUUID();
	return {
		key,
		label: 'minimal community trigger with a credential attached (never read) → NoOp',
		path: `${id}/ipn`,
		...extra,
		workflow: chain(
			node('Bench Floor Credential Trigger', FLOOR_CREDENTIAL_TYPE, 1, 0, {}, {
				webhookId: id,
				credentials: { benchFloorApi: { id: floorCredential.id, name: floorCredential.name } },
			}),
			noOp(),
		),
	};
}

/** A sha_sign check as users write it in a Code node today (parsed body, passphrase in the code). */
export function codeNodeVerifier(passphrase) {
	return `const crypto = require('crypto');
const PASSPHRASE = ${JSON.stringify(passphrase)};
const out = [];
for (const item of $input.all()) {
  const params = item.json.body || {};
  const keys = Object.keys(params).filter((k) => !['SHA_SIGN', 'SHASIGN'].includes(k.toUpperCase())).sort();
  let text = '';
  for (const k of keys) {
    const v = params[k];
    if (v !== '' && v !== undefined && v !== null) text += k + '=' + v + PASSPHRASE;
  }
  const expected = crypto.createHash('sha512').update(text, 'utf8').digest('hex').toUpperCase();
  if (expected !== String(params.sha_sign || '').toUpperCase()) throw new Error('Invalid sha_sign');
  out.push({ json: params });
}
return out;`;
}

/**
 * Each entry: {key, label, workflow, path}. `path` is the production webhook path.
 * (a)/(b): trigger → NoOp, answered on receipt; the floor also with a credential attached (a figure
 * without a goal: what n8n charges any workflow holding a credential). (c): Webhook (Raw Body on) → verifier, answered
 * when the verifier finished (lastNode, no body), so a failed verification answers 500.
 */
export function benchWorkflows({ credential, passphrase, floorCredential }) {
	const triggerId = randomUUID();
	const floorId = randomUUID();
	const webhookNode = (path, parameters) =>
		node('Webhook', WEBHOOK.type, WEBHOOK.typeVersion, 0, { httpMethod: 'POST', path, ...parameters }, { webhookId: randomUUID() });
	const verifyingWebhook = (path) => webhookNode(path, { responseMode: 'lastNode', responseData: 'noData', options: { rawBody: true } });
	return [
		{
			key: 'trigger',
			label: 'Digistore24 Trigger → NoOp (manual setup, verifies + types)',
			path: `${triggerId}/ipn`,
			workflow: chain(
				node('Digistore24 Trigger', TRIGGER_TYPE, 1, 0, { events: ['on_payment'], setup: 'manual', options: {} }, {
					webhookId: triggerId,
					credentials: credentialRef(credential),
				}),
				noOp(),
			),
		},
		{
			key: 'floor',
			label: 'minimal community trigger → NoOp (answers OK only)',
			path: `${floorId}/ipn`,
			workflow: chain(node('Bench Floor Trigger', FLOOR_TYPE, 1, 0, {}, { webhookId: floorId }), noOp()),
		},
		credentialFloor('floorCred', floorCredential),
		{
			key: 'webhook',
			label: "n8n's Webhook node → NoOp (onReceived, \"OK\", no verification)",
			path: 'bench-webhook',
			workflow: chain(webhookNode('bench-webhook', { responseMode: 'onReceived', options: { responseData: 'OK' } }), noOp()),
		},
		{
			key: 'verify',
			label: 'Webhook (Raw Body) → Digistore24 Verify Notification',
			path: 'bench-verify',
			workflow: chain(
				verifyingWebhook('bench-verify'),
				node('Digistore24', ACTION_TYPE, 1, 1, { resource: 'notification', operation: 'verify', binaryProperty: 'data' }, {
					credentials: credentialRef(credential),
				}),
			),
		},
		{
			key: 'code',
			label: 'Webhook (Raw Body) → Code node checking sha_sign',
			path: 'bench-code',
			workflow: chain(verifyingWebhook('bench-code'), node('Code', 'n8n-nodes-base.code', 2, 1, { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: codeNodeVerifier(passphrase) })),
		},
	];
}

/**
 * Row 6: the postback trigger against the same floor trigger, both requested with GET and the
 * query string of an affiliate sale postback, as Digistore24 sends it; both answered on receipt.
 * The floor with a credential attached runs beside them (a figure without a goal).
 */
export function postbackWorkflows({ postbackCredential, form, floorCredential }) {
	const postbackId = randomUUID();
	const floorId = randomUUID();
	return [
		{
			key: 'postback',
			label: 'Digistore24 Postback Trigger → NoOp (checks the token, types)',
			path: `${postbackId}/postback`,
			method: 'GET',
			query: form.postbackQuery,
			workflow: chain(
				node('Digistore24 Postback Trigger', POSTBACK_TYPE, 1, 0, { events: ['affiliate_sale'] }, {
					webhookId: postbackId,
					credentials: { digistore24PostbackApi: { id: postbackCredential.id, name: postbackCredential.name } },
				}),
				noOp(),
			),
		},
		{
			key: 'floorGet',
			label: 'minimal community trigger → NoOp (GET, answers OK only)',
			path: `${floorId}/ipn`,
			method: 'GET',
			query: form.postbackQuery,
			workflow: chain(node('Bench Floor Trigger', FLOOR_TYPE, 1, 0, {}, { webhookId: floorId }), noOp()),
		},
		credentialFloor('floorCredGet', floorCredential, { method: 'GET', query: form.postbackQuery }),
	];
}
