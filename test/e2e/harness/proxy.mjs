// A small forwarding HTTP proxy (absolute-form requests, as HTTP_PROXY clients send them) that
// records what passes and can be switched to refuse everything, like a corporate proxy that
// does not allow the destination. A connection lost upstream is lost downstream too.
import http from 'node:http';

export async function startForwardProxy() {
	const seen = [];
	let refusing = false;
	const server = http.createServer((req, res) => {
		seen.push({ method: req.method, url: req.url, refused: refusing, apiKeyHeader: 'x-ds-api-key' in req.headers });
		if (refusing) {
			res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden by proxy policy');
			return;
		}
		let target;
		try {
			target = new URL(req.url);
		} catch {
			res.writeHead(400, { 'content-type': 'text/plain' }).end('absolute URL expected');
			return;
		}
		const upstream = http.request(
			{ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: { ...req.headers, host: target.host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => req.socket.destroy());
		req.pipe(upstream);
	});
	// https through CONNECT is not needed here (the emulator is plain http on loopback).
	server.on('connect', (_req, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n'));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		seen,
		refuse: (on = true) => {
			refusing = on;
		},
		stop: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

/** A server that records every request it gets (a redirect target that must never see the key). */
export async function startRecorder() {
	const seen = [];
	const server = http.createServer((req, res) => {
		seen.push({ method: req.method, url: req.url, apiKey: req.headers['x-ds-api-key'] });
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"success","data":{}}');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		seen,
		stop: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}
