import type { Deduplicator } from '../ipn/dedupe';
import { eventOf } from './events';
import { cleanParams, flag, normalizePostback, type NormalizedPostback, type PostbackWarnings } from './normalize';
import { parsePostback, type PostbackRequest } from './parse';
import { ROLE_PARAM, TOKEN_PARAM, type PostbackRole } from './placeholders';
import { redeliveryKeyOf } from './repeats';
import { checkToken, TOKEN_REASONS } from './token';

/**
 * Decides what the postback trigger answers and whether the workflow runs, for one request.
 * Pure: the node passes the request and its settings and sends back what this returns.
 * Order: the token first (nothing about a request without it is looked at further), then the
 * request's form, then the filters the user chose. Every postback that passes runs, repeats too.
 */
export interface PostbackSettings {
	token: string | undefined;
	events: readonly string[];
	productIds: readonly string[];
	includeTests: boolean;
	rawOnly: boolean;
	/** Remembers what this trigger received, to mark exact repeats (never to drop them). */
	memory?: Deduplicator;
}

export type PostbackDecision =
	| { run: true; status: 200; body: 'OK'; item: NormalizedPostback }
	| { run: false; status: 200 | 400 | 403; body: string; reason: string };

const MAX_BODY_CHARS = 1_000_000;

export function decidePostback(request: PostbackRequest, settings: PostbackSettings): PostbackDecision {
	if (request.body.length > MAX_BODY_CHARS) return refuse(400, 'body too large for a Digistore24 postback');
	const parsed = parsePostback(request);
	const verdict = checkToken(parsed.params[TOKEN_PARAM], settings.token);
	if (verdict !== 'valid') return refuse(403, TOKEN_REASONS[verdict]);
	if (parsed.malformed) return refuse(400, parsed.malformed);

	const { clean, unreplaced } = cleanParams(parsed.params, TOKEN_PARAM);
	const role = roleOf(clean[ROLE_PARAM]);
	const event = eventOf(role, clean.transaction_type || undefined, settings.events);
	const warnings: PostbackWarnings = {};
	if (unreplaced.length) warnings.unreplacedPlaceholders = unreplaced;
	if (parsed.duplicateKeys.length) warnings.repeatedParameters = [...new Set(parsed.duplicateKeys)];
	if (!role) warnings.unknownConnection = true;

	if (!settings.events.includes(event.value)) return skip(`${event.name} not selected`);
	if (flag(clean.is_test ?? '') === true && !settings.includeTests) return skip('test postback (Include Test Postbacks is off)');
	if (settings.productIds.length) {
		if (!clean.product_id) warnings.filtersNotApplied = ['productIds: the postback has no product_id'];
		else if (!settings.productIds.includes(clean.product_id)) return skip(`product ${clean.product_id} not selected`);
	}
	const isRepeat = settings.memory?.isDuplicate(redeliveryKeyOf(clean)) ?? false;
	return { run: true, status: 200, body: 'OK', item: normalizePostback({ params: clean, event, role, isRepeat, warnings, rawOnly: settings.rawOnly }) };
}

function roleOf(value: string | undefined): PostbackRole | undefined {
	return value === 'affiliate' || value === 'vendor' ? value : undefined;
}

/** Genuine but not for this workflow: answer OK, as Digistore24 expects of a working URL. */
function skip(reason: string): PostbackDecision {
	return { run: false, status: 200, body: 'OK', reason };
}

function refuse(status: 400 | 403, reason: string): PostbackDecision {
	return { run: false, status, body: status === 403 ? 'Forbidden' : 'Bad Request', reason };
}
