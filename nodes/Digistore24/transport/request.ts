import {
	NodeOperationError,
	sleep,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { interpretResponse, type Digistore24Envelope } from './envelope';
import { digistore24Error } from './errors';
import { encodeForm, flattenParameters, type ParameterObject } from './parameters';
import { redact } from './redact';

/** The one door to the Digistore24 API: `POST {baseUrl}/api/call/{function}`, form-encoded. */
export type ApiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IPollFunctions | IWebhookFunctions;

export const CREDENTIAL_NAME = 'digistore24Api';
export const DEFAULT_BASE_URL = 'https://www.digistore24.com';

export interface CallOptions {
	language?: string;
	timeoutMs?: number;
	maxRetries?: number;
	itemIndex?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;
const BASE_BACKOFF_MS = 500;
/** Longer Retry-After waits than this fail at once instead of blocking the workflow. */
const MAX_RETRY_WAIT_MS = 60_000;
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RETRYABLE_NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|ECONNABORTED|EPIPE|EAI_AGAIN|socket hang up|timeout/i;

export async function callApi(
	this: ApiContext,
	fn: string,
	parameters: ParameterObject = {},
	options: CallOptions = {},
): Promise<Digistore24Envelope> {
	const node = this.getNode();
	if (!FUNCTION_NAME.test(fn)) {
		throw new NodeOperationError(node, `"${fn}" is not a Digistore24 function name`, {
			description: 'Function names are letters and digits only, for example getPurchase.',
			itemIndex: options.itemIndex,
		});
	}
	const credentials = await this.getCredentials(CREDENTIAL_NAME, options.itemIndex);
	const apiKey = String(credentials.apiKey ?? '');
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const body = { ...parameters };
	if (options.language) body.language = options.language;
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${baseUrl}/api/call/${fn}`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
		body: encodeForm(flattenParameters(body)),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
	for (let attempt = 0; ; attempt++) {
		let statusCode: number;
		let responseBody: unknown;
		let headers: Record<string, unknown>;
		const sentAt = Date.now();
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, request)) as {
				statusCode: number;
				body: unknown;
				headers: Record<string, unknown>;
			};
			({ statusCode, body: responseBody, headers } = response);
		} catch (error) {
			// Never pass the raw error on: it carries the request, and with it the API key header.
			const code = String(error?.cause?.code ?? error?.code ?? '');
			// axios reports its own timeout as an aborted connection; say what it was.
			const timedOut = Date.now() - sentAt >= request.timeout! * 0.95;
			const reason = timedOut
				? `no answer within ${request.timeout! / 1000} s: timeout`
				: redact([code, error?.message].filter(Boolean).join(': ') || String(error), apiKey);
			if (attempt < maxRetries && RETRYABLE_NETWORK.test(reason)) {
				await sleep(backoff(attempt));
				continue;
			}
			throw digistore24Error(node, {
				fn,
				message: `could not reach Digistore24 at ${redact(baseUrl, apiKey)} (${reason})${attempt ? ` after ${attempt + 1} attempts` : ''}`,
				itemIndex: options.itemIndex,
			});
		}
		const outcome = interpretResponse(statusCode, responseBody, headers);
		if (outcome.ok) return outcome.envelope;
		const waitMs = outcome.retryAfterSeconds !== undefined ? outcome.retryAfterSeconds * 1000 : backoff(attempt);
		if (outcome.retryable && attempt < maxRetries && waitMs <= MAX_RETRY_WAIT_MS) {
			await sleep(waitMs);
			continue;
		}
		const tries = outcome.retryable && attempt > 0 ? ` after ${attempt + 1} attempts` : '';
		throw digistore24Error(node, {
			fn,
			message: redact(outcome.message, apiKey) + tries,
			code: outcome.code,
			httpCode: outcome.httpCode,
			itemIndex: options.itemIndex,
		});
	}
}

function backoff(attempt: number): number {
	return BASE_BACKOFF_MS * 2 ** attempt;
}

/** `data` of a successful call. */
export async function callApiData<T = unknown>(
	this: ApiContext,
	fn: string,
	parameters: ParameterObject = {},
	options: CallOptions = {},
): Promise<T> {
	const envelope = await callApi.call(this, fn, parameters, options);
	return envelope.data as T;
}
