import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { fromAnswer, fromError, type HttpAnswer } from './attempt';
import { checkBaseUrl } from './baseUrl';
import { redact } from './redact';

/**
 * The credential's Test button: getUserInfo through n8n's own HTTP client (`this.helpers.request`,
 * the one helper n8n 2.x gives credential tests), so n8n's proxy settings, its outbound (SSRF)
 * filter and its request logging apply, as they do for every node call. Fails on Digistore24's
 * error envelope with Digistore24's own message and code; never follows a redirect with the key.
 *
 * Why a test function (the nodes' `testedBy`) and not a declarative `test` on the credential:
 * n8n 2.41.1 (packages/cli credentials-tester.service) prefers a credential's `test` over every
 * node's `testedBy`, and a declarative test can only answer fixed texts: "ECONNREFUSED" when a
 * proxy refuses, one fixed sentence for every Digistore24 error. Digistore24's own reason (wrong
 * key, IP not allowed, …) would be lost.
 */
export const API_KEY_HEADER = 'X-DS-API-KEY';
const TIMEOUT_MS = 15_000;

export async function testDigistore24Credential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const apiKey = String(credential.data?.apiKey ?? '').trim();
	if (!apiKey) return { status: 'Error', message: 'Enter the API key from Digistore24 (Settings → Account access → API keys).' };
	const base = checkBaseUrl(credential.data?.baseUrl);
	if (!base.ok) return { status: 'Error', message: `Base URL: ${base.problem}.` };
	const url = `${base.url}/api/call/getUserInfo`;
	const sentAt = Date.now();
	let answer: HttpAnswer;
	try {
		// Credential tests get only this helper in n8n 2.x (CredentialTestContext); it is n8n's
		// outbound client (proxy, SSRF filter, logging), not a raw socket.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		answer = (await this.helpers.request({
			method: 'POST',
			uri: url,
			headers: { [API_KEY_HEADER]: apiKey, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'language=en',
			json: false,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			timeout: TIMEOUT_MS,
		})) as HttpAnswer;
	} catch (error) {
		const { reason } = fromError(error, TIMEOUT_MS, Date.now() - sentAt, apiKey);
		return { status: 'Error', message: `Could not reach Digistore24 at ${base.url} (${reason}). If n8n reaches the internet through a proxy, check n8n's proxy settings (HTTP_PROXY, HTTPS_PROXY, NO_PROXY).` };
	}
	const attempt = fromAnswer(answer);
	if (attempt.kind === 'redirect') {
		return { status: 'Error', message: `${base.url} answered with a redirect (HTTP ${attempt.status}${attempt.location ? ` to ${redact(attempt.location, apiKey)}` : ''}); not followed with your API key. Set the Base URL to the address that answers itself.` };
	}
	const outcome = attempt.outcome;
	if (outcome?.ok) {
		const data = (outcome.envelope.data ?? {}) as Record<string, unknown>;
		const who = data.user_name ? ` as ${String(data.user_name)}` : '';
		return { status: 'OK', message: `Connected to Digistore24${who}` };
	}
	if (outcome && !outcome.ok && outcome.fromEnvelope) {
		const code = outcome.code !== undefined ? ` (code ${outcome.code})` : '';
		return { status: 'Error', message: redact(`Digistore24: ${outcome.message}${code}`, apiKey) };
	}
	// No envelope: not Digistore24 answering (a proxy, a firewall, a wrong Base URL).
	const what = outcome && !outcome.ok ? outcome.message : 'no Digistore24 answer';
	return { status: 'Error', message: redact(`No answer from Digistore24 at ${base.url}: ${what}. A proxy or firewall between n8n and Digistore24, or a wrong Base URL, answered instead.`, apiKey) };
}
