import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { interpretResponse } from './envelope';
import { redact } from './redact';
import { DEFAULT_BASE_URL } from './request';

/**
 * The credential's Test button: calls getUserInfo and fails on Digistore24's error envelope with
 * Digistore24's own message. A declarative `test` can only show a fixed text, and n8n 2.x hands
 * test functions only its deprecated `request` helper, so this uses the runtime's fetch with the
 * header set from the credential being tested.
 */
export async function testDigistore24Credential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const apiKey = String(credential.data?.apiKey ?? '');
	const baseUrl = String(credential.data?.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	if (!apiKey) return { status: 'Error', message: 'Enter the API key from Digistore24 (Settings → Account access → API keys).' };
	try {
		const response = await fetch(`${baseUrl}/api/call/getUserInfo`, {
			method: 'POST',
			headers: { 'X-DS-API-KEY': apiKey, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'language=en',
			redirect: 'error',
			signal: AbortSignal.timeout(15_000),
		});
		const outcome = interpretResponse(response.status, await response.text(), Object.fromEntries(response.headers));
		if (outcome.ok) {
			const data = (outcome.envelope.data ?? {}) as Record<string, unknown>;
			const who = data.user_name ? ` as ${String(data.user_name)}` : '';
			return { status: 'OK', message: `Connected to Digistore24${who}` };
		}
		const code = outcome.code !== undefined ? ` (code ${outcome.code})` : '';
		return { status: 'Error', message: redact(`Digistore24: ${outcome.message}${code}`, apiKey) };
	} catch (error) {
		const reason = redact(String(error?.cause?.code ?? error?.code ?? error?.message ?? error), apiKey);
		return { status: 'Error', message: `Could not reach Digistore24 at ${baseUrl}: ${reason}` };
	}
}
