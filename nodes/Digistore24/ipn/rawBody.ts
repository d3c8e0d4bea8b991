import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * The request body exactly as sent, which n8n keeps as `rawBody` (its parsed `body` rewrites
 * bracketed keys); '' when there is none. Both webhook triggers read their parameters from it.
 */
export function rawBodyOf(ctx: IWebhookFunctions): string {
	const req = ctx.getRequestObject() as { rawBody?: Buffer | string };
	if (req.rawBody === undefined || req.rawBody === null) return '';
	return typeof req.rawBody === 'string' ? req.rawBody : req.rawBody.toString('utf8');
}
