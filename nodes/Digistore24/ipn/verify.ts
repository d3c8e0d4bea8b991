import { findEvent } from './events';
import { normalizeIpn, withoutSignature, type NormalizedIpn } from './normalize';
import { parseIpnBody, type IpnParams } from './parse';
import { verifyIpn, type VerifyResult } from './signature';

/**
 * Verifies one notification received elsewhere (n8n's Webhook node) with the same core as the
 * trigger, and types it the same way. Unknown events are verified and passed on untyped.
 */
export type Verified =
	| { valid: true; item: NormalizedIpn | Record<string, unknown> }
	| { valid: false; reason: string; params: Record<string, string> };

const REASONS: Record<Exclude<VerifyResult, 'valid'>, string> = {
	'no-passphrase': 'no IPN passphrase in the credential',
	missing: 'the notification has no sha_sign',
	unsigned: 'the Digistore24 connection has no SHA passphrase (sha_sign=no_signature_passphrase_provided)',
	invalid: 'sha_sign does not match: wrong passphrase or altered notification',
};

export function verifyNotification(source: string | IpnParams, passphrase: string | undefined): Verified {
	let params: IpnParams;
	if (typeof source === 'string') {
		const parsed = parseIpnBody(source);
		if (parsed.malformed) return { valid: false, reason: 'the body is not valid form encoding', params: parsed.params };
		if (parsed.duplicateKeys.length) return { valid: false, reason: `parameter sent twice: ${parsed.duplicateKeys[0]}`, params: parsed.params };
		params = parsed.params;
	} else {
		params = source;
	}
	const verdict = verifyIpn(params, passphrase);
	if (verdict !== 'valid') return { valid: false, reason: REASONS[verdict], params: withoutSignature(params) };
	const event = findEvent(params.event);
	return { valid: true, item: event ? normalizeIpn(params, event) : { event: params.event, raw: withoutSignature(params) } };
}
