import { findEvent, type IpnEvent } from './events';
import { normalizeIpn, withoutSignature, type NormalizedIpn } from './normalize';
import { parseIpnBody } from './parse';
import { verifyIpn, type VerifyResult } from './signature';
import { deliveryKey, type RepeatInfo, type RepeatMemory } from './dedupe';
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
	/** Remembers accepted deliveries to mark (or drop) exact repeats. */
	repeats?: { memory: RepeatMemory; dropExact: boolean; now: number };
}

export type Decision = Accepted | NotRun;
export type Accepted = { run: true; status: 200; body: 'OK'; item: (NormalizedIpn | Record<string, unknown>) & { repeat?: RepeatInfo } };
export type NotRun = { run: false; status: 200 | 400 | 403; body: string; reason: string; droppedRepeat?: RepeatInfo; params?: Record<string, string> };

const MAX_BODY_CHARS = 1_000_000;

export function decide(rawBody: string, settings: ReceiveSettings): Decision {
	if (rawBody.length > MAX_BODY_CHARS) return refuse(400, 'body too large for a Digistore24 notification');
	const parsed = parseIpnBody(rawBody);
	if (parsed.malformed) return refuse(400, 'body is not valid form encoding');
	if (parsed.duplicateKeys.length) return refuse(400, `parameter sent twice: ${parsed.duplicateKeys[0]}`);
	const { params } = parsed;
	const verdict: VerifyResult = verifyIpn(params, settings.passphrase);
	if (verdict !== 'valid') return { ...refuse(403, SIGNATURE_REASONS[verdict]), params };

	const value = params.event;
	if (value === 'connection_test') {
		if (!settings.includeConnectionTests) return skip('connection test');
		return runWith(params, findEvent(value) as IpnEvent, settings, rawBody);
	}
	const event = findEvent(value);
	if (!event) return skip(`unknown event "${value ?? ''}"`);
	if (!settings.events.includes(event.value)) return skip(`event ${event.value} not selected`);
	if (settings.productIds.length && !settings.productIds.includes(params.product_id ?? '')) {
		return skip(`product ${params.product_id ?? '(none)'} not selected`);
	}
	const filtered = filteredOut(params, event, settings);
	if (filtered) return skip(filtered);
	return runWith(params, event, settings, rawBody);
}

const SIGNATURE_REASONS: Record<Exclude<VerifyResult, 'valid'>, string> = {
	'no-passphrase': 'no IPN passphrase is configured, so no notification can be verified',
	missing: 'the notification has no sha_sign',
	unsigned: 'the Digistore24 connection has no SHA passphrase (sha_sign=no_signature_passphrase_provided)',
	invalid: 'sha_sign does not match: wrong passphrase or altered notification',
};

/**
 * Selected and verified: it runs. Only a byte-identical body counts as a repeat (see dedupe.ts);
 * it is dropped instead only when the user chose that, and the node logs each drop.
 */
function runWith(params: Record<string, string>, event: IpnEvent, settings: ReceiveSettings, rawBody: string): Decision {
	const repeat = settings.repeats?.memory.record(deliveryKey(rawBody), settings.repeats.now);
	if (repeat?.isRepeat && settings.repeats?.dropExact) {
		return { ...skip(`exact repeat (received ${repeat.count} times, first at ${repeat.firstSeenAt}); Exact Repeats is set to drop`), droppedRepeat: repeat, params };
	}
	const item = settings.rawOnly ? { event: params.event, ...withoutSignature(params) } : normalizeIpn(params, event);
	return { run: true, status: 200, body: 'OK', item: repeat ? { ...item, repeat } : item };
}

/** Valid but not for this workflow: answer OK so Digistore24 does not retry it for days. */
function skip(reason: string): NotRun {
	return { run: false, status: 200, body: 'OK', reason };
}

function refuse(status: 400 | 403, reason: string): NotRun {
	return { run: false, status, body: status === 403 ? 'Forbidden' : 'Bad Request', reason };
}
