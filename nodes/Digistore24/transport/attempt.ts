import { interpretResponse, type Interpreted } from './envelope';
import { redact } from './redact';

/**
 * What one HTTP attempt came to, in the terms that decide a retry:
 * - `answered`: Digistore24's envelope (success or its error);
 * - `notSent`: Digistore24 provably did not get the call (connection refused, DNS failure,
 *   429 rate limit), so even a write may be sent again;
 * - `unknown`: the call may have been carried out (timeout, connection lost, 5xx, an answer
 *   that is not an envelope). Reads are retried; writes are not.
 * - `redirect`: the server pointed elsewhere; never followed, as the request carries the key.
 */
export type Attempt =
	| { kind: 'answered'; outcome: Interpreted }
	| { kind: 'notSent'; reason: string; retryAfterSeconds?: number; outcome?: Interpreted }
	| { kind: 'unknown'; reason: string; outcome?: Interpreted }
	| { kind: 'redirect'; status: number; location: string };

/** Network codes that mean the request never reached a server: nothing can have been carried out. */
const NOT_SENT_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENETUNREACH|EHOSTUNREACH)$/;

export interface HttpAnswer {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

export function fromAnswer(answer: HttpAnswer): Attempt {
	const { statusCode, body, headers } = answer;
	if (statusCode >= 300 && statusCode < 400) {
		return { kind: 'redirect', status: statusCode, location: String(headers.location ?? '') };
	}
	const outcome = interpretResponse(statusCode, body, headers);
	if (outcome.ok) return { kind: 'answered', outcome };
	// Digistore24 (and proxies in front of it) rate-limit before running the function.
	if (statusCode === 429) return { kind: 'notSent', reason: 'HTTP 429 rate limit', retryAfterSeconds: outcome.retryAfterSeconds, outcome };
	if (statusCode >= 500) return { kind: 'unknown', reason: `HTTP ${statusCode}`, outcome };
	// A 2xx that is not an envelope: the function may have run and its answer got mangled.
	if (statusCode >= 200 && statusCode < 300 && outcome.message.includes('not its JSON envelope')) return { kind: 'unknown', reason: outcome.message, outcome };
	return { kind: 'answered', outcome };
}

export function fromError(error: unknown, timeoutMs: number, elapsedMs: number, apiKey: string): Extract<Attempt, { kind: 'notSent' | 'unknown' }> {
	const failure = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } } | undefined;
	const code = String(failure?.cause?.code ?? failure?.code ?? '');
	// axios reports its own timeout as an aborted connection; say what it was.
	if (elapsedMs >= timeoutMs * 0.95 || /timeout/i.test(String(failure?.cause?.message ?? ''))) {
		return { kind: 'unknown', reason: `no answer within ${Math.round(timeoutMs / 100) / 10} s: timeout` };
	}
	const text = [code, failure?.cause?.message ?? failure?.message].filter(Boolean).join(': ') || String(error);
	const reason = redact(text, apiKey);
	if (NOT_SENT_CODES.test(code)) return { kind: 'notSent', reason };
	return { kind: 'unknown', reason };
}
