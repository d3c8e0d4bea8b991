import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { verifyNotification } from '../ipn/verify';
import { CREDENTIAL_NAME } from '../transport/request';
import type { Operation } from './types';

/**
 * Verify Notification: for workflows that receive Digistore24 IPNs with n8n's own Webhook node
 * (Raw Body on). Checks sha_sign with the credential's IPN passphrase and outputs the same typed
 * item as the trigger. No API call.
 */
const fields: INodeProperties[] = [
	{
		displayName: 'Raw Body Property',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		description: 'Binary property holding the raw body (Webhook node → Options → Raw Body). Without it, the parsed body in the JSON "body" field is used.',
	},
	{
		displayName: 'Output Invalid Notifications on a Second Output',
		name: 'invalidOutput',
		type: 'boolean',
		default: false,
		description: 'Whether to send invalid notifications to an "Invalid" output (for example to a Respond to Webhook node answering 403) instead of failing the item',
	},
];

async function sourceOf(ctx: IExecuteFunctions, itemIndex: number): Promise<string | Record<string, string>> {
	const item = ctx.getInputData()[itemIndex];
	const property = ctx.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
	if (item.binary?.[property]) return (await ctx.helpers.getBinaryDataBuffer(itemIndex, property)).toString('utf8');
	const body = (item.json.body ?? item.json) as IDataObject;
	const params: Record<string, string> = {};
	for (const [key, value] of Object.entries(body)) if (value !== null && typeof value !== 'object') params[key] = String(value);
	return params;
}

export async function verifyItem(ctx: IExecuteFunctions, itemIndex: number): Promise<{ output: 0 | 1; items: INodeExecutionData[] }> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME, itemIndex);
	const result = verifyNotification(await sourceOf(ctx, itemIndex), credentials.ipnPassphrase as string | undefined);
	if (result.valid) return { output: 0, items: [{ json: result.item as IDataObject, pairedItem: { item: itemIndex } }] };
	if (ctx.getNodeParameter('invalidOutput', itemIndex, false)) {
		return { output: 1, items: [{ json: { valid: false, reason: result.reason, raw: result.params }, pairedItem: { item: itemIndex } }] };
	}
	throw new NodeOperationError(ctx.getNode(), `Not a valid Digistore24 notification: ${result.reason}`, {
		itemIndex,
		description: 'Check that the IPN Passphrase in the credential is the SHA passphrase of the Digistore24 connection, and that the Webhook node has Options → Raw Body on.',
	});
}

/**
 * Answer Notification: the end of a workflow whose trigger answers after success. Digistore24
 * counts a notification as delivered only when it reads `OK`; anything else (a failed run answers
 * 500) makes it retry. n8n's Respond to Webhook node (from version 1.1) refuses to answer for a
 * community trigger, so the answer is ours. Items pass through unchanged.
 */
export async function answerItem(ctx: IExecuteFunctions, itemIndex: number): Promise<{ output: 0 | 1; items: INodeExecutionData[] }> {
	// One answer per request: the first item sends it, the others only pass through.
	if (itemIndex === 0) await ctx.sendResponse({ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'OK' });
	return { output: 0, items: [{ ...ctx.getInputData()[itemIndex], pairedItem: { item: itemIndex } }] };
}

export const notificationOperations: Operation[] = [
	{
		resource: 'notification',
		operation: 'verify',
		name: 'Verify Notification',
		action: 'Verify a notification',
		description: 'Check the signature of a Digistore24 IPN received by a Webhook node and type its fields',
		fn: '',
		fields,
		local: verifyItem,
	},
	{
		resource: 'notification',
		operation: 'answer',
		name: 'Answer Notification',
		action: 'Answer a notification with OK',
		description:
			'Tell Digistore24 the notification was handled. Put it at the end of a workflow whose Digistore24 Trigger answers "After the workflow succeeded"; until then Digistore24 retries.',
		fn: '',
		local: answerItem,
	},
];
