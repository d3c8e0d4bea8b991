import { createHmac } from 'crypto';

/**
 * In automatic setup the IPN passphrase is derived from the API key and the connection's
 * domain_id, so nothing secret is stored in the workflow: whoever can compute it already holds the
 * API key. 40 characters fit Digistore24's limit of 63.
 */
export function derivePassphrase(apiKey: string, domainId: string): string {
	const key = `${domainId}\u0000${apiKey}`;
	let passphrase = derived.get(key);
	if (passphrase === undefined) {
		passphrase = createHmac('sha256', apiKey).update(`n8n-digistore24-ipn:${domainId}`).digest('base64url').slice(0, 40);
		// Every notification needs it: one HMAC per connection and key, not per request (bounded, oldest out).
		if (derived.size >= MAX_DERIVED) derived.delete(derived.keys().next().value as string);
		derived.set(key, passphrase);
	}
	return passphrase;
}

const MAX_DERIVED = 200;
const derived = new Map<string, string>();
