import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from './envelope';
import { FULL_ACCESS_KEY } from './keys';
import type { Emulator } from './server';

/** Test helpers: call the emulator over real HTTP, and a tiny IPN receiver to point it at. */
export const FIXED_NOW = new Date('2026-03-15T12:00:00Z');

export interface CallOptions {
	/** null sends no key at all. */
	key?: string | null;
	method?: 'GET' | 'POST';
	/** Override the path after the base URL (for the legacy and /format/json forms). */
	path?: string;
}

export async function call(
	emulator: Emulator,
	fn: string,
	params: Record<string, string> = {},
	options: CallOptions = {},
): Promise<{ status: number; body: Envelope }> {
	const key = options.key === undefined ? FULL_ACCESS_KEY : options.key;
	const form = new URLSearchParams(params).toString();
	const method = options.method ?? 'POST';
	const path = options.path ?? `/api/call/${fn}`;
	const response = await fetch(`${emulator.url}${path}${method === 'GET' && form ? `?${form}` : ''}`, {
		method,
		headers: { ...(key ? { 'X-DS-API-KEY': key } : {}), 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
		body: method === 'POST' ? form : undefined,
	});
	return { status: response.status, body: (await response.json()) as Envelope };
}

/** `data` of a call that must succeed. */
export async function data<T = Record<string, unknown>>(emulator: Emulator, fn: string, params: Record<string, string> = {}, options: CallOptions = {}): Promise<T> {
	const { body } = await call(emulator, fn, params, options);
	if (body.result !== 'success') throw new Error(`${fn} failed: ${body.message} (code ${body.code})`);
	return body.data as T;
}

export async function control(emulator: Emulator, action: string, body?: unknown, method = 'POST'): Promise<{ status: number; body: any }> {
	const response = await fetch(`${emulator.url}/__emulator/${action}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

export interface ReceivedRequest {
	method: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** The status this receiver answered with. */
	status: number;
}

export interface Receiver {
	url: string;
	requests: ReceivedRequest[];
	/** What GET answers (the ipnSetup probe): status and optional Location. */
	getStatus: number;
	/** What POST answers: 200 with "OK", anything else with "Error". */
	postStatus: number;
	stop(): Promise<void>;
}

/** An IPN endpoint: GET → `getStatus`, POST → `postStatus` (200 "OK"), remembering every request. */
export async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = { url: '', requests: [], getStatus: 200, postStatus: 200, stop: async () => undefined };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const status = req.method === 'GET' ? receiver.getStatus : receiver.postStatus;
			receiver.requests.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
			if (req.method === 'GET') {
				res.writeHead(receiver.getStatus, receiver.getStatus === 302 ? { Location: 'https://example.com/' } : {});
				res.end();
				return;
			}
			res.writeHead(receiver.postStatus, { 'Content-Type': 'text/plain' });
			res.end(receiver.postStatus === 200 ? 'OK' : 'Error');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/ds24`;
	receiver.stop = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return receiver;
}
