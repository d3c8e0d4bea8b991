import type { ServerResponse } from 'node:http';
import type { PostbackRole } from '../../nodes/Digistore24/postback/placeholders';
import { sendJson } from './http';
import { connectionCovers, POSTBACK_KINDS, postbackValues, fillPlaceholders, requestPostback, type PostbackConnection, type PostbackKind } from './postback';
import type { EmulatorState } from './state';

/**
 * Test routes for S2S postbacks (not Digistore24's):
 *   POST postbacks        {role, url, product_ids?, transactions?, currency?, method?, name?} → the connection
 *   POST postback         {connection_id, kind, overrides?, product_id?, force?} → Digistore24 sends one
 *   POST postback-test    {connection_id} → the "Test Connection" button
 *   POST postback-burst   {connection_id, kind?, count, concurrency?} → `count` distinct postbacks, answers counted
 */
export async function handlePostbackControl(state: EmulatorState, route: string, body: unknown, res: ServerResponse): Promise<void> {
	const request = (body ?? {}) as Record<string, unknown>;
	switch (route) {
		case 'POST postbacks':
			return sendJson(res, 200, createConnection(state, request));
		case 'POST postback': {
			const connection = find(state, request.connection_id);
			const kind = kindOf(request.kind);
			const productId = request.product_id === undefined ? undefined : String(request.product_id);
			const values = postbackValues({ role: connection.role, kind, productId, currency: connection.currency, now: state.now(), seq: state.postbackLog.length + 1, overrides: stringRecord(request.overrides) });
			if (request.force !== true && !connectionCovers(connection, kind, values.product_id ?? '')) {
				return sendJson(res, 409, { error: `Not sent: connection ${connection.id} is not for ${kind} of product ${values.product_id} (transactions=${connection.transactions}, product_ids=${connection.product_ids}). Pass "force": true to send it anyway.` });
			}
			return sendJson(res, 200, await send(state, connection, kind, values, false));
		}
		case 'POST postback-test': {
			const connection = find(state, request.connection_id);
			const values = postbackValues({ role: connection.role, kind: 'sale', test: true, currency: connection.currency, now: state.now(), seq: state.postbackLog.length + 1 });
			return sendJson(res, 200, await send(state, connection, 'sale', values, true));
		}
		case 'POST postback-burst': {
			const connection = find(state, request.connection_id);
			const kind = kindOf(request.kind ?? 'sale');
			const count = Math.min(Number(request.count ?? 1), 20_000);
			const concurrency = Math.max(1, Math.min(Number(request.concurrency ?? 10), 100));
			const first = state.postbackLog.length + 1;
			const t0 = Date.now();
			const answers: Record<string, number> = {};
			let next = 0;
			const worker = async () => {
				while (next < count) {
					const i = next++;
					const values = postbackValues({ role: connection.role, kind, currency: connection.currency, now: state.now(), seq: first + i, overrides: { transaction_id: String(70_000_000 + first + i) } });
					const answer = await send(state, connection, kind, values, false);
					const key = answer.status === null ? `no answer` : `${answer.status} ${answer.body.slice(0, 20)}`;
					answers[key] = (answers[key] ?? 0) + 1;
				}
			};
			await Promise.all(Array.from({ length: concurrency }, worker));
			return sendJson(res, 200, { count, concurrency, seconds: (Date.now() - t0) / 1000, answers });
		}
		default:
			return sendJson(res, 404, { error: `No emulator control route ${route}; see test/emulator/README.md` });
	}
}

function createConnection(state: EmulatorState, request: Record<string, unknown>): PostbackConnection {
	const role = String(request.role ?? '') as PostbackRole;
	if (role !== 'affiliate' && role !== 'vendor') throw new Error('role must be "affiliate" or "vendor"');
	const url = String(request.url ?? '');
	if (!/^https?:\/\//.test(url)) throw new Error('url must be an http(s) URL');
	const method = String(request.method ?? 'GET').toUpperCase();
	if (method !== 'GET' && method !== 'POST') throw new Error('method must be GET or POST');
	const connection: PostbackConnection = {
		id: String(state.postbacks.length + 1),
		role,
		name: String(request.name ?? `S2S postback ${state.postbacks.length + 1}`),
		url,
		product_ids: String(request.product_ids ?? 'all'),
		transactions: String(request.transactions ?? 'payment,refund,chargeback'),
		currency: String(request.currency ?? ''),
		method,
	};
	state.postbacks.push(connection);
	return connection;
}

function find(state: EmulatorState, id: unknown): PostbackConnection {
	const connection = state.postbacks.find((c) => c.id === String(id ?? ''));
	if (!connection) throw new Error(`No S2S postback connection "${String(id)}": create one with POST /__emulator/postbacks`);
	return connection;
}

function kindOf(value: unknown): PostbackKind {
	const kind = String(value ?? '') as PostbackKind;
	if (!POSTBACK_KINDS.includes(kind)) throw new Error(`kind must be one of ${POSTBACK_KINDS.join(', ')}`);
	return kind;
}

function stringRecord(value: unknown): Record<string, string> {
	if (value === null || typeof value !== 'object') return {};
	return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** Sends and logs; the answer names no URL (it holds the token). */
async function send(state: EmulatorState, connection: PostbackConnection, kind: PostbackKind, values: Record<string, string>, test: boolean) {
	const entry = { connection_id: connection.id, kind, test };
	try {
		const answer = await requestPostback(fillPlaceholders(connection.url, values), connection.method);
		state.postbackLog.push({ ...entry, status: answer.status, ok: answer.status === 200 });
		return { status: answer.status as number | null, body: answer.body, values };
	} catch (error) {
		const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		state.postbackLog.push({ ...entry, status: null, ok: false, detail });
		return { status: null, body: '', detail, values };
	}
}
