import http from 'node:http';
import https from 'node:https';

/**
 * What Digistore24 does to an `ipn_url` before saving it: one GET, which must answer HTTP 200
 * (redirects are not followed, so 301/302 fail). With strict URLs it also refuses what it could
 * never reach: plain http and local addresses.
 */
export interface ProbeResult {
	status: number | null;
	detail: string;
}

export function probeUrl(url: URL, timeoutMs: number): Promise<ProbeResult> {
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		const request = client.get(url, { headers: { 'User-Agent': 'Digistore24-Emulator IPN URL check' }, timeout: timeoutMs }, (response) => {
			response.resume(); // the body does not matter, only the status
			response.on('end', () => resolve({ status: response.statusCode ?? null, detail: `HTTP ${response.statusCode}` }));
			response.on('error', (error) => resolve({ status: response.statusCode ?? null, detail: error.message }));
		});
		request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		request.on('error', (error) => resolve({ status: null, detail: (error as NodeJS.ErrnoException).code ?? error.message }));
	});
}

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\])$/i;

/** Why the real Digistore24 would refuse the URL, or undefined when it would call it. */
export function strictUrlProblem(url: URL): string | undefined {
	if (url.protocol !== 'https:') return 'Digistore24 only calls https URLs';
	if (LOCAL_HOST.test(url.hostname) || url.hostname.endsWith('.localhost')) return 'a local address cannot be reached from Digistore24';
	return undefined;
}
