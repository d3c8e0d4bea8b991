import { randomBytes } from 'crypto';
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import { callApiData, CREDENTIAL_NAME, DEFAULT_BASE_URL } from '../transport/request';
import { setupTokens } from './events';
import { repeatScope, repeatsToStore, type StoredRepeats } from './dedupe';
import { credentialsForSetup, handOverCredentials } from './credentialHandover';
import { digestOf } from './hash';
import { derivePassphrase } from './passphrase';
import { webhookUrlFor } from './paths';

/**
 * The automatic-setup lifecycle at Digistore24: ipnInfo (exists?), ipnSetup (create or update,
 * keyed by API key and our domain_id), ipnDelete. Test listening and production activation each
 * keep their own domain_id in static data, so neither can touch or orphan the other's connection.
 *
 * The domain_id is kept for good once chosen: publishing a changed workflow, deactivating and
 * activating again, and restarts all use the same one, so the connection keeps its passphrase and
 * what Digistore24 still retries stays verifiable.
 *
 * Publishing: n8n 2.x re-registers the trigger only when its own settings changed (name, type,
 * version, webhookId, credentials, parameters); then it calls delete() for each "default" webhook,
 * stores the new version and calls checkExists()/create(). delete() still removes the connection:
 * it gets the same activation mode ('update') for a publish and an unpublish, and a publish that
 * removes, disables or renames the trigger calls delete() with no create() after it, so keeping
 * the connection there would leave an orphan sending to a URL n8n no longer serves. delete() notes
 * that nothing is registered and hands its credential read to create() (credentialHandover.ts),
 * so create() goes straight to ipnSetup: the gap without a connection is n8n's own work between
 * the two hooks plus one ipnSetup.
 */
export interface RegistrationSlot extends IDataObject {
	domainId?: string;
	ipnId?: string;
	url?: string;
	settingsHash?: string;
	/** False after delete() removed the connection at Digistore24. */
	registered?: boolean;
	/** The id of the API key the connection was registered with (its number before the dash, not secret). */
	keyId?: string;
	/** A changed key already reported by an activation error: the next activation goes ahead with it. */
	keyChangeReported?: string;
}

type StaticDataContext = Pick<IHookFunctions, 'getWorkflowStaticData' | 'getMode'>;

const slotName = (ctx: StaticDataContext) => (ctx.getMode() === 'manual' ? 'testRegistration' : 'registration');

/** A copy of this mode's registration; change it with saveSlot(). */
export function slotFor(ctx: StaticDataContext): RegistrationSlot {
	return { ...((ctx.getWorkflowStaticData('node')[slotName(ctx)] as RegistrationSlot | undefined) ?? {}) };
}

/**
 * n8n persists static data only when a property of its observed object is assigned; changes
 * inside a nested object added later go unnoticed. So a slot is always written back whole.
 */
function saveSlot(ctx: StaticDataContext, slot: RegistrationSlot): void {
	ctx.getWorkflowStaticData('node')[slotName(ctx)] = { ...slot };
}

/**
 * n8n saves static data after these hooks: a good moment to store the repeat memory this process
 * holds (n8n does not keep what a webhook writes when it starts a run; see dedupe.ts).
 */
function storeRepeats(ctx: IHookFunctions): void {
	if (ctx.getMode() === 'manual') return;
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = repeatsToStore(repeatScope(ctx.getWorkflow().id, ctx.getNode().id, false), staticData.repeats as Partial<StoredRepeats> | undefined);
	if (stored) staticData.repeats = stored;
}

export interface RegistrationSettings {
	url: string;
	events: string[];
	productIds: string[];
	timing: string;
	name: string;
}

export function registrationSettings(ctx: IHookFunctions): RegistrationSettings {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const workflowName = ctx.getWorkflow().name ?? ctx.getWorkflow().id ?? '';
	return {
		url: webhookUrlFor(ctx.getNodeWebhookUrl('default') as string, options.answer === 'afterSuccess'),
		events: ctx.getNodeParameter('events', []) as string[],
		productIds: splitIds(options.productIds),
		timing: (options.timing as string) || 'before_thankyou',
		name: `n8n: ${workflowName}`.slice(0, 60),
	};
}

export function splitIds(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean);
}

function fingerprint(settings: RegistrationSettings): string {
	return JSON.stringify([settings.url, [...settings.events].sort(), settings.productIds, settings.timing]);
}

export async function connectionExists(ctx: IHookFunctions): Promise<boolean> {
	const slot = slotFor(ctx);
	if (!slot.domainId || slot.registered === false) return false;
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	assertSameApiKey(ctx, slot, String(credentials.apiKey));
	const info = await callApiData.call(ctx, 'ipnInfo', { domain_id: slot.domainId }) as IDataObject | undefined;
	if (info?.have_settings !== 'Y') return false;
	// Registered, but for other events, products or URL: let create() update it in place.
	return slot.settingsHash === fingerprint(registrationSettings(ctx));
}

