import type { IncomingMessage, ServerResponse } from 'node:http';
import { findEvent } from '../../nodes/Digistore24/ipn/events';
import { activityOf, startActivity, stopActivity, type ActivityPlan } from './activity';
import { coversProduct, registersEvent, type IpnConnection } from './connections';
import { list } from './functions/params';
import { parseFault } from './faults';
import { readBody, sendJson } from './http';
import { buildSampleIpn } from './ipn-sample';
import { attemptDelivery, runRetries } from './ipn-delivery';
import { signedBody } from './ipn-sender';
import { handlePostbackControl } from './postback-control';
import { connectionParams, sendOver } from './deliveries';
import { SalesGenerator } from './sales';
import type { EmulatorState } from './state';

/**
 * Test-only routes under /__emulator/ (not Digistore24's): read the state, reset it, queue faults,
 * and make "Digistore24" deliver a signed IPN over a registered connection.
 */
export async function handleControl(state: EmulatorState, req: IncomingMessage, res: ServerResponse, action: string, rest: string[] = []): Promise<void> {
	const route = `${req.method} ${action}`;
	try {
		switch (route) {
			case 'GET state':
				return sendJson(res, 200, state.snapshot());
			case 'POST reset':
				stopActivity(state);
				state.reset();
				return sendJson(res, 200, { ok: true });
			case 'POST faults': {
				const fault = parseFault(await readJson(req));
				state.faults.push(fault);
				return sendJson(res, 200, { ok: true, faults: state.faults });
			}
			case 'POST activity': {
				// A moving account: sales, rebills, refunds, chargebacks, cancellations over time (see activity.ts).
				const run = startActivity(state, (await readJson(req)) as ActivityPlan);
				return sendJson(res, 200, { ok: true, planned: run.planned });
			}
			case 'GET activity':
				return sendJson(res, 200, { runs: activityOf(state).map(({ planned, done, records }) => ({ planned, done, records })) });
			case 'DELETE faults':
				state.faults.length = 0;
				return sendJson(res, 200, { ok: true, faults: [] });
			case 'POST send': {
				// Like the CLI's `send`: a signed sample of any event (or exactly `params`) to any URL.
				// Retried like a delivery when not answered OK; `timing` as the manual connection has it.
				const { url, passphrase, timing, ...request } = (await readJson(req)) as SampleRequest & { url?: string; timing?: string };
				const params = sampleFor(state, request);
				const body = signedBody(params, String(passphrase ?? ''));
				const result = await attemptDelivery(state, { url: String(url), body, params, event: params.event ?? '', timing: timing ?? 'before_thankyou' });
				if (!result.answer) throw new Error(`Could not deliver to ${url}: ${result.error}`);
				return sendJson(res, 200, { ...result.answer, params, duration_ms: result.duration_ms });
			}
			case 'GET orders': {
				// What the answers carried for an order, and what the buyer sees of it where.
				const answer = state.orderAnswers.get(rest[0] ?? '');
				if (!answer) return sendJson(res, 404, { error: `No answer with access data for order "${rest[0] ?? ''}"` });
				return sendJson(res, 200, answer);
			}
			case 'POST retries': {
				// Digistore24's retries of what was not answered OK, made now instead of minutes later.
				const results = await runRetries(state);
				return sendJson(res, 200, { attempted: results.length, ok: results.filter((r) => r.ok).length, pending: state.retries.length });
			}
			case 'POST samples': {
				// Signed bodies for load tests: `count` distinct notifications (distinct order and transaction).
				const { passphrase, count, ...request } = (await readJson(req)) as SampleRequest & { count?: number };
				const bodies = Array.from({ length: Math.min(Number(count ?? 1), 20_000) }, (_, i) =>
					signedBody(sampleFor(state, { ...request, seq: i + 1 }), String(passphrase ?? '')),
				);
				return sendJson(res, 200, { bodies });
			}
			case 'POST deliver': {
				const { status, answer } = await deliver(state, (await readJson(req)) as DeliverRequest);
				return sendJson(res, status, answer);
			}
			case 'POST resend': {
				const { status, answer } = await resend(state, (await readJson(req)) as { seq?: unknown });
				return sendJson(res, status, answer);
			}
			case 'POST sales': {
				const { every_ms, retry_ms } = (await readJson(req)) as { every_ms?: unknown; retry_ms?: unknown };
				state.sales?.dispose();
				state.sales = new SalesGenerator(state, { everyMs: Number(every_ms ?? 100), retryMs: retry_ms === undefined ? undefined : Number(retry_ms) });
				state.sales.start();
				return sendJson(res, 200, state.sales.report());
			}
			case 'GET sales':
				return sendJson(res, 200, state.sales?.report() ?? { error: 'no sales generator started' });
			case 'DELETE sales':
				state.sales?.stop();
				return sendJson(res, 200, state.sales?.report() ?? {});
			case 'POST story': {
				const { status, answer } = await story(state, (await readJson(req)) as StoryRequest);
				return sendJson(res, status, answer);
			}
			default:
				if (action.startsWith('postback')) return await handlePostbackControl(state, route, await readJson(req), res);
				return sendJson(res, 404, { error: `No emulator control route ${route}; see test/emulator/README.md` });
		}
	} catch (error) {
		sendJson(res, 400, { error: (error as Error).message });
	}
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	const raw = await readBody(req);
	if (raw.trim() === '') return {};
	try {
		return JSON.parse(raw);
	} catch {
		throw new Error('The body must be JSON');
	}
}

