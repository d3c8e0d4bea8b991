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
import { callChangesData, howToCheck } from '../actions/functions';
import { fromAnswer, fromError, type Attempt, type HttpAnswer } from './attempt';
import { checkBaseUrl, DEFAULT_BASE_URL } from './baseUrl';
import type { Digistore24Envelope } from './envelope';
import { digistore24Error, outcomeUnknownError, redirectError } from './errors';
import { encodeForm, flattenParameters, type ParameterObject } from './parameters';
import { redact } from './redact';

/**
 * The one door to the Digistore24 API: `POST {baseUrl}/api/call/{function}`, form-encoded, sent
 * through n8n's HTTP helper with the credential's `authenticate` (so n8n's proxy settings, its
 * outbound (SSRF) filter and its logging apply), redirects never followed.
 *
 * Retries: reads are retried on anything that may pass (timeouts, lost connections, 429, 5xx).
 * A call that changes data (see actions/functions.ts) is sent again only when Digistore24
 * provably did not get it (connection refused, DNS failure, 429); when it may have been carried
 * out, the call fails with "outcome unknown" and says how to check.
 */
export type ApiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions | IPollFunctions;

export const CREDENTIAL_NAME = 'digistore24Api';
export { DEFAULT_BASE_URL };

export interface CallOptions {
	language?: string;
	timeoutMs?: number;
	/** Further attempts after the first, for failures that may be retried. */
	maxRetries?: number;
	itemIndex?: number;
	/** Overrides the catalogue: whether this call changes data (then it is sent once). */
	changesData?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
const BASE_BACKOFF_MS = 500;
/** Longer Retry-After waits than this fail at once instead of blocking the workflow. */
const MAX_RETRY_WAIT_MS = 60_000;
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export async function callApi(
	this: ApiContext,
	fn: string,
	parameters: ParameterObject = {},
	options: CallOptions = {},
): Promise<Digistore24Envelope> {
	const node = this.getNode();
	const itemIndex = options.itemIndex;
	if (!FUNCTION_NAME.test(fn)) {
		throw new NodeOperationError(node, `"${fn}" is not a Digistore24 function name`, {
			description: 'Function names are letters and digits only, for example getPurchase.',
			itemIndex,
		});
	}
	const credentials = await this.getCredentials(CREDENTIAL_NAME, itemIndex);
	const apiKey = String(credentials.apiKey ?? '');
	const base = checkBaseUrl(credentials.baseUrl);
	if (!base.ok) {
		throw new NodeOperationError(node, `Digistore24 credential: ${base.problem}`, {
			description: `Set the Base URL to ${DEFAULT_BASE_URL} (or leave it empty).`,
			itemIndex,
		});
	}
	const body = { ...parameters };
	if (options.language) body.language = options.language;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${base.url}/api/call/${fn}`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Accept: 'application/json' },
		body: encodeForm(flattenParameters(body)),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		json: false,
		timeout: timeoutMs,
	};
	const changesData = options.changesData ?? callChangesData(fn, parameters);
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;

	for (let attempt = 0; ; attempt++) {
		const result = await send(this, request, timeoutMs, apiKey);
		const tries = attempt > 0 ? ` after ${attempt + 1} attempts` : '';
		if (result.kind === 'redirect') throw redirectError(node, fn, result.status, redact(result.location, apiKey), itemIndex);
		if (result.kind === 'answered') {
			if (result.outcome.ok) return result.outcome.envelope;
			throw digistore24Error(node, { fn, message: redact(result.outcome.message, apiKey), code: result.outcome.code, httpCode: result.outcome.httpCode, itemIndex });
		}
		const mayRetry = result.kind === 'notSent' || !changesData;
		const waitMs = result.kind === 'notSent' && result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : backoff(attempt);
		if (mayRetry && attempt < maxRetries && waitMs <= MAX_RETRY_WAIT_MS) {
			await sleep(waitMs);
			continue;
		}
		if (result.kind === 'unknown' && changesData) {
			throw outcomeUnknownError(node, { fn, reason: result.reason + tries, howToCheck: howToCheck(fn), itemIndex });
		}
		if (result.outcome && !result.outcome.ok) {
			throw digistore24Error(node, { fn, message: redact(result.outcome.message, apiKey) + tries, code: result.outcome.code, httpCode: result.outcome.httpCode, itemIndex });
		}
		throw digistore24Error(node, {
			fn,
			message: `could not reach Digistore24 at ${redact(base.url, apiKey)} (${result.reason})${tries}`,
			itemIndex,
		});
	}
}

async function send(ctx: ApiContext, request: IHttpRequestOptions, timeoutMs: number, apiKey: string): Promise<Attempt> {
	const sentAt = Date.now();
	try {
		const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_NAME, request)) as HttpAnswer;
		return fromAnswer(answer);
	} catch (error) {
		// Never pass the raw error on: it carries the request, and with it the API key header.
		return fromError(error, timeoutMs, Date.now() - sentAt, apiKey);
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