export async function createConnection(ctx: IHookFunctions): Promise<boolean> {
	const settings = registrationSettings(ctx);
	const credentials = await credentialsForSetup(ctx);
	const apiKey = String(credentials.apiKey);
	await assertReachableUrl(ctx, settings.url, String(credentials.baseUrl || DEFAULT_BASE_URL));
	if (!settings.events.length) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event', { description: 'Digistore24 only sends the events you select under Events.' });
	}
	const slot = slotFor(ctx);
	assertSameApiKey(ctx, slot, apiKey);
	slot.domainId ??= newDomainId(ctx);
	if (slot.keyChangeReported && slot.keyId !== apiKeyId(apiKey)) {
		ctx.logger.warn(`Digistore24 Trigger: registering ${slot.domainId} with the new API key ${apiKeyId(apiKey)}; a connection left under key ${slot.keyId ?? '?'} keeps sending notifications this trigger refuses until it is deleted at Digistore24`);
	}
	delete slot.keyChangeReported;
	slot.keyId = apiKeyId(apiKey);
	// Saved before the call, so a failed ipnSetup is retried (and deleted) under the same domain_id.
	saveSlot(ctx, slot);
	const asked = setupParameters(settings.events);
	const data = await callApiData.call(ctx, 'ipnSetup', {
		ipn_url: settings.url,
		name: settings.name,
		domain_id: slot.domainId,
		product_ids: settings.productIds.length ? settings.productIds.join(',') : 'all',
		categories: asked.categories,
		transactions: asked.transactions,
		timing: settings.timing,
		sha_passphrase: derivePassphrase(apiKey, slot.domainId),
	}) as IDataObject | undefined;
	slot.ipnId = data?.ipn_id === undefined ? undefined : String(data.ipn_id);
	slot.url = settings.url;
	slot.registered = true;
	saveSlot(ctx, slot);
	// Read back: a token Digistore24 did not take would mean those events silently never arrive.
	const info = (await callApiData.call(ctx, 'ipnInfo', { domain_id: slot.domainId })) as IDataObject | undefined;
	const mismatch = settingsMismatch({ ...asked, ipn_url: settings.url }, info);
	if (mismatch) {
		throw new NodeOperationError(ctx.getNode(), `Digistore24 stored other IPN settings than the trigger asked for: ${mismatch}`, {
			description: `The connection ${slot.domainId} exists but would not send every selected event. Check it at Digistore24 under Settings → Integrations (IPN), or switch Setup to Manual.`,
		});
	}
	slot.settingsHash = fingerprint(settings);
	saveSlot(ctx, slot);
	storeRepeats(ctx);
	return true;
}

/**
 * Removals under way in this n8n instance. n8n calls delete() for each of the trigger's two "default"
 * webhooks at once (n8n 2.x tears a node's webhooks down in parallel); both would see the
 * connection registered and call ipnDelete twice. The second waits for the first instead.
 */
const removing = new Map<string, Promise<boolean>>();

export async function deleteConnection(ctx: IHookFunctions): Promise<boolean> {
	const slot = slotFor(ctx);
	if (!slot.domainId || slot.registered === false) return true;
	const key = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}\u0000${slot.domainId}`;
	const running = removing.get(key);
	if (running) return await running;
	const removal = removeConnection(ctx, slot).finally(() => removing.delete(key));
	removing.set(key, removal);
	return await removal;
}

async function removeConnection(ctx: IHookFunctions, slot: RegistrationSlot): Promise<boolean> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	const keyNow = apiKeyId(String(credentials.apiKey));
	if (slot.keyId && slot.keyId !== keyNow) {
		// The connection belongs to the old key: this key cannot remove it. Remember that the change
		// was reported, so activating again goes ahead (see assertSameApiKey).
		saveSlot(ctx, { ...slot, keyChangeReported: keyNow });
		ctx.logger.warn(`Digistore24 Trigger: connection ${slot.domainId} belongs to API key ${slot.keyId}; the credential's key ${keyNow} cannot remove it`);
		return true;
	}
	try {
		await callApiData.call(ctx, 'ipnDelete', { domain_id: slot.domainId });
	} catch (error) {
		// Keep everything so the next activation updates the same connection instead of adding one.
		ctx.logger.warn(`Digistore24 Trigger: could not remove the IPN connection ${slot.domainId}: ${(error as Error).message}`);
		return false;
	}
	// The domain_id stays: the next create() (a publish, or activating again) reuses it.
	saveSlot(ctx, { domainId: slot.domainId, registered: false });
	handOverCredentials(ctx, credentials);
	storeRepeats(ctx);
	return true;
}

/**
 * ipnSetup values as Digistore24's ipnSetup article prints them (reference §9): categories
 * `e-tickets` and `custom forms`; transactions without `payment_denial`, which that list does not
 * have. A token Digistore24 does not know could make those events silently never arrive, so
 * rejected payments are covered by `all` (every transaction type, including future ones): the
 * trigger itself runs only the selected events and answers the others OK. More notifications, none
 * lost.
 */
const CATEGORY_TOKENS: Record<string, string> = { etickets: 'e-tickets', customforms: 'custom forms' };
const UNLISTED_TRANSACTIONS = ['payment_denial'];