interface SampleRequest {
	event?: string;
	passphrase?: string;
	productId?: string;
	overrides?: Record<string, string>;
	/** Exactly these parameters instead of a sample. */
	params?: Record<string, string>;
	seq?: number;
}

function sampleFor(state: EmulatorState, request: SampleRequest): Record<string, string> {
	if (request.params) return Object.fromEntries(Object.entries(request.params).map(([k, v]) => [k, String(v)]));
	const event = String(request.event ?? '');
	if (!findEvent(event)) throw new Error(`Unknown event "${event}"`);
	const seq = request.seq;
	const unique: Record<string, string> = seq === undefined ? {} : { order_id: `LOAD${String(seq).padStart(6, '0')}`, transaction_id: String(9_000_000 + seq) };
	return buildSampleIpn(event, { productId: request.productId, seq, now: state.now(), overrides: { ...unique, ...(request.overrides ?? {}) } });
}

interface DeliverRequest {
	domain_id?: unknown;
	event?: unknown;
	overrides?: Record<string, unknown>;
	force?: unknown;
	/** Only needed when two keys registered the same domain_id. */
	key_id?: unknown;
}

async function deliver(state: EmulatorState, request: DeliverRequest): Promise<{ status: number; answer: unknown }> {
	const domainId = String(request.domain_id ?? '');
	const connection = state.connections.findByDomain(domainId, request.key_id === undefined ? undefined : String(request.key_id));
	if (!connection) return { status: 404, answer: { error: `No IPN connection with domain_id "${domainId}": register one with ipnSetup first` } };
	const eventName = String(request.event ?? '');
	const event = findEvent(eventName);
	if (!event) return { status: 400, answer: { error: `Unknown event "${eventName}"` } };
	const overrides = Object.fromEntries(Object.entries(request.overrides ?? {}).map(([k, v]) => [k, String(v)]));
	const productId = overrides.product_id ?? firstProduct(connection);
	if (request.force !== true) {
		if (!registersEvent(connection, event)) {
			return refuse(`the connection did not register ${eventName} (categories=${connection.categories}, transactions=${connection.transactions})`);
		}
		if (productId !== undefined && !coversProduct(connection, productId)) return refuse(`the connection does not cover product ${productId} (product_ids=${connection.product_ids})`);
	}

	const seq = state.ipnLog.filter((entry) => entry.type === 'delivery').length + 1;
	const params = buildSampleIpn(eventName, { productId, seq, now: state.now(), overrides: { ...connectionParams(connection, eventName), ...overrides } });
	return await sendOver(state, connection, params);
}

/**
 * Digistore24 sends a notification again: a retry after a missing OK, or a resend by its support.
 * Both repeat the delivery byte for byte (same parameters, same sha_sign) over the connection it
 * went through, as that connection is now (URL, existence).
 */
