import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/** What the user can do about an error, chosen from what Digistore24 said. */
export function hintFor(message: string, httpCode?: number): string {
	if (/permission|full access|read[- ]?only|writable|not allowed|access denied/i.test(message)) {
		return 'This function changes data and needs an API key with full access. In Digistore24 open Settings → Account access → API keys, create a key with "Full access" and put it into the credential.';
	}
	if (/api function|unknown function|no such function/i.test(message)) {
		return 'Check the function name: it is case-sensitive (for example listPurchases, getPurchase). The Digistore24 API documentation lists every function.';
	}
	if (/api[ -]?key|apikey|authenticat|unauthori[sz]ed|invalid key/i.test(message) || httpCode === 401 || httpCode === 403) {
		return 'Check the API key in the Digistore24 credential and, if the key has an IP allow-list, that it includes this n8n server.';
	}
	if (/missing|required|parameter|argument/i.test(message)) {
		return 'Add the parameter Digistore24 names in the message (Parameters → Add Parameter).';
	}
	if (httpCode === 429) return 'Digistore24 is limiting the request rate. Try again later or slow the workflow down.';
	if (httpCode !== undefined && httpCode >= 500) return 'Digistore24 had a temporary problem. Try again in a few minutes.';
	return 'See the Digistore24 API documentation for this function.';
}

export interface ApiFailure {
	fn: string;
	message: string;
	code?: string;
	httpCode?: number;
	itemIndex?: number;
}

/** The one error the transport raises: Digistore24's own message and code, and what to do. */
export function digistore24Error(node: INode, failure: ApiFailure): NodeApiError {
	const codeText = failure.code !== undefined ? ` (code ${failure.code})` : '';
	const response: JsonObject = { message: failure.message, function: failure.fn };
	if (failure.code !== undefined) response.code = failure.code;
	const message = `Digistore24 ${failure.fn}: ${failure.message}${codeText}`;
	const error = new NodeApiError(node, response, {
		message,
		description: hintFor(failure.message, failure.httpCode),
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex: failure.itemIndex,
	});
	// NodeApiError swaps in a generic text when the message names a network code (ECONNRESET, …); keep ours.
	error.message = message;
	return error;
}

/** Errors leave the node as NodeApiError/NodeOperationError, never raw (raw ones lose the item and context). */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

export interface UnknownOutcome {
	fn: string;
	reason: string;
	/** Where to look whether the call was carried out. */
	howToCheck: string;
	itemIndex?: number;
}

/**
 * A write whose answer never came: Digistore24 may have carried it out. It was not sent again;
 * the user checks and decides. `context.outcomeUnknown` marks it for code that must not resend.
 */
export function outcomeUnknownError(node: INode, failure: UnknownOutcome): NodeApiError {
	const message = `Digistore24 ${failure.fn}: outcome unknown (${failure.reason}). Digistore24 may have carried out the call; it was not sent again.`;
	const error = new NodeApiError(node, { message, function: failure.fn } as JsonObject, {
		message,
		description: `${failure.howToCheck} Run it again only if it was not carried out. ${failure.fn} changes data, so this node never repeats it on its own.`,
		itemIndex: failure.itemIndex,
	});
	error.message = message;
	error.context.outcomeUnknown = true;
	return error;
}

/** The server answered with a redirect: not followed, as the request carries the API key. */
export function redirectError(node: INode, fn: string, status: number, location: string, itemIndex?: number): NodeApiError {
	const where = location ? ` to ${location}` : '';
	const message = `Digistore24 ${fn}: the server answered HTTP ${status} (redirect${where}); not followed, because the request carries your API key`;
	const error = new NodeApiError(node, { message, function: fn } as JsonObject, {
		message,
		description: 'Check the Base URL in the Digistore24 credential: it must be the address that answers itself (https://www.digistore24.com), not one that forwards elsewhere.',
		httpCode: String(status),
		itemIndex,
	});
	error.message = message;
	return error;
}
