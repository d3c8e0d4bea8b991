import type { ICredentialDataDecryptedObject, INode, IWebhookFunctions } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../transport/request';

/**
 * The trigger needs the credential (passphrase, API key) for every notification. n8n reads it from
 * the database, decrypts it and, under its default expression engine, takes a fresh expression
 * isolate to resolve it (n8n 2.41.1: credentials-helper.js, applyDefaultsAndOverwrites; the pool
 * disposes every isolate after use and builds a new one): roughly a third of the CPU n8n spends on
 * a whole request there. So each process keeps what it read for `KEEP_MS`, per workflow, node and
 * credential (at 5 s the reads still cost ~2% of the default engine's throughput on 2 cores).
 * A refused notification may mean the passphrase (or postback token) just changed, so it asks for
 * a fresh read, granted only when the last read is `REREAD_AFTER_MS` old: a new secret applies to
 * the first request that carries it, and forged requests cannot cost more than one read per
 * trigger that often. An old secret is refused once a request with the new one came, at the
 * latest `KEEP_MS` after the change. At most `MAX_KEPT` triggers are kept.
 */
const KEEP_MS = 30_000;
const REREAD_AFTER_MS = 2_000;
const MAX_KEPT = 200;

/** A trigger's credential, told apart by workflow, node and the credential attached to it (shared with credentialHandover.ts). */
export function triggerCredentialKey(ctx: Pick<IWebhookFunctions, 'getWorkflow'>, node: INode, type: string): string {
	return `${ctx.getWorkflow().id ?? ''}\u0000${node.id}\u0000${type}\u0000${node.credentials?.[type]?.id ?? ''}`;
}

const kept = new Map<string, { readAt: number; credentials: ICredentialDataDecryptedObject }>();

/** `node`: the trigger's node as the caller already has it (n8n deep-copies the node on every getNode()). */
export async function triggerCredentials(
	ctx: IWebhookFunctions,
	{ fresh = false, type = CREDENTIAL_NAME, node = ctx.getNode() }: { fresh?: boolean; type?: string; node?: INode } = {},
): Promise<{ credentials: ICredentialDataDecryptedObject; cached: boolean }> {
	const key = triggerCredentialKey(ctx, node, type);
	const hit = kept.get(key);
	const age = hit ? Date.now() - hit.readAt : Infinity;
	if (hit && age < (fresh ? REREAD_AFTER_MS : KEEP_MS)) return { credentials: hit.credentials, cached: true };
	const credentials = await ctx.getCredentials(type);
	kept.delete(key);
	kept.set(key, { readAt: Date.now(), credentials });
	// Oldest first (a Map keeps insertion order): a process serving many triggers stays bounded.
	if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
	return { credentials, cached: false };
}