export function setupParameters(events: readonly string[]): { categories: string; transactions?: string } {
	const tokens = setupTokens(events);
	const categories = tokens.categories
		.split(',')
		.map((category) => CATEGORY_TOKENS[category] ?? category)
		.join(',');
	const transactions = tokens.transactions.split(',').some((t) => UNLISTED_TRANSACTIONS.includes(t)) ? 'all' : tokens.transactions;
	// Only order events have transactions; an empty list would mean "Digistore24's defaults".
	return { categories, transactions: transactions || undefined };
}

/** Tokens compared without case, spaces and dashes (`custom forms` = `customforms`). */
const token = (value: string) => value.toLowerCase().replace(/[\s-]+/g, '');
const tokens = (value: unknown) => String(value ?? '').split(',').map(token).filter(Boolean);

/**
 * What ipnInfo reports that differs from what was asked, or undefined. Fields ipnInfo does not
 * report are not judged (Digistore24 does not document its full answer); `all` covers any
 * transaction.
 */
export function settingsMismatch(asked: { ipn_url: string; categories: string; transactions?: string }, info: IDataObject | undefined): string | undefined {
	if (info?.have_settings !== 'Y') return 'ipnInfo reports no connection right after ipnSetup';
	const problems: string[] = [];
	if (info.ipn_url !== undefined && String(info.ipn_url) !== asked.ipn_url) problems.push(`URL ${String(info.ipn_url)} instead of ${asked.ipn_url}`);
	for (const field of ['categories', 'transactions'] as const) {
		if (info[field] === undefined || asked[field] === undefined) continue;
		const stored = tokens(info[field]);
		const missing = tokens(asked[field]).filter((wanted) => !stored.includes(wanted) && !(field === 'transactions' && stored.includes('all')));
		if (missing.length) problems.push(`${field} "${String(info[field])}" lack ${missing.join(', ')} (asked "${asked[field]}")`);
	}
	return problems.length ? problems.join('; ') : undefined;
}

/** The key's id as Digistore24 shows it (`ipn_config_api_key_id`): the number before the dash. */
export function apiKeyId(apiKey: string): string {
	const prefix = /^(\d+)-/.exec(apiKey.trim())?.[1];
	return prefix ?? `#${digestOf('sha256', apiKey, 'hex').slice(0, 8)}`;
}

/**
 * Connections belong to an API key: with another key, ipnInfo and ipnDelete cannot see the old
 * connection, which keeps sending notifications signed with the old key's passphrase (refused).
 * Say so instead of adding a second connection next to it.
 */
function assertSameApiKey(ctx: IHookFunctions, slot: RegistrationSlot, apiKey: string): void {
	const now = apiKeyId(apiKey);
	if (!slot.keyId || slot.keyId === now || slot.registered === false || slot.keyChangeReported === now) return;
	const message = `The Digistore24 API key changed: connection ${slot.domainId ?? ''} was registered with key ${slot.keyId}, the credential now holds key ${now}`;
	ctx.logger.warn(`Digistore24 Trigger: ${message}`);
	throw new NodeOperationError(ctx.getNode(), message, {
		description: `Digistore24 keeps that connection under the old key and this trigger cannot verify what it sends. Either put the old key (${slot.keyId}) back in the credential, deactivate the workflow (this removes the old connection), then enter the new key and activate; or delete the connection named "n8n: …" at Digistore24 under Settings → Integrations (IPN) and activate again (the trigger then registers with the new key).`,
	});
}

/** The passphrase the trigger verifies with in automatic setup (derived, never stored). */
export function automaticPassphrase(apiKey: string, slot: RegistrationSlot): string | undefined {
	return slot.domainId ? derivePassphrase(apiKey, slot.domainId) : undefined;
}

function newDomainId(ctx: IHookFunctions): string {
	const workflowId = String(ctx.getWorkflow().id ?? 'wf');
	const nodeId = ctx.getNode().id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
	const random = randomBytes(6).toString('hex');
	const mode = ctx.getMode() === 'manual' ? '-test' : '';
	return `n8n-${workflowId}-${nodeId}${mode}-${random}`;
}

/** Digistore24 only calls public https URLs; say so before it refuses with a vaguer message. */
async function assertReachableUrl(ctx: IHookFunctions, url: string, baseUrl: string): Promise<void> {
	const isRealDigistore24 = /^https:\/\/(www\.)?digistore24\.com\/?$/i.test(baseUrl.trim());
	if (!isRealDigistore24) return; // an emulator or proxy decides for itself
	const { protocol, hostname } = new URL(url);
	const local = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?$|0\.0\.0\.0)/.test(hostname);
	if (protocol !== 'https:' || local) {
		throw new NodeOperationError(ctx.getNode(), `Digistore24 cannot call ${url}`, {
			description:
				'Digistore24 only sends notifications to public https URLs. Set WEBHOOK_URL (or N8N_WEBHOOK_URL) to your public https address, use a tunnel, or switch Setup to Manual.',
		});
	}
}
