import { berlinDateTime, TIMEZONE, utcOffset } from './clock';
import type { ApiError } from './errors';

/** Digistore24 wraps every answer in this envelope; the head is the same for success and error. */
export const API_VERSION = '1.2';

export interface Envelope {
	api_version: string;
	current_time: string;
	timezone: string;
	utc_offset: string;
	result: 'success' | 'error';
	data?: unknown;
	message?: string;
	code?: number;
}

function head(now: Date) {
	return { api_version: API_VERSION, current_time: berlinDateTime(now), timezone: TIMEZONE, utc_offset: utcOffset(now) };
}

export function successEnvelope(now: Date, data: unknown): Envelope {
	return { ...head(now), result: 'success', data };
}

export function errorEnvelope(now: Date, error: ApiError): Envelope {
	return { ...head(now), result: 'error', message: error.message, code: error.code };
}
