import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { verifyNotification } from '../ipn/verify';
import { CREDENTIAL_NAME } from '../transport/request';
import { accessDataFields, accessDataOf, passwordsOf } from './accessData';
import { buildAccessReply, redactedLines, withoutSecrets } from './accessReply';
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
 * community trigger, so the answer is ours. Optional access data follow the `OK` (accessReply.ts).
 * Items pass through, without the passwords that were sent.
 */
export async function answerItem(ctx: IExecuteFunctions, itemIndex: number): Promise<{ output: 0 | 1; items: INodeExecutionData[] }> {
	const item = ctx.getInputData()[itemIndex];
	// One answer per request: the first item's fields make it, the others only pass through.
	const reply = buildAccessReply(accessDataOf(ctx));
	if (!reply.ok) {
		throw new NodeOperationError(ctx.getNode(), `Access data refused: ${reply.field} ${reply.reason}. Nothing was sent to Digistore24.`, {
			itemIndex,
			description:
				'Digistore24 reads the answer line by line, so each value must be one line of plain text. The run fails and Digistore24 sends the notification again later; fix the value (for example with .replace(/\\s+/g, " ") in the expression) or the step that produced it.',
		});
	}
	if (itemIndex === 0) await ctx.sendResponse({ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: reply.body });
	const json = withoutSecrets(item.json, passwordsOf(ctx));
	if (itemIndex === 0 && reply.lines.length > 0) json.digistore24Answer = { accessLines: redactedLines(reply.lines) };
	return { output: 0, items: [{ ...item, json, pairedItem: { item: itemIndex } }] };
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
		action: 'Answer a notification',
		description:
			'Tell Digistore24 the notification was handled (OK), optionally with access data for the buyer. Put it at the end of a workflow whose Digistore24 Trigger answers "After the workflow succeeded"; until then Digistore24 retries.',
		fn: '',
		fields: accessDataFields,
		local: answerItem,
	},
];
