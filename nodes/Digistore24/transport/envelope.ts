/**
 * Digistore24 wraps every answer in an envelope `{ api_version, current_time, result, data }`;
 * errors come as `result: "error"` with `message` and `code`, sometimes with HTTP 200, sometimes 4xx.
 */
export interface Digistore24Envelope {
	api_version?: string;
	current_time?: string;
	timezone?: string;
	utc_offset?: string;
	result: 'success' | 'error';
	data?: unknown;
	message?: string;
	code?: number | string;
}

export type Interpreted =
	| { ok: true; envelope: Digistore24Envelope }
	| { ok: false; retryable: boolean; retryAfterSeconds?: number; message: string; code?: string; httpCode: number; fromEnvelope?: boolean };

export function interpretResponse(statusCode: number, body: unknown, headers: Record<string, unknown> = {}): Interpreted {
	const envelope = asEnvelope(body);
	const retryAfterSeconds = parseRetryAfter(headers['retry-after']);
	if (statusCode >= 200 && statusCode < 300 && envelope?.result === 'success') return { ok: true, envelope };
	if (envelope?.result === 'error' || (envelope && envelope.message)) {
		return {
			ok: false,
			retryable: isRetryableStatus(statusCode),
			retryAfterSeconds,
			message: String(envelope.message ?? 'Digistore24 reported an error without a message'),
			code: envelope.code === undefined ? undefined : String(envelope.code),
			httpCode: statusCode,
			fromEnvelope: true,
		};
	}
	if (statusCode >= 200 && statusCode < 300) {
		return {
			ok: false,
			retryable: false,
			message: 'Digistore24 answered with something that is not its JSON envelope',
			httpCode: statusCode,
		};
	}
	return {
		ok: false,
		retryable: isRetryableStatus(statusCode),
		retryAfterSeconds,
		message: `Digistore24 answered HTTP ${statusCode}`,
		httpCode: statusCode,
	};
}

export function isRetryableStatus(statusCode: number): boolean {
	return statusCode === 429 || statusCode >= 500;
}

function asEnvelope(body: unknown): Digistore24Envelope | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	if (value !== null && typeof value === 'object' && 'result' in value) return value as Digistore24Envelope;
	return undefined;
}

function parseRetryAfter(header: unknown): number | undefined {
	if (header === undefined || header === null) return undefined;
	const text = String(Array.isArray(header) ? header[0] : header);
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