async function resend(state: EmulatorState, request: { seq?: unknown }): Promise<{ status: number; answer: unknown }> {
	const original = state.ipnLog.find((entry) => entry.seq === Number(request.seq) && entry.type === 'delivery');
	if (!original?.sent) return { status: 404, answer: { error: `No delivery with seq ${String(request.seq)} in the IPN log` } };
	const connection = original.key_id === undefined ? state.connections.findByDomain(original.domain_id ?? '') : state.connections.get(original.key_id, original.domain_id ?? '');
	if (!connection) return { status: 404, answer: { error: `The connection ${original.domain_id} no longer exists: Digistore24 has nowhere to send it` } };
	return await sendOver(state, connection, Object.fromEntries(new URLSearchParams(original.sent)), original.sent);
}

interface StoryRequest {
	domain_id?: unknown;
	/** `eticket`: one ticket created, used, updated. `rebilling`: one order's rebilling cancelled, resumed, cancelled again. */
	story?: unknown;
}

/**
 * Notifications Digistore24 sends more than once for one thing, each a new delivery: an e-ticket's
 * actions (same eticket_id, a new `action`), and status events that repeat for one order. A minute
 * passes between steps, so dates and times move as they would.
 */
async function story(state: EmulatorState, request: StoryRequest): Promise<{ status: number; answer: unknown }> {
	const connection = state.connections.findByDomain(String(request.domain_id ?? ''));
	if (!connection) return { status: 404, answer: { error: `No IPN connection with domain_id "${String(request.domain_id ?? '')}"` } };
	const steps = STORIES[String(request.story ?? '')];
	if (!steps) return { status: 400, answer: { error: `Unknown story "${String(request.story ?? '')}"; known: ${Object.keys(STORIES).join(', ')}` } };
	const seq = state.ipnLog.filter((entry) => entry.type === 'delivery').length + 1;
	const start = state.now().getTime();
	const first = buildSampleIpn(steps[0].event, { seq, now: new Date(start), overrides: connectionParams(connection, steps[0].event) });
	const answers = [];
	for (const [index, step] of steps.entries()) {
		const now = new Date(start + index * 60_000);
		const params = buildSampleIpn(step.event, { seq, now, overrides: { ...connectionParams(connection, step.event), ...step.same(first), ...step.changes(now) } });
		answers.push((await sendOver(state, connection, params)).answer);
	}
	return { status: 200, answer: { deliveries: answers } };
}

type StoryStep = { event: string; same: (first: Record<string, string>) => Record<string, string>; changes: (now: Date) => Record<string, string> };
const sameTicket = (first: Record<string, string>) => pick(first, ['order_id', 'eticket_id', 'eticket_no', 'eticket_code', 'eticket_url', 'eticket_created_at', 'email']);
const sameOrder = (first: Record<string, string>) => pick(first, ['order_id', 'buyer_id', 'email', 'product_id']);
const STORIES: Record<string, StoryStep[]> = {
	eticket: [
		{ event: 'eticket', same: sameTicket, changes: () => ({ action: 'create' }) },
		{ event: 'eticket', same: sameTicket, changes: (now) => ({ action: 'use', eticket_used_at: stamp(now) }) },
		{ event: 'eticket', same: sameTicket, changes: (now) => ({ action: 'update', eticket_modified_at: stamp(now), eticket_hint: '18:00' }) },
	],
	rebilling: [
		{ event: 'on_rebill_cancelled', same: sameOrder, changes: (now) => ({ rebill_stop_noted_at: stamp(now) }) },
		{ event: 'on_rebill_resumed', same: sameOrder, changes: () => ({ rebill_stop_noted_at: '' }) },
		{ event: 'on_rebill_cancelled', same: sameOrder, changes: (now) => ({ rebill_stop_noted_at: stamp(now) }) },
	],
};

function pick(params: Record<string, string>, keys: string[]): Record<string, string> {
	return Object.fromEntries(keys.filter((key) => params[key] !== undefined).map((key) => [key, params[key]]));
}

const stamp = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

function refuse(reason: string) {
	return { status: 409, answer: { error: `Not delivered: ${reason}. Pass "force": true to send it anyway.` } };
}

function firstProduct(connection: IpnConnection): string | undefined {
	const ids = list(connection.product_ids).filter((id) => id !== 'all');
	return ids[0];
}
