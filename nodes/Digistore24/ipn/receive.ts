import { findEvent, type IpnEvent } from './events';
import { normalizeIpn, withoutSignature, type NormalizedIpn } from './normalize';
import { parseIpnBody } from './parse';
import { verifyIpn, type VerifyResult } from './signature';
import { redeliveryKey, type Deduplicator } from './dedupe';
import { filteredOut, type FilterSettings } from './filters';

/**
 * Decides what the trigger answers Digistore24 for one POST and whether the workflow runs.
 * Pure: the node passes the raw body and its settings, and sends back what this returns.
 */
export interface ReceiveSettings extends FilterSettings {
	events: readonly string[];
	passphrase: string | undefined;
	productIds: readonly string[];
	includeConnectionTests: boolean;
	rawOnly: boolean;
	/** Remembers accepted notifications; undefined turns deduplication off. */
	deduplicator?: Deduplicator;
}

export type Decision =
	| { run: true; status: 200; body: 'OK'; item: NormalizedIpn | Record<string, unknown> }
	| { run: false; status: 200 | 400 | 403; body: string; reason: string };

const MAX_BODY_CHARS = 1_000_000;

export function decide(rawBody: string, settings: ReceiveSettings): Decision {
	if (rawBody.length > MAX_BODY_CHARS) return refuse(400, 'body too large for a Digistore24 notification');
	const parsed = parseIpnBody(rawBody);
	if (parsed.malformed) return refuse(400, 'body is not valid form encoding');
	if (parsed.duplicateKeys.length) return refuse(400, `parameter sent twice: ${parsed.duplicateKeys[0]}`);
	const { params } = parsed;
	const verdict: VerifyResult = verifyIpn(params, settings.passphrase);
	if (verdict !== 'valid') return refuse(403, SIGNATURE_REASONS[verdict]);

	const value = params.event;
	if (value === 'connection_test') {
		if (!settings.includeConnectionTests) return skip('connection test');
		return runWith(params, findEvent(value) as IpnEvent, settings);
	}
	const event = findEvent(value);
	if (!event) return skip(`unknown event "${value ?? ''}"`);
	if (!settings.events.includes(event.value)) return skip(`event ${event.value} not selected`);
	if (settings.productIds.length && !settings.productIds.includes(params.product_id ?? '')) {
		return skip(`product ${params.product_id ?? '(none)'} not selected`);
	}
	const filtered = filteredOut(params, event, settings);
	if (filtered) return skip(filtered);
	if (settings.deduplicator?.isDuplicate(redeliveryKey(params))) return skip('redelivery of a notification already received');
	return runWith(params, event, settings);
}

const SIGNATURE_REASONS: Record<Exclude<VerifyResult, 'valid'>, string> = {
	'no-passphrase': 'no IPN passphrase is configured, so no notification can be verified',
	missing: 'the notification has no sha_sign',
	unsigned: 'the Digistore24 connection has no SHA passphrase (sha_sign=no_signature_passphrase_provided)',
	invalid: 'sha_sign does not match: wrong passphrase or altered notification',
};

function runWith(params: Record<string, string>, event: IpnEvent, settings: ReceiveSettings): Decision {
	const item = settings.rawOnly ? { event: params.event, ...withoutSignature(params) } : normalizeIpn(params, event);
	return { run: true, status: 200, body: 'OK', item };
}

/** Valid but not for this workflow: answer OK so Digistore24 does not retry it for days. */
function skip(reason: string): Decision {
	return { run: false, status: 200, body: 'OK', reason };
}

function refuse(status: 400 | 403, reason: string): Decision {
	return { run: false, status, body: status === 403 ? 'Forbidden' : 'Bad Request', reason };
}
