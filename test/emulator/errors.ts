/**
 * The emulator's API errors. Every error is a Digistore24 error envelope (`result: "error"`,
 * `message`, `code`) sent with HTTP 200, which is how Digistore24 answers logical errors most of
 * the time; clients must look at `result`, not only at the status. The codes are the emulator's
 * own and stable, so tests can assert them; Digistore24 does not publish its codes.
 */
export const ERROR_CODES = {
	INTERNAL_ERROR: 0,
	API_KEY_MISSING: 1,
	API_KEY_INVALID: 2,
	MISSING_PARAMETER: 3,
	NOT_FOUND: 4,
	INVALID_PARAMETER: 5,
	UNSUPPORTED_FORMAT: 6,
	PERMISSION_DENIED: 8,
	UNKNOWN_FUNCTION: 9,
	IPN_URL_NOT_OK: 10,
	IPN_URL_REFUSED: 11,
	INJECTED_ERROR: 12,
} as const;

export type ErrorName = keyof typeof ERROR_CODES;

export class ApiError extends Error {
	readonly code: number;
	constructor(
		readonly errorName: ErrorName,
		message: string,
	) {
		super(message);
		this.code = ERROR_CODES[errorName];
	}
}

/** One factory per error, so each message is written once. */
export const apiErrors = {
	internal: (detail: string) => new ApiError('INTERNAL_ERROR', `Internal error: ${detail}`),
	apiKeyMissing: () =>
		new ApiError('API_KEY_MISSING', 'No API key given: send it in the X-DS-API-KEY header.'),
	apiKeyInvalid: () =>
		new ApiError(
			'API_KEY_INVALID',
			'Invalid API key: no such key exists. Create one in Settings → Account access → API keys.',
		),
	missingParameter: (fn: string, name: string) =>
		new ApiError('MISSING_PARAMETER', `Missing required parameter '${name}' for ${fn}().`),
	notFound: (what: string, id: string) => new ApiError('NOT_FOUND', `${what} not found: ${id}`),
	invalidParameter: (name: string, value: string, expected: string) =>
		new ApiError('INVALID_PARAMETER', `Invalid value '${value}' for parameter '${name}': ${expected}.`),
	unsupportedFormat: (format: string) =>
		new ApiError('UNSUPPORTED_FORMAT', `Unsupported response format '${format}': only json is available.`),
	permissionDenied: (fn: string) =>
		new ApiError(
			'PERMISSION_DENIED',
			`Permission denied: ${fn}() changes data and needs an API key with full access (writable); this key is read-only.`,
		),
	unknownFunction: (fn: string) => new ApiError('UNKNOWN_FUNCTION', `Invalid API function called: ${fn}()`),
	ipnUrlNotOk: (url: string, outcome: string) =>
		new ApiError(
			'IPN_URL_NOT_OK',
			`The IPN URL ${url} did not answer HTTP 200 to a GET request (${outcome}). Redirects are not followed.`,
		),
	ipnUrlRefused: (url: string, reason: string) =>
		new ApiError('IPN_URL_REFUSED', `The IPN URL ${url} is not accepted: ${reason}.`),
	injected: () => new ApiError('INJECTED_ERROR', 'Temporary error, please try again later (injected by the emulator).'),
};
