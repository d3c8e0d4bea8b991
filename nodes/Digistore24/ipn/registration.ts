import { randomBytes } from 'crypto';
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import { callApiData, CREDENTIAL_NAME, DEFAULT_BASE_URL } from '../transport/request';
import { setupTokens } from './events';
import { derivePassphrase } from './passphrase';
import { webhookUrlFor } from './paths';

/**
 * The automatic-setup lifecycle at Digistore24: ipnInfo (exists?), ipnSetup (create or update,
 * keyed by our domain_id), ipnDelete. Test listening and production activation each keep their
 * own domain_id in static data, so neither can touch or orphan the other's connection.
 */
export interface RegistrationSlot extends IDataObject {
	domainId?: string;
	ipnId?: string;
	url?: string;
	settingsHash?: string;
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
	if (!slot.domainId) return false;
	const info = await callApiData.call(ctx, 'ipnInfo', { domain_id: slot.domainId }) as IDataObject | undefined;
	if (info?.have_settings !== 'Y') return false;
	// Registered, but for other events, products or URL: let create() update it in place.
	return slot.settingsHash === fingerprint(registrationSettings(ctx));
}

export async function createConnection(ctx: IHookFunctions): Promise<boolean> {
	const settings = registrationSettings(ctx);
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	await assertReachableUrl(ctx, settings.url, String(credentials.baseUrl || DEFAULT_BASE_URL));
	if (!settings.events.length) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event', { description: 'Digistore24 only sends the events you select under Events.' });
	}
	const slot = slotFor(ctx);
	slot.domainId ??= newDomainId(ctx);
	// Saved before the call, so a failed ipnSetup is retried (and deleted) under the same domain_id.
	saveSlot(ctx, slot);
	const tokens = setupTokens(settings.events);
	const data = await callApiData.call(ctx, 'ipnSetup', {
		ipn_url: settings.url,
		name: settings.name,
		domain_id: slot.domainId,
		product_ids: settings.productIds.length ? settings.productIds.join(',') : 'all',
		categories: tokens.categories,
		// Only order events have transactions; an empty list would mean "Digistore24's defaults".
		transactions: tokens.transactions || undefined,
		timing: settings.timing,
		sha_passphrase: derivePassphrase(String(credentials.apiKey), slot.domainId),
	}) as IDataObject | undefined;
	slot.ipnId = data?.ipn_id === undefined ? undefined : String(data.ipn_id);
	slot.url = settings.url;
	slot.settingsHash = fingerprint(settings);
	saveSlot(ctx, slot);
	return true;
}

export async function deleteConnection(ctx: IHookFunctions): Promise<boolean> {
	const slot = slotFor(ctx);
	if (!slot.domainId) return true;
	try {
		await callApiData.call(ctx, 'ipnDelete', { domain_id: slot.domainId });
	} catch (error) {
		// Keep the domain_id so the next activation updates the same connection instead of adding one.
		ctx.logger.warn(`Digistore24 Trigger: could not remove the IPN connection ${slot.domainId}: ${(error as Error).message}`);
		return false;
	}
	saveSlot(ctx, {});
	return true;
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
