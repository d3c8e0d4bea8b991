import http from 'node:http';
import https from 'node:https';
import { signIpn, UNSIGNED_MARKER } from '../../nodes/Digistore24/ipn/signature';
import { buildSampleIpn, type IpnParams, type SampleOptions } from './ipn-sample';

/**
 * Sends IPNs the way Digistore24 does: POST, `application/x-www-form-urlencoded; charset=UTF-8`,
 * the parameters in their own order with `sha_sign` last, signed with the shipped signature module.
 */
export { buildSampleIpn, type IpnParams, type SampleOptions } from './ipn-sample';

export interface IpnAnswer {
	status: number;
	body: string;
}

/** PHP's urlencode, which Digistore24's form bodies follow: spaces as `+`, `!'()*` escaped too. */
function phpUrlencode(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

/** The form body with `sha_sign` appended; no passphrase → Digistore24's unsigned marker. */
export function signedBody(params: IpnParams, passphrase: string): string {
	const sha_sign = passphrase ? signIpn(params, passphrase) : UNSIGNED_MARKER;
	return Object.entries({ ...params, sha_sign })
		.map(([key, value]) => `${phpUrlencode(key)}=${phpUrlencode(value)}`)
		.join('&');
}

/** POSTs a form body and resolves with the answer; rejects only when there is none. */
export function postForm(url: string, body: string, timeoutMs = 30_000): Promise<IpnAnswer> {
	const target = new URL(url);
	const client = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.request(
			target,
			{
				method: 'POST',
				timeout: timeoutMs,
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
					'Content-Length': Buffer.byteLength(body),
					'User-Agent': 'Digistore24-Emulator IPN',
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
		request.on('error', reject);
		request.end(body);
	});
}

export interface SendOptions extends SampleOptions {
	url: string;
	event: string;
	passphrase: string;
	/** Send exactly these parameters instead of a sample. */
	params?: IpnParams;
}

/** Builds (or takes) an IPN, signs it and posts it; answers with the receiver's reply and what was sent. */
export async function sendIpn(options: SendOptions): Promise<IpnAnswer & { params: IpnParams }> {
	const params = options.params ?? buildSampleIpn(options.event, options);
	const answer = await postForm(options.url, signedBody(params, options.passphrase));
	return { ...answer, params };
}
