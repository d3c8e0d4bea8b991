import type { ICredentialDataDecryptedObject, IHookFunctions } from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../transport/request';
import { triggerCredentialKey } from './credentialCache';

/**
 * A publish that changed the trigger's settings runs delete() (ipnDelete) and, moments later,
 * create() (ipnSetup); between the two Digistore24 has no connection for the trigger. create()
 * would read and decrypt the credential again inside that gap (8–221 ms measured under n8n's
 * default expression engine on a busy machine), so delete() hands over what it read. Taken once,
 * and only within `HANDOVER_MS`: a credential edited between a deactivation and the next
 * activation is always read afresh.
 */
const HANDOVER_MS = 5_000;

const handedOver = new Map<string, { at: number; credentials: ICredentialDataDecryptedObject }>();

const keyFor = (ctx: IHookFunctions): string => triggerCredentialKey(ctx, ctx.getNode(), CREDENTIAL_NAME);

export function handOverCredentials(ctx: IHookFunctions, credentials: ICredentialDataDecryptedObject): void {
	const now = Date.now();
	for (const [key, entry] of handedOver) if (now - entry.at > HANDOVER_MS) handedOver.delete(key);
	handedOver.set(keyFor(ctx), { at: now, credentials });
}

/** The credential delete() just read for this trigger, or a fresh read. */
export async function credentialsForSetup(ctx: IHookFunctions): Promise<ICredentialDataDecryptedObject> {
	const key = keyFor(ctx);
	const entry = handedOver.get(key);
	handedOver.delete(key);
	if (entry && Date.now() - entry.at <= HANDOVER_MS) return entry.credentials;
	return await ctx.getCredentials(CREDENTIAL_NAME);
}
