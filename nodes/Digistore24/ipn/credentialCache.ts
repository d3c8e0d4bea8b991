import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../transport/request';

/**
 * The trigger needs the credential (passphrase, API key) for every notification. n8n reads it from
 * the database, decrypts it and, under its default expression engine, takes a second expression
 * sandbox to resolve it: more CPU than everything else the trigger does. So each process keeps
 * what it read for a few seconds, per workflow and node. The trigger reads again whenever a
 * notification is refused, so a new passphrase (or postback token) applies at once; an old one is refused at the
 * latest `KEEP_MS` after the change.
 */
const KEEP_MS = 5_000;

const kept = new Map<string, { readAt: number; credentials: ICredentialDataDecryptedObject }>();

export async function triggerCredentials(ctx: IWebhookFunctions, { fresh = false, type = CREDENTIAL_NAME } = {}): Promise<{ credentials: ICredentialDataDecryptedObject; cached: boolean }> {
	const node = ctx.getNode();
	const key = `${ctx.getWorkflow().id}:${node.id}:${type}:${node.credentials?.[type]?.id ?? ''}`;
	const hit = kept.get(key);
	if (!fresh && hit && Date.now() - hit.readAt < KEEP_MS) return { credentials: hit.credentials, cached: true };
	const credentials = await ctx.getCredentials(type);
	kept.set(key, { readAt: Date.now(), credentials });
	return { credentials, cached: false };
}
