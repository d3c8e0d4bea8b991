import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorEnvelope, successEnvelope } from './envelope';
import { ApiError, apiErrors } from './errors';
import { DEFAULT_SLOW_MS, takeFault, type Fault } from './faults';
import { findFunction } from './functions';
import type { ApiFunction } from './functions/types';
import { parseForm, type FormObject } from './form';
import { readBody, send, sendJson } from './http';
import { lookupKey, type ApiKeyInfo } from './keys';
import type { CallLogEntry, EmulatorState } from './state';

/**
 * `/api/call/...`: finds the function and key from the path and header, reads the parameters
 * (query string, then form body), runs the function and answers Digistore24's envelope.
 * Checks run in Digistore24's order: key, function, permission, required parameters.
 */
interface Route {
	fn: string;
	route: CallLogEntry['route'];
	pathKey?: string;
	format: string;
}

/** `<fn>`, `<fn>/format/<f>` or legacy `<KEY>/json/<fn>` (segments after /api/call/). */
export function parseApiPath(segments: string[]): Route | undefined {
	if (segments.length === 1) return { fn: segments[0], route: 'header', format: 'json' };
	if (segments.length === 3 && segments[1] === 'format') return { fn: segments[0], route: 'header', format: segments[2] };
	if (segments.length === 3) return { fn: segments[2], route: 'legacy', pathKey: segments[0], format: segments[1] };
	return undefined;
}

export async function handleApiCall(state: EmulatorState, req: IncomingMessage, res: ServerResponse, route: Route, query: string): Promise<void> {
	const params = parseForm(await readBody(req), parseForm(query));
	const rawKey = route.pathKey ?? headerValue(req.headers['x-ds-api-key']);
	const key = rawKey ? lookupKey(rawKey) : undefined;
	const entry: Omit<CallLogEntry, 'seq' | 'at' | 'result'> = {
		method: req.method ?? 'GET',
		route: route.route,
		function: route.fn,
		params: rawKey ? scrub(params, rawKey) : params,
		permission: key?.permission ?? null,
		key_id: key?.id ?? null,
	};

	const fault = takeFault(state.faults, route.fn);
	if (fault && fault.type !== 'slow' && fault.type !== 'lost') {
		state.logCall({ ...entry, result: 'fault', fault: fault.type });
		answerFault(res, fault, state);
		return;
	}
	if (fault?.type === 'slow') await sleep(fault.delayMs ?? DEFAULT_SLOW_MS);
	else if (fault?.delayMs) await sleep(fault.delayMs);

	const now = state.now();
	try {
		const fn = authorize(route, rawKey, key);
		const named = withPositional(params, fn);
		checkRequired(route.fn, fn, named);
		const data = await fn.handler({ fn: route.fn, params: named, key: key!, state, now });
		state.logCall({ ...entry, result: 'success', ...(fault ? { fault: fault.type } : {}) });
		if (fault?.type === 'lost') return void res.socket?.destroy();
		sendJson(res, 200, successEnvelope(now, data));
	} catch (caught) {
		const error = caught instanceof ApiError ? caught : apiErrors.internal((caught as Error).message);
		state.logCall({ ...entry, result: 'error', code: error.code, ...(fault ? { fault: fault.type } : {}) });
		if (fault?.type === 'lost') return void res.socket?.destroy();
		sendJson(res, 200, errorEnvelope(now, error));
	}
}

function authorize(route: Route, rawKey: string | undefined, key: ApiKeyInfo | undefined): ApiFunction {
	if (!rawKey) throw apiErrors.apiKeyMissing();
	if (!key) throw apiErrors.apiKeyInvalid();
	if (route.format !== 'json') throw apiErrors.unsupportedFormat(route.format);
	const fn = findFunction(route.fn);
	if (!fn) throw apiErrors.unknownFunction(route.fn);
	if (fn.writes && key.permission !== 'writable') throw apiErrors.permissionDenied(route.fn);
	return fn;
}

/** Maps `arg1`, `arg2`, … onto the function's parameters, as the official PHP connector sends them. */
function withPositional(params: FormObject, fn: ApiFunction): FormObject {
	const named = { ...params };
	fn.params?.forEach((name, index) => {
		const positional = params[`arg${index + 1}`];
		if (named[name] === undefined && positional !== undefined) named[name] = positional;
	});
	return named;
}

function checkRequired(fnName: string, fn: ApiFunction, params: FormObject): void {
	const missing = fn.required?.find((name) => {
		const value = params[name];
		return value === undefined || (typeof value === 'string' && value.trim() === '');
	});
	if (missing) throw apiErrors.missingParameter(fnName, missing);
}

function answerFault(res: ServerResponse, fault: Fault, state: EmulatorState): void {
	switch (fault.type) {
		case 'drop':
			res.socket?.destroy();
			return;
		case 'malformed':
			send(res, 200, '{"api_version":"1.2","result":"succ', 'application/json; charset=utf-8');
			return;
		case 'error-envelope':
			sendJson(res, 200, errorEnvelope(state.now(), apiErrors.injected()));
			return;
		case 'redirect':
			send(res, 307, '', 'text/plain; charset=utf-8', { Location: fault.location! });
			return;
		default: {
			const status = Number(fault.type);
			const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
			// Like a proxy or load balancer in front of the API: plain text, no envelope.
			send(res, status, `${status} ${STATUS_TEXT[status]}`, 'text/plain; charset=utf-8', headers);
		}
	}
}

const STATUS_TEXT: Record<number, string> = { 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function headerValue(value: string | string[] | undefined): string | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	return text?.trim() || undefined;
}

/** The log never holds the key, even when a client put it into a parameter. */
function scrub(params: FormObject, key: string): FormObject {
	const out: FormObject = {};
	for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' ? (value === key ? '[api key]' : value) : scrub(value, key);
	return out;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
