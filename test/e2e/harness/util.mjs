// Small async helpers shared by the harness modules.
import net from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer().once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Polls `fn` until it returns a truthy value; throws `message` (or fn's last error) on timeout. */
export async function waitFor(fn, { timeoutMs = 30_000, intervalMs = 200, message = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (e) {
			last = e;
		}
		await sleep(intervalMs);
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${last ? `: ${last.message}` : ''}`);
}
