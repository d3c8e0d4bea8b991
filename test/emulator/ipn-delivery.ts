import { berlinDateTime } from './clock';
import { placesShown, readIpnReply, renderAccess, type OrderAccess, type Place } from './ipn-reply';
import { postForm, type IpnAnswer } from './ipn-sender';
import type { EmulatorState } from './state';

/**
 * One IPN attempt the way Digistore24 makes it, and what it does with the answer: the IPN log
 * line (with the answer, how long it took and what was wrong), the access data kept with the
 * order, and — when the answer was not OK — the next retry (reference §3.1/S14: at least 20
 * retries over 10 days, the first after 3 minutes, growing to daily after about 10).
 */
export interface DeliveryTarget {
	url: string;
	/** The signed form body, sent again unchanged on every retry. */
	body: string;
	params: Record<string, string>;
	event: string;
	domain_id?: string;
	/** The connection's API key id (a resend goes over the same key's connection). */
	key_id?: string;
	/** The connection's timing; decides where access data are shown. */
	timing: string;
}

export interface PendingRetry extends DeliveryTarget {
	id: number;
	/** Attempts made so far (the first delivery is attempt 1). */
	attempts: number;
	next_at: string;
}

/** Minutes after each failed attempt; 20 retries, the last ones daily, over 10+ days. */
export const RETRY_DELAYS_MINUTES = [3, 6, 12, 30, 60, 120, 240, 480, 720, ...Array(11).fill(1440)];

export interface OrderAnswer {
	order_id: string;
	event: string;
	timing: string;
	at: string;
	access: OrderAccess;
	/** Where the buyer sees the access data, and the text shown there. */
	buyer_sees: Partial<Record<Place, string>>;
	/** The thank-you page the buyer is sent to (Digistore24's own unless thankyou_url came). */
	thankyou_redirect?: string;
}

export interface AttemptResult {
	answer?: IpnAnswer;
	error?: string;
	ok: boolean;
	duration_ms: number;
	retry?: PendingRetry;
}

export async function attemptDelivery(state: EmulatorState, target: DeliveryTarget, attempt = 1, timeoutMs?: number): Promise<AttemptResult> {
	const started = process.hrtime.bigint();
	let answer: IpnAnswer | undefined;
	let error: string | undefined;
	try {
		answer = await postForm(target.url, target.body, timeoutMs);
	} catch (e) {
		error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
	}
	const duration_ms = Number(process.hrtime.bigint() - started) / 1e6;
	const read = readIpnReply(answer ? answer.status : null, answer?.body);
	state.logIpn({
		type: 'delivery',
		url: target.url,
		event: target.event,
		...(target.domain_id !== undefined ? { domain_id: target.domain_id } : {}),
		...(target.key_id !== undefined ? { key_id: target.key_id } : {}),
		sent: target.body,
		order_id: target.params.order_id,
		attempt,
		status: answer ? answer.status : null,
		ok: read.ok,
		duration_ms: Math.round(duration_ms * 10) / 10,
		...(error ? { detail: error } : {}),
		...(answer ? { body: answer.body } : {}),
		...(read.problem ? { problem: read.problem } : {}),
		...(read.warnings.length ? { warnings: read.warnings } : {}),
	});
	if (read.ok) {
		if (read.access && target.params.order_id) keepWithOrder(state, target, read.access);
		return { answer, error, ok: true, duration_ms };
	}
	const delay = RETRY_DELAYS_MINUTES[attempt - 1];
	if (delay === undefined) return { answer, error, ok: false, duration_ms };
	const retry: PendingRetry = { ...target, id: state.nextRetryId++, attempts: attempt, next_at: new Date(state.now().getTime() + delay * 60_000).toISOString() };
	state.retries.push(retry);
	return { answer, error, ok: false, duration_ms, retry };
}

/** Makes every pending retry now, as if its time had come; the still failing ones queue again. */
export async function runRetries(state: EmulatorState): Promise<AttemptResult[]> {
	const due = state.retries.splice(0);
	const results: AttemptResult[] = [];
	for (const { id: _id, attempts, next_at: _next, ...target } of due) results.push(await attemptDelivery(state, target, attempts + 1));
	return results;
}

function keepWithOrder(state: EmulatorState, target: DeliveryTarget, access: OrderAccess): void {
	const text = renderAccess(access);
	const buyer_sees = Object.fromEntries(placesShown(access, target.timing).map((place) => [place, text]));
	state.orderAnswers.set(target.params.order_id, {
		order_id: target.params.order_id,
		event: target.event,
		timing: target.timing,
		at: berlinDateTime(state.now()),
		access,
		buyer_sees,
		...(access.thankyou_url && target.timing === 'before_thankyou' ? { thankyou_redirect: access.thankyou_url } : {}),
	});
}
