import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiCall, parseApiPath } from './api';
import { handleControl } from './control';
import { sendJson } from './http';
import { EmulatorState } from './state';

/**
 * The Digistore24 emulator: the API under /api/call/..., IPN connections that really probe and
 * deliver, and /__emulator/... control routes for tests. Plain node:http, no dependencies.
 */
export interface EmulatorOptions {
	port?: number;
	host?: string;
	/** Refuse http:// and local ipn_urls like the real Digistore24 (off: local n8n is http://127.0.0.1). */
	strictIpnUrls?: boolean;
	/** A fixed instant freezes the clock (and anchors the seeded year); a function is asked each time. */
	now?: Date | (() => Date);
	/** Seed of the generated data. */
	seed?: number;
	/** How many purchases the seeded year has. */
	purchases?: number;
	probeTimeoutMs?: number;
}

export interface Emulator {
	/** `http://host:port`, the base URL to give a client or credential. */
	url: string;
	port: number;
	state: EmulatorState;
	stop(): Promise<void>;
}

export const DEFAULT_SEED = 24;
export const DEFAULT_PURCHASES = 3000;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const state = new EmulatorState({
		strictIpnUrls: options.strictIpnUrls ?? false,
		now: options.now,
		seed: options.seed ?? DEFAULT_SEED,
		purchases: options.purchases ?? DEFAULT_PURCHASES,
		probeTimeoutMs: options.probeTimeoutMs ?? 10_000,
	});
	const server = http.createServer((req, res) => {
		route(state, req, res).catch((error: Error) => {
			if (!res.headersSent) sendJson(res, 500, { error: error.message });
			else res.destroy();
		});
	});
	// Clients (fetch/undici, n8n's axios) keep connections alive for ~4-5 s; a server that closes an idle
	// socket first races them on a busy machine (ECONNRESET on the next request). Outlive the clients.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		state,
		stop: () =>
			new Promise<void>((resolve) => {
				state.sales?.dispose();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

async function route(state: EmulatorState, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://emulator');
	const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
	if (segments[0] === '__emulator' && segments.length >= 2) return handleControl(state, req, res, segments[1], segments.slice(2));
	if (segments[0] === 'api' && segments[1] === 'call' && (req.method === 'GET' || req.method === 'POST')) {
		const apiRoute = parseApiPath(segments.slice(2));
		if (apiRoute) return handleApiCall(state, req, res, apiRoute, url.search.slice(1));
	}
	sendJson(res, 404, { error: `Not found: ${req.method} ${url.pathname}. The API lives under /api/call/<function>.` });
}
