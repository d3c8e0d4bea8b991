import { createHmac } from 'crypto';

/**
 * In automatic setup the IPN passphrase is derived from the API key and the connection's
 * domain_id, so nothing secret is stored in the workflow: whoever can compute it already holds the
 * API key. 40 characters fit Digistore24's limit of 63.
 */
export function derivePassphrase(apiKey: string, domainId: string): string {
	return createHmac('sha256', apiKey).update(`n8n-digistore24-ipn:${domainId}`).digest('base64url').slice(0, 40);
}
