import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small helpers for node:http, so the routes stay about Digistore24 and not about sockets. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function send(
	res: ServerResponse,
	status: number,
	body: string,
	contentType: string,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
	res.end(body);
}
